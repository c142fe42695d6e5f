"""REFI-QDA codebooks (.qdc) and the code tree of REFI-QDA projects (.qde / .qdpx).

Reading accepts what ATLAS.ti, NVivo, MAXQDA, QualCoder and Taguette really write
(namespace variants, braces and mixed case in GUIDs, colours in several spellings or
missing, empty ``<Description/>`` and ``<Sets/>``). Writing produces files valid against
``Codebook.xsd`` 1.0.

Mapping: ``Code/@name`` = name, ``@guid`` = guid (kept as found, braces dropped),
``@color`` = colour (normalised to ``#RRGGBB``), ``Description`` = definition plus
labelled inclusion/exclusion/example/origin lines (see ``description_sections``).
``isCodable`` is not kept: every Qualcode code can be applied.

The codebook's own name, description and language have no place in the schema; they
travel in a ``<?qualcode-codebook {json}?>`` processing instruction, which XML tools
ignore by definition. Without it the name comes from the project or the file name.
"""

from __future__ import annotations

import json

from lxml import etree

from qualcode.core.codebook_spec import CodebookSpec, CodeNode

from .common import (
    CodebookFormatError,
    ensure_guids,
    guid_key,
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
    if codes_element is not None:
        spec.codes = [_read_code(element) for element in children_named(codes_element, "Code")]

    validate_spec(spec, source)
    if kind == "CodeBook":
        _check_set_members(root, spec, source)
    return spec


def _read_metadata(root: etree._Element, source: str) -> dict[str, str]:
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
            return {
                key: str(value).strip()
                for key, value in meta.items()
                if key in ("name", "description", "language") and value is not None
            }
    return {}


def _read_code(element: etree._Element) -> CodeNode:
    description = first_child(element, "Description")
    # NVivo writes empty <Description/>; ATLAS.ti may leave it out altogether.
    fields = unpack(description.text or "") if description is not None else DescriptionFields()
    return CodeNode(
        name=(element.get("name") or "").strip(),
        guid=normalise_guid(element.get("guid")),
        colour=normalise_colour(element.get("color")),
        definition=fields.definition,
        inclusion=fields.inclusion,
        exclusion=fields.exclusion,
        example=fields.example,
        origin=fields.origin or "deductive",
        children=[_read_code(child) for child in children_named(element, "Code")],
    )


def _check_set_members(root: etree._Element, spec: CodebookSpec, source: str) -> None:
    """Code groups (Sets) are not imported, but a member that points nowhere means the
    file is inconsistent (codes missing from the export), which the user should know."""
    known = {guid_key(node.guid) for _, node in spec.walk() if node.guid}
    problems: list[str] = []
    sets = first_child(root, "Sets")
    for set_element in children_named(sets, "Set") if sets is not None else []:
        for member in children_named(set_element, "MemberCode"):
            ref = member.get("guid") or member.get("targetGUID") or ""
            if guid_key(ref) not in known:
                problems.append(
                    f"set '{set_element.get('name', '')}' refers to code guid "
                    f"'{ref}', which is not in the codebook"
                )
    if problems:
        raise CodebookFormatError(source, problems)


# --------------------------------------------------------------------------- writing


def dumps_qdc(spec: CodebookSpec, source: str = "<codebook>") -> bytes:
    """Serialise ``spec`` as a Codebook.xsd-valid .qdc.

    Codes without a GUID get a new uuid4 written into the spec (in place), so the
    caller can store the identifiers the file now carries.
    """
    validate_spec(spec, source)
    if not spec.codes:
        raise CodebookFormatError(
            source,
            "an empty codebook cannot be written as .qdc (REFI-QDA requires at least one code)",
        )
    ensure_guids(spec)
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS})
    root.set("origin", PRODUCER)
    codes = etree.SubElement(root, f"{{{CODEBOOK_NS}}}Codes")
    for node in spec.codes:
        _write_code(codes, node, spec.language)

    meta = {"name": spec.name, "description": spec.description, "language": spec.language}
    # ensure_ascii keeps the payload plain; "?>" would end the instruction early.
    payload = json.dumps(meta, ensure_ascii=True).replace("?>", "?\\u003e")
    root.addprevious(etree.ProcessingInstruction(PI_TARGET, payload))
    return bytes(
        etree.tostring(
            root.getroottree(), xml_declaration=True, encoding="utf-8", pretty_print=True
        )
    )


def _write_code(parent: etree._Element, node: CodeNode, language: str | None) -> None:
    element = etree.SubElement(parent, f"{{{CODEBOOK_NS}}}Code")
    # Attribute order as in the schema and most vendor files, for readable diffs.
    element.set("guid", node.guid or "")
    element.set("name", xml_safe_text(node.name))
    element.set("isCodable", "true")
    if node.colour:
        element.set("color", node.colour)
    fields = DescriptionFields(
        definition=node.definition,
        inclusion=node.inclusion,
        exclusion=node.exclusion,
        example=node.example,
        origin=node.origin,
    )
    description = etree.SubElement(element, f"{{{CODEBOOK_NS}}}Description")
    description.text = xml_safe_text(pack(fields, language))
    for child in node.children:
        _write_code(element, child, language)
