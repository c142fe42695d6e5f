"""Import transcript files into a project: read, (pseudonymise,) find turns, segment, store.

Each file becomes one document through ``project.documents.add``, which stores the text,
attributes, speaker turns and units in one transaction: a file either lands completely
or not at all. A bad file is one line in the report and the batch goes on.

* Names are file stems; folders contribute every supported file below them (recursively,
  sorted, skipping hidden files and Word's "~$" lock files).
* Attributes: ``attributes`` (the --attr options) first, then the metadata sheet row of
  that file, which overrides per file, since it is the more specific source.
* Language: the ``language`` argument, else a sheet "language" of nl/en, else a guess.
* Duplicates (same text, by content hash) are skipped unless ``force``.
* Every document gets the same check as ``qualcode anonymise-check`` (patterns and
  deduce, one engine per process), so both report the same findings. Without
  ``pseudonymise`` they are reported, not changed. With it they are replaced by
  placeholders before anything is stored; the key (placeholder -> original) is returned
  in the report and never stored in the project. Pseudonymising refuses to start when
  deduce cannot be loaded (names would stay in clear text), unless ``patterns_only``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.core.errors import DomainError, QualcodeError
from qualcode.core.records import TurnRecord
from qualcode.io.anonymise import Finding, check_report, engine
from qualcode.io.anonymise.pseudonymise import pseudonymise_with_edits, shift_offsets
from qualcode.io.limits import DEFAULT as DEFAULT_LIMITS
from qualcode.io.limits import Limits, clean_name, printable
from qualcode.io.transcripts.extract import SUPPORTED_SUFFIXES, ExtractedText, read_transcript
from qualcode.io.transcripts.metadata import MetadataSheet, read_metadata
from qualcode.io.transcripts.segment import SUPPORTED_LANGUAGES, guess_language, segment
from qualcode.io.transcripts.speakers import Turn, detect_turns

if TYPE_CHECKING:
    from qualcode.core.project import Project

Progress = Callable[[int, int], None]


@dataclass
class ImportedDocument:
    name: str
    path: Path
    document_id: int
    language: str
    source_format: str
    words: int
    speakers: dict[str, int]  # speaker -> number of turns
    units: dict[str, int]  # kind -> count
    findings: list[Finding] = field(default_factory=list)
    key: dict[str, str] = field(default_factory=dict)  # placeholder -> original
    warnings: list[str] = field(default_factory=list)


@dataclass
class ImportProblem:
    path: Path
    reason: str


@dataclass
class ImportReport:
    imported: list[ImportedDocument] = field(default_factory=list)
    skipped: list[ImportProblem] = field(default_factory=list)  # duplicates
    failed: list[ImportProblem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def lines(self) -> list[str]:
        """One human-readable line per file, then general warnings."""
        out = []
        for doc in self.imported:
            turns = sum(doc.speakers.values())
            flagged = f", {len(doc.findings)} possible identifiers" if doc.findings else ""
            if doc.key:
                flagged = f", {len(doc.key)} identifiers pseudonymised"
            out.append(
                f"imported {doc.name} [{doc.source_format}, {doc.language}, {doc.words:,} words, "
                f"{turns} turns, {doc.units.get('sentence', 0)} sentences{flagged}]"
            )
            out.extend(f"  warning: {w}" for w in doc.warnings)
        out.extend(f"skipped {printable(p.path.name)}: {printable(p.reason)}" for p in self.skipped)
        out.extend(f"failed {printable(p.path.name)}: {printable(p.reason)}" for p in self.failed)
        out.extend(f"warning: {w}" for w in self.warnings)
        return out


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[ImportProblem]]:
    """Expand folders; report missing paths. Explicit files are kept whatever their type,
    so an unsupported one is reported by the reader instead of silently dropped."""
    files: list[Path] = []
    problems: list[ImportProblem] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not p.name.startswith((".", "~$"))
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            # A link inside the folder to a file outside it (/etc/passwd, another
            # study's data) is not part of what the user chose to import.
            root = path.resolve()
            outside = [p for p in found if not p.resolve().is_relative_to(root)]
            problems.extend(
                ImportProblem(p, "symbolic link to a file outside the folder; not followed")
                for p in outside
            )
            found = [p for p in found if p not in outside]
            if not found:
                problems.append(ImportProblem(path, "folder holds no .docx/.odt/.txt/.md files"))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            problems.append(ImportProblem(path, "no such file or folder"))
    return files, problems


def ignored_in_folders(paths: Iterable[Path], metadata_sheet: Path | None) -> list[Path]:
    """Files inside the given folders that a folder import passes over (said, not hidden)."""
    sheet = metadata_sheet.resolve() if metadata_sheet else None
    ignored = []
    for folder in (Path(p) for p in paths):
        if not folder.is_dir():
            continue
        for p in sorted(folder.rglob("*")):
            hidden = any(part.startswith((".", "~$")) for part in p.relative_to(folder).parts)
            if (
                p.is_file()
                and not hidden
                and p.suffix.lower() not in SUPPORTED_SUFFIXES
                and p.resolve() != sheet
            ):
                ignored.append(p)
    return ignored


def import_files(
    project: Project,
    paths: Sequence[Path],
    *,
    attributes: dict[str, str] | None = None,
    metadata_sheet: Path | None = None,
    language: str | None = None,
    pseudonymise: bool = False,
    force: bool = False,
    allow: Iterable[str] = frozenset(),
    progress: Progress | None = None,
    log: Callable[[str], None] | None = None,
    patterns_only: bool = False,
    max_size: int | None = None,
) -> ImportReport:
    if language is not None and language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(SUPPORTED_LANGUAGES)}")
    if pseudonymise and not patterns_only:
        require_deduce(log)
    report = ImportReport()
    limits = DEFAULT_LIMITS.scaled(max_size)
    sheet = read_metadata(metadata_sheet, limits=limits) if metadata_sheet else None
    files, problems = collect_files(paths)
    report.failed.extend(problems)
    ignored = ignored_in_folders(paths, metadata_sheet)
    if ignored:
        shown = ", ".join(p.name for p in ignored[:5]) + (" ..." if len(ignored) > 5 else "")
        report.warnings.append(
            f"ignored {len(ignored)} file(s) that are not transcripts (.docx/.odt/.txt/.md): "
            f"{shown}"
        )
    allow = set(allow)
    for done, path in enumerate(files):
        if progress:
            progress(done, len(files))
        _import_one(project, path, report, attributes or {}, sheet, language,
                    pseudonymise, force, allow, log, patterns_only, limits)  # fmt: skip
    if progress:
        progress(len(files), len(files))
    if sheet is not None:
        unused = sheet.unused()
        if unused:
            report.warnings.append(
                f"metadata rows without a matching file: {', '.join(unused[:10])}"
                + (f" and {len(unused) - 10} more" if len(unused) > 10 else "")
            )
    return report


def _import_one(
    project: Project,
    path: Path,
    report: ImportReport,
    attributes: dict[str, str],
    sheet: MetadataSheet | None,
    language: str | None,
    pseudonymise: bool,
    force: bool,
    allow: set[str],
    log: Callable[[str], None] | None,
    patterns_only: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> None:
    from qualcode.core.services.documents import DuplicateDocument

    stored_text = ""
    try:
        extracted = read_transcript(path, limits=limits)
        attrs = dict(attributes)
        warnings = list(extracted.warnings)
        if sheet is not None:
            row = sheet.lookup(path)
            if row is None:
                warnings.append("not listed in the metadata sheet")
            else:
                attrs.update(row)
        sheet_language = attrs.get("language", "").strip().lower()
        lang = (
            language
            or (sheet_language if sheet_language in SUPPORTED_LANGUAGES else None)
            or guess_language(extracted.text)
        )
        findings: list[Finding] = []
        key: dict[str, str] = {}
        checked = check_report(
            extracted.text, allow=allow, language=lang, use_deduce=not patterns_only, progress=log
        )
        findings = checked.findings
        warnings.extend(checked.warnings)
        if pseudonymise and findings:
            extracted, key = _pseudonymised(extracted, findings)
        stored_text = extracted.text
        turns = detect_turns(extracted.text, extracted.paragraphs, extracted.bold_prefixes)
        units = segment(extracted.text, lang, extracted.paragraphs, turns)
        record = project.documents.add(
            clean_name(path.stem),
            extracted.text,
            source_format=extracted.source_format,
            language=lang,
            attributes=attrs,
            turns=[TurnRecord(t.speaker, t.start, t.end) for t in turns],
            units=[(u.kind, u.start, u.end) for u in units],
            source_path=str(path),
            force=force,
            # Headers and comments may hold identifiers the check did not look at.
            notes="" if pseudonymise else extracted.notes,
        )
    except DuplicateDocument as exc:
        report.skipped.append(ImportProblem(path, _reason(exc, path)))
        return
    except DomainError as exc:
        # Importing the same folder twice should skip what is there, not fail on names.
        if stored_text and _same_document_exists(project, clean_name(path.stem), stored_text):
            report.skipped.append(ImportProblem(path, "already imported (same name and text)"))
        else:
            report.failed.append(ImportProblem(path, _reason(exc, path)))
        return
    except (QualcodeError, ValueError, OSError) as exc:
        report.failed.append(ImportProblem(path, _reason(exc, path)))
        return
    except RecursionError:
        report.failed.append(ImportProblem(path, "nested too deeply to read"))
        return
    except Exception as exc:  # a reader library's own bug on a malformed file
        # One line for this file and the batch goes on; the traceback helps no user.
        problem = f"cannot read this file ({type(exc).__name__}: {exc})"
        report.failed.append(ImportProblem(path, problem))
        return
    report.imported.append(
        ImportedDocument(
            name=record.name,
            path=path,
            document_id=record.id,
            language=lang,
            source_format=extracted.source_format,
            words=len(extracted.text.split()),
            speakers=_speaker_counts(turns),
            units={
                k: sum(1 for u in units if u.kind == k) for k in ("sentence", "paragraph", "turn")
            },
            findings=findings,
            key=key,
            warnings=warnings,
        )
    )


def require_deduce(log: Callable[[str], None] | None = None) -> None:
    """Load deduce, or refuse: pseudonymising without it leaves names in clear text."""
    try:
        engine.get_deduce(log)
    except engine.DeduceUnavailable as exc:
        raise QualcodeError(
            f"cannot pseudonymise: {exc}. Without deduce, names and places would stay in "
            "clear text; to replace only e-mail addresses, phone numbers, postcodes and "
            "the like, pseudonymise with the patterns only (--patterns-only)"
        ) from exc


def _same_document_exists(project: Project, name: str, text: str) -> bool:
    from qualcode.core.services.documents import content_hash

    try:
        existing = project.documents.get(name)
    except QualcodeError:
        return False
    return existing.content_hash == content_hash(text)


def _reason(exc: Exception, path: Path) -> str:
    text = str(exc)
    # TranscriptError and some service errors already start with the file or document name.
    for prefix in (f"{path.name}: ", f"{path.stem}: "):
        if text.startswith(prefix):
            return text[len(prefix) :]
    return text


def _speaker_counts(turns: list[Turn]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for turn in turns:
        counts[turn.speaker] = counts.get(turn.speaker, 0) + 1
    return counts


def _pseudonymised(
    extracted: ExtractedText, findings: list[Finding]
) -> tuple[ExtractedText, dict[str, str]]:
    """Replace findings and move the layout offsets along with the text."""
    text, key, edits = pseudonymise_with_edits(extracted.text, findings)
    return (
        ExtractedText(
            text=text,
            source_format=extracted.source_format,
            paragraphs=shift_offsets(extracted.paragraphs, edits),
            bold_prefixes=shift_offsets(extracted.bold_prefixes, edits),
            notes=extracted.notes,
            encoding=extracted.encoding,
            warnings=extracted.warnings,
        ),
        key,
    )
