"""Write a :class:`~qualcode.core.exchange.ProjectBundle` as REFI-QDA ``project.qde``.

Valid against Project.xsd 1.0 (tests validate every export). Mapping:

- coders -> ``Users/User`` (guid, name); Qualcode roles travel in our instruction;
- codebook -> ``CodeBook/Codes`` (omitted when empty: the schema cannot express an empty
  codebook), code memos as ``NoteRef``;
- document attributes -> one ``Variable`` (type Text) per attribute name, a
  ``VariableValue`` on each ``TextSource`` and one ``Case`` per document carrying the same
  values (NVivo and MAXQDA read cases, ATLAS.ti reads source variables);
- documents -> ``TextSource`` with ``plainTextPath="internal://<guid>.txt"``; the text
  goes to ``sources/<guid>.txt`` as UTF-8 without BOM, LF line ends;
- codings -> one ``PlainTextSelection`` per coding (start/end in code points over that
  file), with one ``Coding`` (its coder as ``creatingUser``) and the coding's memo as the
  selection's ``Description``;
- memos -> ``Notes/Note`` (title as name, text as ``PlainTextContent``), referred to
  from the code, source, selection or project (``NoteRef``);
- attributes named ``set: X`` -> ``Sets/Set`` X with its documents as ``MemberSource``.

What REFI-QDA has no place for (roles, inductive codes, CMO tags, blind documents,
document languages, starred quotes, summaries, codebook name) travels in a
``<?qualcode-project {json}?>`` processing instruction before the root element, which
other tools ignore.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime

from lxml import etree

from qualcode.core.exchange import ProjectBundle, guid_key
from qualcode.core.exchange_read import derived_guid
from qualcode.io.codebook_formats.common import xml_safe_text
from qualcode.io.codebook_formats.qdc import write_code

PROJECT_NS = "urn:QDA-XML:project:1.0"
PI_TARGET = "qualcode-project"
_N = f"{{{PROJECT_NS}}}"


def _stamp(moment: datetime | None) -> str | None:
    return f"{moment.isoformat(timespec='seconds')}Z" if moment else None


def build_qde(
    bundle: ProjectBundle, *, upper_guids: bool = False
) -> tuple[bytes, list[tuple[str, bytes]]]:
    """The project.qde bytes and the source files (``sources/<guid>.txt``, text)."""
    g: Callable[[str], str] = (lambda s: s.upper()) if upper_guids else (lambda s: s)
    root = etree.Element(f"{_N}Project", nsmap={None: PROJECT_NS})
    root.set("name", xml_safe_text(bundle.name or "Qualcode project"))
    root.set("origin", bundle.origin or "Qualcode")

    notes_by_target: dict[str, list[str]] = {}
    project_notes: list[str] = []
    for note in bundle.notes:
        if note.target == "project" or not note.target_guid:
            project_notes.append(g(note.guid))
        else:
            notes_by_target.setdefault(guid_key(note.target_guid), []).append(g(note.guid))

    if bundle.users:
        users = etree.SubElement(root, f"{_N}Users")
        for user in bundle.users:
            element = etree.SubElement(users, f"{_N}User")
            element.set("guid", g(user.guid))
            element.set("name", xml_safe_text(user.name))

    codes = list(bundle.codebook.walk())
    if codes:
        codebook = etree.SubElement(root, f"{_N}CodeBook")
        container = etree.SubElement(codebook, f"{_N}Codes")
        spec = bundle.codebook
        for node in spec.codes:
            _with_guid_case(node, g)
            write_code(container, node, spec.language, PROJECT_NS, notes_by_target)

    variable_names = sorted({k for s in bundle.text_sources() for k in s.attributes})
    variables = {name: g(derived_guid("variable", name)) for name in variable_names}
    if variables:
        container = etree.SubElement(root, f"{_N}Variables")
        for name, guid in variables.items():
            element = etree.SubElement(container, f"{_N}Variable")
            element.set("guid", guid)
            element.set("name", xml_safe_text(name))
            element.set("typeOfVariable", "Text")
        cases = etree.SubElement(root, f"{_N}Cases")
        for source in bundle.text_sources():
            if not source.attributes:
                continue
            case = etree.SubElement(cases, f"{_N}Case")
            case.set("guid", g(derived_guid("case", guid_key(source.guid))))
            case.set("name", xml_safe_text(source.name))
            _values(case, source.attributes, variables)
            etree.SubElement(case, f"{_N}SourceRef").set("targetGUID", g(source.guid))
        if not len(cases):
            root.remove(cases)

    files: list[tuple[str, bytes]] = []
    codings_by_source: dict[str, list[int]] = {}
    for index, coding in enumerate(bundle.codings):
        codings_by_source.setdefault(guid_key(coding.source_guid), []).append(index)
    if bundle.text_sources():
        sources = etree.SubElement(root, f"{_N}Sources")
        for source in bundle.text_sources():
            assert source.text is not None
            file_name = f"{g(source.guid)}.txt"
            files.append((f"sources/{file_name}", source.text.encode("utf-8")))
            element = etree.SubElement(sources, f"{_N}TextSource")
            element.set("guid", g(source.guid))
            element.set("name", xml_safe_text(source.name))
            element.set("plainTextPath", f"internal://{file_name}")
            for index in codings_by_source.get(guid_key(source.guid), []):
                coding = bundle.codings[index]
                selection = etree.SubElement(element, f"{_N}PlainTextSelection")
                selection.set("guid", g(coding.guid))
                selection.set("name", xml_safe_text(source.text[coding.start : coding.end][:60]))
                selection.set("startPosition", str(coding.start))
                selection.set("endPosition", str(coding.end))
                if coding.user_guid:
                    selection.set("creatingUser", g(coding.user_guid))
                stamp = _stamp(coding.created_at)
                if stamp:
                    selection.set("creationDateTime", stamp)
                if coding.memo:
                    etree.SubElement(selection, f"{_N}Description").text = xml_safe_text(
                        coding.memo
                    )
                code_element = etree.SubElement(selection, f"{_N}Coding")
                code_element.set("guid", g(derived_guid("coding-element", guid_key(coding.guid))))
                if coding.user_guid:
                    code_element.set("creatingUser", g(coding.user_guid))
                if stamp:
                    code_element.set("creationDateTime", stamp)
                etree.SubElement(code_element, f"{_N}CodeRef").set(
                    "targetGUID", g(coding.code_guid)
                )
                for note in notes_by_target.get(guid_key(coding.guid), []):
                    etree.SubElement(selection, f"{_N}NoteRef").set("targetGUID", note)
            for note in notes_by_target.get(guid_key(source.guid), []):
                etree.SubElement(element, f"{_N}NoteRef").set("targetGUID", note)
            _values(element, source.attributes, variables)

    if bundle.notes:
        notes = etree.SubElement(root, f"{_N}Notes")
        for note in bundle.notes:
            element = etree.SubElement(notes, f"{_N}Note")
            element.set("guid", g(note.guid))
            if note.title:
                element.set("name", xml_safe_text(note.title))
            if note.author_guid:
                element.set("creatingUser", g(note.author_guid))
            stamp = _stamp(note.created_at)
            if stamp:
                element.set("creationDateTime", stamp)
            etree.SubElement(element, f"{_N}PlainTextContent").text = xml_safe_text(note.body)

    groups = [s for s in bundle.sets if s.source_guids or s.code_guids]
    if groups:
        container = etree.SubElement(root, f"{_N}Sets")
        for group in groups:
            element = etree.SubElement(container, f"{_N}Set")
            element.set("guid", g(group.guid))
            element.set("name", xml_safe_text(group.name))
            for code in group.code_guids:
                etree.SubElement(element, f"{_N}MemberCode").set("targetGUID", g(code))
            for source_guid in group.source_guids:
                etree.SubElement(element, f"{_N}MemberSource").set("targetGUID", g(source_guid))

    for note in project_notes:
        etree.SubElement(root, f"{_N}NoteRef").set("targetGUID", note)

    root.addprevious(etree.ProcessingInstruction(PI_TARGET, _metadata(bundle, g)))
    data = etree.tostring(
        root.getroottree(), xml_declaration=True, encoding="utf-8", pretty_print=True
    )
    return bytes(data), files


def _values(parent: etree._Element, attributes: dict[str, str], variables: dict[str, str]) -> None:
    for key, value in sorted(attributes.items()):
        element = etree.SubElement(parent, f"{_N}VariableValue")
        etree.SubElement(element, f"{_N}VariableRef").set("targetGUID", variables[key])
        etree.SubElement(element, f"{_N}TextValue").text = xml_safe_text(value)


def _with_guid_case(node: object, g: Callable[[str], str]) -> None:
    from qualcode.core.codebook_spec import CodeNode

    assert isinstance(node, CodeNode)
    stack = [node]
    while stack:
        current = stack.pop()
        if current.guid:
            current.guid = g(current.guid)
        stack.extend(current.children)


def _metadata(bundle: ProjectBundle, g: Callable[[str], str]) -> str:
    spec = bundle.codebook
    meta = {
        "codebook": {
            "name": spec.name,
            "description": spec.description,
            "language": spec.language,
        },
        "roles": {g(u.guid): u.role for u in bundle.users if u.role != "coder"},
        "inductive": [g(n.guid or "") for _, n in spec.walk() if n.origin == "inductive"],
        "cmo": {g(k): v for k, v in bundle.cmo.items()},
        "blind": [g(s.guid) for s in bundle.text_sources() if s.blind],
        "languages": {g(s.guid): s.language for s in bundle.text_sources() if s.language},
        "stars": {g(c.guid): c.quote_rank for c in bundle.codings if c.illustrative},
        "summaries": [
            {
                "code": g(s.code_guid),
                "scope_key": s.scope_key,
                "scope_value": s.scope_value,
                "body": s.body,
                "author": g(s.author_guid) if s.author_guid else None,
            }
            for s in bundle.summaries
        ],
    }
    # ensure_ascii keeps the payload plain; "?>" would end the instruction early.
    return json.dumps(meta, ensure_ascii=True).replace("?>", "?\\u003e")
