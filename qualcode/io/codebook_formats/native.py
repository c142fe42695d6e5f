"""Qualcode's own codebook format, as YAML or JSON (the same structure in both).

```yaml
qualcode_codebook: 1
name: Narratieve interviews
language: nl
description: ...
codes:
  - name: Steungever
    guid: 0b7c...
    colour: "#4E79A7"
    origin: deductive
    definition: ...
    children: [...]
```

Reading is strict on purpose: this is the format people write by hand, so a typo in a
key ("defintion") or a duplicate name is reported with the code path instead of being
silently dropped.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

from qualcode.core.codebook_spec import CodebookSpec, CodeNode
from qualcode.io.limits import ArchiveError, LimitError, check_json, safe_yaml_load

from .common import (
    CodebookFormatError,
    clean_text,
    describe,
    is_valid_colour,
    normalise_guid,
    validate_spec,
)

FORMAT_KEY = "qualcode_codebook"
FORMAT_VERSION = 1

_TOP_KEYS = {FORMAT_KEY, "name", "language", "description", "codes"}
_TEXT_FIELDS = ("definition", "inclusion", "exclusion", "example")
_CODE_KEYS = {"name", "guid", "colour", "origin", "codable", "children", *_TEXT_FIELDS}


# --------------------------------------------------------------------------- reading


def loads_yaml(data: bytes, source: str) -> CodebookSpec:
    try:
        # A safe loader (no Python objects) that also refuses aliases, so a "billion
        # laughs" file cannot expand, and caps nesting before the composer recurses.
        document = safe_yaml_load(data.decode("utf-8-sig"), source)
    except UnicodeDecodeError as exc:
        raise CodebookFormatError(source, f"not UTF-8 text ({exc.reason})") from exc
    except (LimitError, ArchiveError) as exc:
        raise CodebookFormatError(source, exc.message) from exc
    except yaml.YAMLError as exc:
        raise CodebookFormatError(source, f"not valid YAML: {exc}") from exc
    return from_document(document, source)


def loads_json(data: bytes, source: str) -> CodebookSpec:
    try:
        check_json(data, source)
        document = json.loads(data.decode("utf-8-sig"))
    except (LimitError, ArchiveError) as exc:
        raise CodebookFormatError(source, exc.message) from exc
    except UnicodeDecodeError as exc:
        raise CodebookFormatError(source, f"not UTF-8 text ({exc.reason})") from exc
    except json.JSONDecodeError as exc:
        raise CodebookFormatError(source, f"not valid JSON: {exc}") from exc
    return from_document(document, source)


def from_document(document: Any, source: str) -> CodebookSpec:
    """Build a spec from the parsed YAML/JSON tree, collecting every problem."""
    problems: list[str] = []
    if not isinstance(document, dict):
        raise CodebookFormatError(
            source, f"the file must hold a mapping with the key '{FORMAT_KEY}' at the top"
        )
    if FORMAT_KEY not in document:
        raise CodebookFormatError(
            source,
            f"'{FORMAT_KEY}: {FORMAT_VERSION}' is missing: "
            "this does not look like a Qualcode codebook",
        )
    version = document[FORMAT_KEY]
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise CodebookFormatError(
            source,
            f"'{FORMAT_KEY}: {version!r}' is not a version "
            f"this Qualcode reads (expected {FORMAT_VERSION})",
        )
    unknown = sorted(str(k) for k in document if k not in _TOP_KEYS)
    if unknown:
        problems.append(f"unknown top-level key(s): {', '.join(unknown)}")

    name = document.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append("'name' is required and must be non-empty text")
        name = ""
    language = document.get("language")
    if language is not None and not isinstance(language, str):
        problems.append("'language' must be text such as 'nl' or 'en'")
        language = None
    description = document.get("description")
    if description is not None and not isinstance(description, str):
        problems.append("'description' must be text")
        description = None

    raw_codes = document.get("codes", [])
    codes = _codes(raw_codes, (), problems) if raw_codes is not None else []
    spec = CodebookSpec(
        name=clean_text(name),
        codes=codes,
        description=clean_text(description),
        language=clean_text(language) or None,
    )
    if problems:
        raise CodebookFormatError(source, problems)
    validate_spec(spec, source)
    return spec


def _codes(raw: Any, parent: tuple[str, ...], problems: list[str]) -> list[CodeNode]:
    where = describe(parent) + ": 'children'" if parent else "'codes'"
    if not isinstance(raw, list):
        problems.append(f"{where} must be a list of codes")
        return []
    nodes: list[CodeNode] = []
    for index, item in enumerate(raw):
        node = _code(item, parent, index, problems)
        if node is not None:
            nodes.append(node)
    return nodes


def _code(raw: Any, parent: tuple[str, ...], index: int, problems: list[str]) -> CodeNode | None:
    if not isinstance(raw, dict):
        problems.append(f"{describe((*parent, f'#{index + 1}'))}: each code must be a mapping")
        return None
    name = raw.get("name")
    label = name.strip() if isinstance(name, str) and name.strip() else f"#{index + 1}"
    path = (*parent, label)
    where = describe(path)
    if not isinstance(name, str):
        # Numbers as names (e.g. "2020") are a YAML surprise; ask for quotes.
        problems.append(f"{where}: 'name' is required and must be text (quote numbers)")
        name = "" if name is None else str(name)
    unknown = sorted(str(k) for k in raw if k not in _CODE_KEYS)
    if unknown:
        hint = " (did you mean 'colour'?)" if "color" in unknown else ""
        problems.append(f"{where}: unknown key(s) {', '.join(unknown)}{hint}")
    texts: dict[str, str] = {}
    for key in _TEXT_FIELDS:
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            problems.append(f"{where}: '{key}' must be text")
        texts[key] = clean_text(value)
    guid = raw.get("guid")
    if guid is not None and not isinstance(guid, str):
        problems.append(f"{where}: 'guid' must be text")
        guid = None
    colour = raw.get("colour")
    if colour is not None and not isinstance(colour, str):
        problems.append(
            f"{where}: 'colour' must be text such as \"#4E79A7\" (quoted: "
            "an unquoted # starts a YAML comment)"
        )
        colour = None
    origin = raw.get("origin", "deductive")
    if not isinstance(origin, str):
        problems.append(f"{where}: 'origin' must be text")
        origin = "deductive"
    codable = raw.get("codable", True)
    if not isinstance(codable, bool):
        problems.append(f"{where}: 'codable' must be true or false")
        codable = True
    children_raw = raw.get("children")
    children = _codes(children_raw, path, problems) if children_raw is not None else []
    return CodeNode(
        codable=codable,
        name=name.strip(),
        guid=normalise_guid(guid),
        colour=_colour(colour),
        origin=origin.strip().lower(),
        children=children,
        **texts,
    )


def _colour(raw: str | None) -> str | None:
    # Upper-case valid hex so "#4e79a7" and "#4E79A7" compare equal; leave anything else
    # as typed so the validation message quotes the user's own text.
    text = (raw or "").strip()
    if not text:
        return None
    return text.upper() if is_valid_colour(text) else text


# --------------------------------------------------------------------------- writing


def to_document(spec: CodebookSpec) -> dict[str, Any]:
    """The spec as plain dicts/lists; empty optional fields are left out for readability."""
    document: dict[str, Any] = {FORMAT_KEY: FORMAT_VERSION, "name": spec.name}
    if spec.language:
        document["language"] = spec.language
    if spec.description:
        document["description"] = spec.description
    document["codes"] = [_code_document(node) for node in spec.codes]
    return document


def _code_document(node: CodeNode) -> dict[str, Any]:
    item: dict[str, Any] = {"name": node.name}
    if node.guid:
        item["guid"] = node.guid
    if node.colour:
        item["colour"] = node.colour
    item["origin"] = node.origin
    if not node.codable:
        item["codable"] = False
    for key in _TEXT_FIELDS:
        value = getattr(node, key)
        if value:
            item[key] = value
    if node.children:
        item["children"] = [_code_document(child) for child in node.children]
    return item


class _Dumper(yaml.SafeDumper):  # type: ignore[misc]  # PyYAML ships no stubs
    """Block style for multi-line text, so definitions stay readable and diffable."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)


def dumps_yaml(spec: CodebookSpec) -> bytes:
    text: str = yaml.dump(
        to_document(spec),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
    return text.encode("utf-8")


def dumps_json(spec: CodebookSpec) -> bytes:
    return (json.dumps(to_document(spec), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
