"""REFI-QDA codebooks (.qdc) and the code tree of REFI-QDA projects (.qde / .qdpx).

Reading accepts what ATLAS.ti, NVivo, MAXQDA, QualCoder and Taguette really write
(namespace variants, braces and mixed case in GUIDs, colours in several spellings or
missing, empty ``<Description/>`` and ``<Sets/>``). Writing produces files valid against
``Codebook.xsd`` 1.0.

Mapping: ``Code/@name`` = name, ``@guid`` = guid (kept as found, braces dropped; an id
that is not a GUID, as some small tools write, is replaced by a GUID derived from it,
with a warning in ``spec.warnings``), ``@isCodable`` = codable, ``@color`` = colour
(normalised to ``#RRGGBB``; written only when the code has one), ``Description`` =
definition plus labelled inclusion/exclusion/example lines (see ``description_sections``).

The codebook's own name, description and language, and which codes are inductive, have
no place in the schema; they travel in a ``<?qualcode-codebook {json}?>`` processing
instruction, which XML tools ignore by definition. Without it the name comes from the
project or the file name.

An empty codebook is written as ``<Codes/>``: Codebook.xsd requires at least one code,
so such a file does not validate, but it says exactly what the project holds and every
reader we know accepts it (ours does).
"""

from __future__ import annotations

import json
import uuid

from lxml import etree

from qualcode.core.codebook_spec import CodebookSpec, CodeNode

from .common import (
    CodebookFormatError,
    ensure_guids,
    guid_key,
    is_valid_guid,
    normalise_colour,
    normalise_guid,
    validate_spec,
    xml_safe_text,
)
from .description_sections import DescriptionFields, pack, unpack
from .safe_xml import children_named, first_child, local_name, parse_xml

CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
PI_TARGET = "qualcode-codebook"
PRODUCER = "Qualcode"

# --------------------------------------------------------------------------- reading


def loads_qdc(data: bytes, source: str, *, default_name: str = "") -> CodebookSpec:
    """Read a .qdc codebook or the ``CodeBook`` of a .qde project from bytes.

    ``default_name`` names the codebook when the file itself does not (vendor .qdc
    files carry no name); callers pass the file stem.
    """
    root = parse_xml(data, source)
    kind = local_name(root)
    if kind == "CodeBook":
        codebook: etree._Element | None = root
    elif kind == "Project":
        codebook = first_child(root, "CodeBook")
    else:
        raise CodebookFormatError(
            source, f"the root element is <{kind}>, not a REFI-QDA <CodeBook> or <Project>"
        )

    meta = _read_metadata(root, source)
    name = meta.get("name") or (root.get("name") or "").strip() or default_name
    spec = CodebookSpec(
        name=name,
        description=meta.get("description", ""),
        language=meta.get("language") or None,
    )
    codes_element = first_child(codebook, "Codes") if codebook is not None else None
    renamed: dict[str, str] = {}
    if codes_element is not None:
        spec.codes = [
            read_code(element, renamed) for element in children_named(codes_element, "Code")
        ]
    inductive = {guid_key(g) for g in meta.get("inductive", [])}
    for _, node in spec.walk():
        if guid_key(node.guid or "") in inductive:
            node.origin = "inductive"
    if renamed:
        spec.warnings.append(
            f"{source}: {len(renamed)} code id(s) were not GUIDs and got new GUIDs "
            f"(e.g. {next(iter(renamed))!r} -> {next(iter(renamed.values()))})"
        )

    validate_spec(spec, source)
    if kind == "CodeBook":
        _check_set_members(root, spec, source, renamed)
    return spec


def _read_metadata(root: etree._Element, source: str) -> dict[str, object]:
    for node in root.itersiblings(preceding=True):
        if isinstance(node, etree._ProcessingInstruction) and node.target == PI_TARGET:
            try:
                meta = json.loads(node.text or "{}")
            except json.JSONDecodeError as exc:
                raise CodebookFormatError(
                    source, f"the <?{PI_TARGET}?> instruction is not valid JSON: {exc}"
                ) from exc
            if not isinstance(meta, dict):
                raise CodebookFormatError(
                    source, f"the <?{PI_TARGET}?> instruction is not a JSON object"
                )
            found: dict[str, object] = {
                key: str(value).strip()
                for key, value in meta.items()
                if key in ("name", "description", "language") and value is not None
            }
            inductive = meta.get("inductive")
            if isinstance(inductive, list):
                found["inductive"] = [str(g) for g in inductive]
            return found
    return {}


# Ids that are not GUIDs get one derived from the id, so reading the same file twice (to
# write a merge plan, then to apply it) gives the same GUIDs.
_ID_NAMESPACE = uuid.UUID("0d9b6a51-7f0e-4c39-9a53-8f4be2f1c0a7")


def mapped_guid(raw: str | None, renamed: dict[str, str]) -> str | None:
    """``raw`` as a GUID: kept as found when it is one, else a stable derived GUID."""
    guid = normalise_guid(raw)
    if guid is None or is_valid_guid(guid):
        return guid
    if guid not in renamed:
        renamed[guid] = str(uuid.uuid5(_ID_NAMESPACE, guid))
    return renamed[guid]


def read_code(element: etree._Element, renamed: dict[str, str]) -> CodeNode:
    """One ``<Code>`` with its children (.qdc and .qde alike)."""
    description = first_child(element, "Description")
    # NVivo writes empty <Description/>; ATLAS.ti may leave it out altogether.
    fields = unpack(description.text or "") if description is not None else DescriptionFields()
    return CodeNode(
        name=(element.get("name") or "").strip(),
        guid=mapped_guid(element.get("guid"), renamed),
        colour=normalise_colour(element.get("color")),
        definition=fields.definition,
        inclusion=fields.inclusion,
        exclusion=fields.exclusion,
        example=fields.example,
        origin=fields.origin or "deductive",
        codable=(element.get("isCodable") or "true").strip().lower() not in ("false", "0"),
        children=[read_code(child, renamed) for child in children_named(element, "Code")],
    )


def _check_set_members(
    root: etree._Element, spec: CodebookSpec, source: str, renamed: dict[str, str]
) -> None:
    """Code groups (Sets) are not imported, but a member that points nowhere means the
    file is inconsistent (codes missing from the export), which the user should know."""
    known = {guid_key(node.guid) for _, node in spec.walk() if node.guid}
    problems: list[str] = []
    sets = first_child(root, "Sets")
    for set_element in children_named(sets, "Set") if sets is not None else []:
        for member in children_named(set_element, "MemberCode"):
            ref = member.get("guid") or member.get("targetGUID") or ""
            if guid_key(renamed.get(ref.strip(), ref)) not in known:
                problems.append(
                    f"set '{set_element.get('name', '')}' refers to code guid "
                    f"'{ref}', which is not in the codebook"
                )
    if problems:
        raise CodebookFormatError(source, problems)


# --------------------------------------------------------------------------- writing


def dumps_qdc(spec: CodebookSpec, source: str = "<codebook>") -> bytes:
    """Serialise ``spec`` as a .qdc (valid against Codebook.xsd unless it has no codes).

    Codes without a GUID get a new uuid4 written into the spec (in place), so the
    caller can store the identifiers the file now carries.
    """
    validate_spec(spec, source)
    ensure_guids(spec)
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS})
    root.set("origin", PRODUCER)
    codes = etree.SubElement(root, f"{{{CODEBOOK_NS}}}Codes")
    for node in spec.codes:
        write_code(codes, node, spec.language, CODEBOOK_NS)
    root.addprevious(etree.ProcessingInstruction(PI_TARGET, metadata_payload(spec)))
    return bytes(
        etree.tostring(
            root.getroottree(), xml_declaration=True, encoding="utf-8", pretty_print=True
        )
    )


def metadata_payload(spec: CodebookSpec) -> str:
    """The JSON of our processing instruction: what REFI-QDA has no place for."""
    meta: dict[str, object] = {
        "name": spec.name,
        "description": spec.description,
        "language": spec.language,
        "inductive": [node.guid for _, node in spec.walk() if node.origin == "inductive"],
    }
    # ensure_ascii keeps the payload plain; "?>" would end the instruction early.
    return json.dumps(meta, ensure_ascii=True).replace("?>", "?\\u003e")


def write_code(
    parent: etree._Element,
    node: CodeNode,
    language: str | None,
    namespace: str,
    notes: dict[str, list[str]] | None = None,
) -> None:
    """One ``<Code>`` with its children; ``notes`` (guid -> note guids) adds NoteRefs,
    which only project files (.qde) allow."""
    element = etree.SubElement(parent, f"{{{namespace}}}Code")
    # Attribute order as in the schema and most vendor files, for readable diffs.
    element.set("guid", node.guid or "")
    element.set("name", xml_safe_text(node.name))
    element.set("isCodable", "true" if node.codable else "false")
    if node.colour:  # never invent one: tools treat a written colour as chosen
        element.set("color", node.colour)
    fields = DescriptionFields(
        definition=node.definition,
        inclusion=node.inclusion,
        exclusion=node.exclusion,
        example=node.example,
    )
    text = pack(fields, language)
    if text:
        description = etree.SubElement(element, f"{{{namespace}}}Description")
        description.text = xml_safe_text(text)
    for note_guid in (notes or {}).get(guid_key(node.guid or ""), []):
        etree.SubElement(element, f"{{{namespace}}}NoteRef").set("targetGUID", note_guid)
    for child in node.children:
        write_code(element, child, language, namespace, notes)
