"""Regular-expression detectors for identifiers with a recognisable shape.

These run with or without deduce. They are tuned for Dutch transcripts: Dutch phone
numbers in every common spelling, postcodes (``1234 AB``), and dates of birth and
student numbers, which only count as identifiers next to a context word ("geboren",
"studentnummer"), because a bare date or six-digit number is usually something else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

Span = tuple[int, int, str]  # start, end, kind

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+"
    # Bare domains ("caring.vu.nl/app") only with a known top-level domain.
    r"|(?<![\w@.-])(?:[a-z0-9-]+\.)+(?:nl|com|org|net|eu|be|de|edu|io|info)(?:/[^\s<>\"']*)?"
    r"(?![\w@-])",
    re.IGNORECASE,
)
_TLD = re.compile(r"\.(?:nl|com|org|net|eu|be|de|edu|io|info)\b")
# Dutch numbers: a trunk "0" (or +31 / 0031, optionally "(0)") then nine digits, each
# optionally after up to two separators: 06-12345678, 010 - 123 45 67, (010) 1234567.
# Patterns start with a plain character class rather than a look-behind, so the regex
# engine can skip ahead to candidate characters (5x faster on long transcripts); the
# "not glued to a word" check is done in Python (_free_start).
NL_PHONE = re.compile(
    r"[+0(](?:(?<=\+)31|(?<=0)031|(?<=\()0|(?<=0))[ .-]?(?:\(0\)[ .-]?)?"
    r"[1-9](?:[ .\-)]{0,3}\d){8}(?!\d)"
)
INTL_PHONE = re.compile(r"(?:\+|00)[1-9](?:[ .\-()]{0,2}\d){7,14}(?!\d)")
# SA, SD and SS are never issued as postcode letters.
POSTCODE = re.compile(r"[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}\b")

_MONTHS = (
    "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    "december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|january|february|march|"
    "may|june|july|august|october"
)
_DATE = (
    r"(?:\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d{2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th|e|ste|de)? (?:{_MONTHS})\.?,? (?:19|20)\d{{2}}"
    rf"|(?:{_MONTHS}) \d{{1,2}}(?:st|nd|rd|th)?,? (?:19|20)\d{{2}}"
    r"|(?:19|20)\d{2}-\d{2}-\d{2}"
    r"|(?<=in )(?:19|20)\d{2})"
)
DATE_OF_BIRTH = re.compile(
    r"\b(?:geboren|geb\.|geboortedatum|geboortedag|born|date of birth|birth date|d\.o\.b\.|"
    r"dob|verjaardag|jarig|birthday)(?!\w)[^.\n]{0,30}?(?P<value>" + _DATE + r")\b",
    re.IGNORECASE,
)
STUDENT_NUMBER = re.compile(
    r"\b(?:student(?:en)?nummer|studentnr\.?|student number|student id|student-id|"
    r"leerlingnummer|leerlingnr\.?|studentid)(?!\w)[^.\n]{0,40}?(?P<value>\b[a-zA-Z]?\d{6,8})\b",
    re.IGNORECASE,
)
_SCHOOL_WORDS = (
    r"Hogeschool|Universiteit|University|Academie|Academy|ROC|Roc|College|Lyceum|"
    r"Gymnasium|Basisschool|Scholengemeenschap|Ziekenhuis|Kliniek|Huisartsenpraktijk|GGZ"
)
_CAP = r"[A-Z][\w'&-]*"
INSTITUTION = re.compile(
    rf"\b(?:{_CAP} )?(?:{_SCHOOL_WORDS})(?: (?:van |voor )?(?:de |het )?{_CAP}){{1,3}}"
    rf"|\b(?:{_CAP} ){{1,2}}(?:{_SCHOOL_WORDS})\b"
)
_INSTITUTION_WORDS = re.compile(_SCHOOL_WORDS.replace("Academie|Academy", "Academ"))
# Titles and phrases that introduce a person's name; used when deduce is not available.
# Searched in the lower-cased text (no \b or case folding in the pattern keeps it fast);
# the name itself must then be capitalised in the original text.
PERSON_TRIGGER = re.compile(
    r"(?:meneer|mevrouw|mevr\.|dhr\.|juf|juffrouw|meester|dokter|dr\.|mr\.?|mrs\.?|ms\.?|"
    r"heet|heette|genaamd|named|called|"
    r"mijn (?:vriend|vriendin|moeder|vader|broer|zus|oma|opa|mentor|coach|docent|slb'er|"
    r"huisgenoot|collega|buurman|buurvrouw|partner))(?=\s)"
)
PERSON_NAME = re.compile(
    r"\s+(?P<value>[A-Z][a-zà-ÿ'-]+(?:\s+(?:(?:van|de|der|den|ter|ten)\s+)*[A-Z][a-zà-ÿ'-]+)?)"
)
NOT_NAMES = frozenset(
    str.split(
        "nederlands engels duits frans spaans italiaans arabisch turks pools chinees "
        "latijn grieks fries papiaments marokkaans surinaams"
    )
)
_DOB_WORDS = ("geb", "born", "birth", "d.o.b", "dob", "verjaardag", "jarig")
_STUDENT_WORDS = ("studentnummer", "studentennummer", "studentnr", "student number",
                  "student id", "student-id", "studentid", "leerlingn")  # fmt: skip


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _free_start(text: str, start: int) -> bool:
    """The match does not continue a word or number ("A0612345678", "+0612...")."""
    return start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_+")


def find_patterns(text: str) -> Iterator[Span]:
    """All pattern matches; overlaps are resolved by the caller.

    Cheap substring tests skip patterns whose trigger cannot occur, since most
    transcripts hold no e-mail address, URL or date of birth at all."""
    lower = text.lower()
    if "@" in text:
        for m in EMAIL.finditer(text):
            yield m.start(), m.end(), "email"
    if "://" in text or "www." in lower or _TLD.search(lower):
        for m in URL.finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in ".,;:!?)]'\"":
                end -= 1
            yield m.start(), end, "url"
    for m in NL_PHONE.finditer(text):
        if _free_start(text, m.start()):
            yield m.start(), m.end(), "phone"
    for m in INTL_PHONE.finditer(text):
        if _free_start(text, m.start()) and 8 <= len(_digits(m.group())) <= 15:
            yield m.start(), m.end(), "phone"
    for m in POSTCODE.finditer(text):
        if _free_start(text, m.start()):
            yield m.start(), m.end(), "postcode"
    if any(word in lower for word in _DOB_WORDS):
        for m in DATE_OF_BIRTH.finditer(text):
            yield m.start("value"), m.end("value"), "date_of_birth"
    if any(word in lower for word in _STUDENT_WORDS):
        for m in STUDENT_NUMBER.finditer(text):
            yield m.start("value"), m.end("value"), "student_number"
    if _INSTITUTION_WORDS.search(text):
        for m in INSTITUTION.finditer(text):
            yield m.start(), m.end(), "institution"


def find_context_names(text: str) -> Iterator[Span]:
    """Names after a title or an introducing phrase: the no-deduce fallback for persons."""
    lower = text.lower()
    if len(lower) != len(text):
        # A few characters ("İ") grow when lower-cased; keep offsets aligned.
        lower = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)
    for trigger in PERSON_TRIGGER.finditer(lower):
        if not _free_start(lower, trigger.start()):
            continue
        m = PERSON_NAME.match(text, trigger.end())
        # "mijn docent Nederlands": languages are capitalised in Dutch but are not names.
        if m and m.group("value").casefold() not in NOT_NAMES:
            yield m.start("value"), m.end("value"), "person"
