"""Read a REFI-QDA project (.qdpx zip or bare .qde) into a ProjectBundle.

Lenient where real tools differ (see ``shared/refi-qda/INTEROP.md`` and
``docs/exchange.md``), strict where a file would put codings on the wrong words:

- any single ``*.qde`` at the zip root; ``sources/`` matched case-insensitively; source
  paths ``internal://``, ``relative://``, ``absolute://`` or bare are looked up by file
  name inside the zip only (we never read files on this machine a project names);
- positions in code points, or UTF-16 code units when the file comes from NVivo (or
  when only UTF-16 fits); BOM stripped; CRLF stored as LF with positions mapped;
- refused with one line, before anything is stored: DTDs/entities, unsafe zips (see
  ``archive``), duplicate GUIDs, codings on a source whose text is missing, positions
  outside the text or inside an emoji, codings of unknown codes.
- kept but not coded: PDF/picture/audio/video sources and text sources without a plain
  text (listed in ``bundle.sources`` with ``text=None`` and a reason).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path, PurePosixPath

from lxml import etree

from qualcode.core.codebook_spec import CodebookSpec
from qualcode.core.errors import QualcodeError
from qualcode.core.exchange import (
    SET_ATTRIBUTE_PREFIX,
    BundleCoding,
    BundleNote,
    BundleSet,
    BundleSource,
    BundleUser,
    ProjectBundle,
    guid_key,
)
from qualcode.io import limits as lim
from qualcode.io.codebook_formats.common import validate_spec
from qualcode.io.codebook_formats.qdc import mapped_guid, read_code
from qualcode.io.codebook_formats.safe_xml import children_named, first_child, local_name, parse_xml

from .archive import EXCHANGE_LIMITS, ExchangeError, SafeArchive
from .positions import PositionError, PositionMap, decode_source
from .qde_extras import apply_extras

PI_TARGET = "qualcode-project"
_MEDIA = {
    "PDFSource": "pdf",
    "PictureSource": "picture",
    "AudioSource": "audio",
    "VideoSource": "video",
}


def read_exchange_file(path: Path, limits: lim.Limits = EXCHANGE_LIMITS) -> ProjectBundle:
    """Read a .qdpx (zip) or a bare .qde; refuses unsafe or broken files (one line)."""
    source = str(path)
    try:
        data = lim.read_bounded(path, limits)
    except OSError as exc:
        raise ExchangeError(source, f"cannot be read ({exc.strerror})") from exc
    if path.suffix.lower() == ".qde":
        lim.check_xml(data, source, limits, strict=False)
        return _Reader(source, data, None).read()
    archive = SafeArchive(data, source, limits)
    try:
        roots = [n for n in archive.names() if "/" not in n and n.lower().endswith(".qde")]
        preferred = [n for n in roots if n.lower() == "project.qde"] or roots
        if len(preferred) != 1:
            found = ", ".join(roots) or "none"
            raise ExchangeError(source, f"expected one .qde project file in the zip, found {found}")
        qde = archive.read(preferred[0])
        lim.check_xml(qde, source, limits, part=preferred[0], strict=False)
        return _Reader(source, qde, archive).read()
    finally:
        archive.close()


def _when(raw: str | None) -> datetime | None:
    if not raw:
        return None
    try:
        moment = datetime.fromisoformat(raw.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is not None:
        from datetime import UTC

        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


class _Reader:
    def __init__(self, source: str, data: bytes, archive: SafeArchive | None) -> None:
        self.source = source
        self.archive = archive
        self.root = parse_xml(data, source)
        if local_name(self.root) != "Project":
            raise ExchangeError(
                source, f"the root element is <{local_name(self.root)}>, not a REFI-QDA <Project>"
            )
        self.origin = (self.root.get("origin") or "").strip()
        self.unit = "utf16" if "nvivo" in self.origin.lower() else "codepoint"
        self.renamed: dict[str, str] = {}
        self.seen: dict[str, str] = {}  # guid key -> what carries it
        self.bundle = ProjectBundle(name=(self.root.get("name") or "").strip(), origin=self.origin)
        self.meta = self._metadata()
        self.note_targets: dict[str, tuple[str, str | None]] = {}  # note guid -> target

    # ------------------------------------------------------------------ helpers
    def fail(self, problem: str) -> ExchangeError:
        return ExchangeError(self.source, problem)

    def guid(self, raw: str | None, what: str, *, register: bool = True) -> str:
        guid = mapped_guid(raw, self.renamed)
        if not guid:
            raise self.fail(f"{what} has no guid")
        if register:
            key = guid_key(guid)
            if key in self.seen:
                raise self.fail(f"duplicate GUID {guid}: used by {self.seen[key]} and {what}")
            self.seen[key] = what
        return guid

    def ref(self, raw: str | None) -> str:
        return mapped_guid(raw, self.renamed) or ""

    def _metadata(self) -> dict[str, object]:
        for node in self.root.itersiblings(preceding=True):
            if isinstance(node, etree._ProcessingInstruction) and node.target == PI_TARGET:
                try:
                    meta = json.loads(node.text or "{}")
                except json.JSONDecodeError as exc:
                    raise self.fail(f"the <?{PI_TARGET}?> instruction is not valid JSON") from exc
                return meta if isinstance(meta, dict) else {}
        return {}

    # ------------------------------------------------------------------ reading
    def read(self) -> ProjectBundle:
        self._users()
        self._codebook()
        variables = self._variables()
        notes = self._notes()
        self._sources(variables)
        self._cases(variables)
        self._sets()
        self._place_notes(notes)
        apply_extras(self.bundle, self.meta, self.codes)
        if self.renamed:
            self.bundle.warnings.append(
                f"{len(self.renamed)} id(s) were not GUIDs and were given new GUIDs"
            )
        return self.bundle

    def _users(self) -> None:
        roles = self.meta.get("roles") if isinstance(self.meta.get("roles"), dict) else {}
        assert isinstance(roles, dict)
        role_of = {guid_key(k): str(v) for k, v in roles.items()}
        users = first_child(self.root, "Users")
        for element in children_named(users, "User") if users is not None else []:
            guid = self.guid(element.get("guid"), f"user {element.get('name', '')!r}")
            name = (element.get("name") or element.get("id") or "").strip() or f"user {guid[:8]}"
            role = role_of.get(guid_key(guid), "coder")
            self.bundle.users.append(
                BundleUser(guid, name, role if role in ("lead", "consensus") else "coder")
            )

    def _codebook(self) -> None:
        codebook = first_child(self.root, "CodeBook")
        codes = first_child(codebook, "Codes") if codebook is not None else None
        meta = self.meta.get("codebook") if isinstance(self.meta.get("codebook"), dict) else {}
        assert isinstance(meta, dict)
        spec = CodebookSpec(
            name=str(meta.get("name") or self.bundle.name),
            description=str(meta.get("description") or ""),
            language=str(meta["language"]) if meta.get("language") else None,
        )
        self.code_notes: dict[str, list[str]] = {}
        if codes is not None:
            spec.codes = [read_code(e, self.renamed) for e in children_named(codes, "Code")]
            for element in codes.iter():
                if local_name(element) == "Code":
                    guid = self.guid(element.get("guid"), f"code {element.get('name', '')!r}")
                    for ref in children_named(element, "NoteRef"):
                        self.code_notes.setdefault(guid_key(guid), []).append(
                            self.ref(ref.get("targetGUID"))
                        )
        inductive = {guid_key(str(g)) for g in self.meta.get("inductive", []) or []}  # type: ignore[union-attr]
        for _, node in spec.walk():
            if guid_key(node.guid) in inductive:
                node.origin = "inductive"
        cmo = self.meta.get("cmo") if isinstance(self.meta.get("cmo"), dict) else {}
        assert isinstance(cmo, dict)
        self.bundle.cmo = {guid_key(k): str(v) for k, v in cmo.items()}
        validate_spec(spec, self.source)
        self.bundle.codebook = spec
        self.codes = {guid_key(node.guid) for _, node in spec.walk()}

    def _variables(self) -> dict[str, str]:
        container = first_child(self.root, "Variables")
        names: dict[str, str] = {}
        for element in children_named(container, "Variable") if container is not None else []:
            guid = self.guid(element.get("guid"), f"variable {element.get('name', '')!r}")
            names[guid_key(guid)] = (element.get("name") or "").strip() or guid
        return names

    def _values(self, element: etree._Element, variables: dict[str, str]) -> dict[str, str]:
        values: dict[str, str] = {}
        for value in children_named(element, "VariableValue"):
            ref = first_child(value, "VariableRef")
            name = (
                variables.get(guid_key(self.ref(ref.get("targetGUID"))))
                if ref is not None
                else None
            )
            if name is None:
                continue
            for child in value:
                if local_name(child).endswith("Value") and child.text is not None:
                    values[name] = child.text.strip()
        return {k: v for k, v in values.items() if v}

    def _notes(self) -> dict[str, BundleNote]:
        container = first_child(self.root, "Notes")
        notes: dict[str, BundleNote] = {}
        for element in children_named(container, "Note") if container is not None else []:
            guid = self.guid(element.get("guid"), f"note {element.get('name', '')!r}")
            body = self._plain_text(element, f"note {element.get('name', '')!r}")
            notes[guid_key(guid)] = BundleNote(
                guid=guid,
                body=(body or "").strip(),
                title=(element.get("name") or "").strip(),
                author_guid=self.ref(element.get("creatingUser")) or None,
                created_at=_when(element.get("creationDateTime")),
            )
        return notes

    def _plain_text(self, element: etree._Element, what: str) -> str | None:
        """PlainTextContent or the file plainTextPath names; None when neither exists."""
        content = first_child(element, "PlainTextContent")
        if content is not None:
            return content.text or ""
        path = (element.get("plainTextPath") or "").strip()
        if not path:
            return None
        data = self._member(path)
        return decode_source(data) if data is not None else None

    def _rich_text(self, element: etree._Element) -> str | None:
        """The text of a .docx/.odt rendering when the plain one is missing or empty."""
        from qualcode.io.transcripts import _docx, _odt

        path = (element.get("richTextPath") or "").strip()
        data = self._member(path) if path else None
        suffix = PurePosixPath(path).suffix.lower()
        if data is None or suffix not in (".docx", ".odt"):
            return None
        extract = _docx.extract_docx if suffix == ".docx" else _odt.extract_odt
        try:
            return extract(Path(PurePosixPath(path).name), data).text
        except (QualcodeError, ValueError):
            return None

    def _member(self, path: str) -> bytes | None:
        if self.archive is None:
            return None
        for prefix in ("internal://", "relative://", "absolute://", "file://"):
            if path.lower().startswith(prefix):
                path = path[len(prefix) :]
                break
        file_name = PurePosixPath(path.replace("\\", "/")).name
        for candidate in (f"sources/{file_name}", file_name):
            found = self.archive.find(candidate)
            if found is not None:
                return self.archive.read(found)
        return None

    def _sources(self, variables: dict[str, str]) -> None:
        container = first_child(self.root, "Sources")
        self.source_notes: dict[str, list[str]] = {}
        self.selection_notes: dict[str, list[str]] = {}
        blind = {guid_key(str(g)) for g in self.meta.get("blind", []) or []}  # type: ignore[union-attr]
        languages = (
            self.meta.get("languages") if isinstance(self.meta.get("languages"), dict) else {}
        )
        assert isinstance(languages, dict)
        language_of = {guid_key(k): str(v) for k, v in languages.items()}
        for element in list(container) if container is not None else []:
            kind = local_name(element)
            if kind == "TextSource":
                text_element: etree._Element | None = element
            elif kind in _MEDIA:
                text_element = first_child(element, "Representation")
            else:
                continue
            guid = self.guid(element.get("guid"), f"source {element.get('name', '')!r}")
            path = (
                element.get("plainTextPath")
                or element.get("path")
                or element.get("richTextPath")
                or ""
            )
            name = (
                (element.get("name") or "").strip()
                or PurePosixPath(path.split("//")[-1]).stem
                or guid
            )
            source = BundleSource(
                guid=guid,
                name=name,
                text=None,
                kind="text" if kind == "TextSource" else _MEDIA[kind],
                path=path,
                attributes=self._values(element, variables),
                language=language_of.get(guid_key(guid)),
                blind=guid_key(guid) in blind,
            )
            self.source_notes[guid_key(guid)] = [
                self.ref(r.get("targetGUID")) for r in children_named(element, "NoteRef")
            ]
            raw = (
                self._plain_text(text_element, f"source {name!r}")
                if text_element is not None
                else None
            )
            if (raw is None or not raw.strip()) and text_element is not None:
                # Only without codings: their positions count in the plain rendering.
                selected = any(
                    local_name(c) in ("PlainTextSelection", "Coding") for c in text_element
                )
                raw = raw if selected else (self._rich_text(text_element) or raw)
            selections = [
                s
                for s in (text_element if text_element is not None else [])
                if local_name(s) == "PlainTextSelection"
            ]
            direct = children_named(text_element, "Coding") if text_element is not None else []
            if raw is None or not raw.strip():
                if selections or direct:
                    raise self.fail(
                        f"source {name!r} has codings but its text "
                        f"({path or 'no plainTextPath'}) is missing from the file"
                    )
                source.reason = (
                    f"a {source.kind} source cannot be coded as text here"
                    if source.kind != "text"
                    else "it has no plain text in the file"
                    + (f" ({path} is not in the zip)" if raw is None and path else "")
                )
                self.bundle.sources.append(source)
                continue
            positions = self._position_map(raw, selections, name)
            source.text = positions.text
            self.bundle.sources.append(source)
            for selection in selections:
                self._selection(selection, source, positions)
            for coding in direct:  # a code on the whole source
                self._coding(coding, source, 0, len(source.text), "", None)

    def _position_map(self, raw: str, selections: list[etree._Element], name: str) -> PositionMap:
        positions = PositionMap(raw, self.unit)
        if self.unit == "codepoint" and any(ord(c) > 0xFFFF for c in raw):
            # A tool we did not know to count UTF-16: only that reading fits the text.
            ends = [
                int(s.get("endPosition") or 0)
                for s in selections
                if (s.get("endPosition") or "").isdigit()
            ]
            if ends and max(ends) > len(raw):
                utf16 = PositionMap(raw, "utf16")
                if max(ends) <= utf16.unit_length:
                    self.bundle.warnings.append(
                        f"source {name!r}: positions read as UTF-16 code units (they only fit so)"
                    )
                    return utf16
        return positions

    def _selection(
        self, element: etree._Element, source: BundleSource, positions: PositionMap
    ) -> None:
        assert source.text is not None
        guid = self.guid(element.get("guid"), f"selection in {source.name!r}")
        try:
            raw_start = int(element.get("startPosition") or "")
            raw_end = int(element.get("endPosition") or "")
            start, end = positions.span(raw_start, raw_end)
        except ValueError as exc:
            where = f"selection {guid} in source {source.name!r}"
            detail = str(exc) if isinstance(exc, PositionError) else "positions are not numbers"
            raise self.fail(f"{where}: {detail}") from exc
        if end < start:
            raise self.fail(f"selection {guid} in source {source.name!r} ends before it starts")
        if end == start:
            self.skipped_empty = getattr(self, "skipped_empty", 0) + 1
            return
        description = first_child(element, "Description")
        memo = (description.text or "").strip() if description is not None else ""
        codings = children_named(element, "Coding")
        notes = [self.ref(r.get("targetGUID")) for r in children_named(element, "NoteRef")]
        for coding in codings:
            # One coding per selection (ours, NVivo's): the selection's guid names it.
            coding_guid = guid if len(codings) == 1 else None
            user = element.get("creatingUser")
            made = self._coding(coding, source, start, end, memo, coding_guid, user)
            for note in notes:
                self.selection_notes.setdefault(guid_key(note), []).append(made.guid)

    def _coding(
        self,
        element: etree._Element,
        source: BundleSource,
        start: int,
        end: int,
        memo: str,
        guid: str | None,
        fallback_user: str | None = None,
    ) -> BundleCoding:
        own = self.guid(element.get("guid"), f"coding in {source.name!r}")
        ref = first_child(element, "CodeRef")
        code = self.ref(ref.get("targetGUID")) if ref is not None else ""
        if guid_key(code) not in self.codes:
            raise self.fail(
                f"a coding in source {source.name!r} refers to code {code or '(none)'}, "
                "which is not in the codebook"
            )
        user = self.ref(element.get("creatingUser") or fallback_user) or None
        coding = BundleCoding(
            guid=guid or own,
            source_guid=source.guid,
            code_guid=code,
            user_guid=user,
            start=start,
            end=end,
            memo=memo,
            created_at=_when(element.get("creationDateTime")),
        )
        self.bundle.codings.append(coding)
        return coding

    def _cases(self, variables: dict[str, str]) -> None:
        container = first_child(self.root, "Cases")
        by_guid = {guid_key(s.guid): s for s in self.bundle.sources}
        for case in children_named(container, "Case") if container is not None else []:
            self.guid(case.get("guid"), f"case {case.get('name', '')!r}")
            values = self._values(case, variables)
            for ref in children_named(case, "SourceRef"):
                target = by_guid.get(guid_key(self.ref(ref.get("targetGUID"))))
                if target is not None:
                    for key, value in values.items():
                        target.attributes.setdefault(key, value)

    def _sets(self) -> None:
        container = first_child(self.root, "Sets")
        by_guid = {guid_key(s.guid): s for s in self.bundle.sources}
        for element in children_named(container, "Set") if container is not None else []:
            name = (element.get("name") or "").strip() or "set"
            group = BundleSet(self.guid(element.get("guid"), f"set {name!r}"), name)
            for member in children_named(element, "MemberCode"):
                ref = self.ref(member.get("targetGUID") or member.get("guid"))
                if guid_key(ref) in self.codes:
                    group.code_guids.append(ref)
            for member in children_named(element, "MemberSource"):
                target = by_guid.get(guid_key(self.ref(member.get("targetGUID"))))
                if target is not None:
                    group.source_guids.append(target.guid)
                    target.attributes[f"{SET_ATTRIBUTE_PREFIX}{name}"] = "yes"
            self.bundle.sets.append(group)

    def _place_notes(self, notes: dict[str, BundleNote]) -> None:
        def attach(note_guid: str, target: str, target_guid: str | None) -> None:
            # A note referred to twice stays with its first target.
            note = notes.pop(guid_key(note_guid), None)
            if note is not None:
                note.target, note.target_guid = target, target_guid
                self.bundle.notes.append(note)

        for code, refs in self.code_notes.items():
            for ref in refs:
                attach(ref, "code", code)
        for source, refs in self.source_notes.items():
            for ref in refs:
                attach(ref, "document", source)
        for note_guid, codings in self.selection_notes.items():
            for coding in codings[:1]:
                attach(note_guid, "coding", coding)
        for ref in children_named(self.root, "NoteRef"):
            attach(self.ref(ref.get("targetGUID")), "project", None)
        # Notes nobody refers to are still the project's.
        self.bundle.notes.extend(notes.values())
        if getattr(self, "skipped_empty", 0):
            self.bundle.warnings.append(f"{self.skipped_empty} empty selection(s) skipped")
