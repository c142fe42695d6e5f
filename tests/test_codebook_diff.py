"""Diffs between codebook snapshots: every kind, log-driven merges/splits, JSON, text."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from qualcode.core.codebook_diff import (
    KINDS,
    CodebookDiff,
    InvalidSnapshotError,
    changes_from_log,
    diff_codebooks,
)
from qualcode.core.codebook_spec import CodebookSpec, CodeNode
from qualcode.core.errors import DomainError


def node(name: str, guid: str, *children: CodeNode, **fields: Any) -> CodeNode:
    return CodeNode(name=name, guid=guid, children=list(children), **fields)


PRAKTISCH = (
    "De steungever helpt concreet: regelt iets, denkt mee over planning, brengt eten of "
    "helpt met een verhuizing."
)


def snapshot() -> CodebookSpec:
    """Version 1 of the narrative-interview codebook (a slice of it)."""
    return CodebookSpec(
        name="Narratieve interviews v1",
        codes=[
            node(
                "Steungedrag",
                "sg",
                node(
                    "Gedrag steungever",
                    "gs",
                    node("Persoonlijke aandacht en emotionele steun", "pa", colour="#E91E63"),
                    node("Mentale en cognitieve steun", "mc"),
                    node("Praktische hulp", "ph", definition=PRAKTISCH),
                ),
                node(
                    "Gedrag steunontvanger",
                    "go",
                    node("Hulp vragen", "hv"),
                    node("Niet tot last willen zijn", "nl"),
                ),
                node(
                    "Gezamenlijk steungedrag",
                    "gz",
                    node("Praten", "pr"),
                    node("Lachen", "la"),
                    node("Tijd samen doorbrengen", "td"),
                    node("Samen leuke dingen doen", "sl"),
                ),
            ),
            node("Steungever", "sgv", node("Moeder", "mo"), node("Vader", "va")),
        ],
    )


def find(spec: CodebookSpec, guid: str) -> CodeNode:
    return next(n for _, n in spec.walk() if n.guid == guid)


def remove(spec: CodebookSpec, guid: str) -> CodeNode:
    for _, parent in spec.walk():
        for child in parent.children:
            if child.guid == guid:
                parent.children.remove(child)
                return child
    raise KeyError(guid)


def test_identical_snapshots_give_an_empty_diff() -> None:
    diff = diff_codebooks(snapshot(), snapshot())
    assert diff.is_empty
    assert diff.format_text() == "No changes."
    assert diff.to_json()["changes"] == []
    assert set(diff.to_json()["summary"]) == set(KINDS)


def test_added_and_removed() -> None:
    new = snapshot()
    find(new, "gz").children.append(node("Samen sporten", "ss", origin="inductive"))
    remove(new, "nl")
    diff = diff_codebooks(snapshot(), new)
    assert [(c.guid, c.path, c.parent_guid) for c in diff.added] == [
        ("ss", ("Steungedrag", "Gezamenlijk steungedrag", "Samen sporten"), "gz")
    ]
    # A removed code is reported by its old path.
    assert [(c.guid, c.path) for c in diff.removed] == [
        ("nl", ("Steungedrag", "Gedrag steunontvanger", "Niet tot last willen zijn"))
    ]
    assert diff.reordered == []  # an insertion or removal alone reorders nothing


def test_renamed_text_matches_the_documented_form() -> None:
    old = CodebookSpec(codes=[node("Steungedrag", "sg", node("Praktische hulp", "ph"))])
    new = copy.deepcopy(old)
    find(new, "ph").name = "Praktische steun"
    diff = diff_codebooks(old, new)
    assert diff.format_text().splitlines()[-1] == (
        "renamed: Steungedrag / Praktische hulp -> Praktische steun"
    )
    (record,) = diff.renamed
    assert record.path == ("Steungedrag", "Praktische steun")
    assert record.to_json() == {
        "kind": "renamed",
        "guid": "ph",
        "path": ["Steungedrag", "Praktische steun"],
        "old_path": ["Steungedrag", "Praktische hulp"],
        "old_name": "Praktische hulp",
        "new_name": "Praktische steun",
    }


def test_renaming_a_parent_does_not_move_its_children() -> None:
    new = snapshot()
    find(new, "gs").name = "Gedrag van de steungever"
    diff = diff_codebooks(snapshot(), new)
    assert [c.guid for c in diff.renamed] == ["gs"]
    assert diff.moved == []


def test_moved_to_another_parent() -> None:
    new = snapshot()
    find(new, "gz").children.append(remove(new, "hv"))
    diff = diff_codebooks(snapshot(), new)
    (moved,) = diff.moved
    assert moved.guid == "hv"
    assert moved.old_path == ("Steungedrag", "Gedrag steunontvanger", "Hulp vragen")
    assert moved.path == ("Steungedrag", "Gezamenlijk steungedrag", "Hulp vragen")
    assert (moved.old_parent_guid, moved.new_parent_guid) == ("go", "gz")
    assert diff.reordered == []  # a moved code is not also "reordered"
    assert "moved: Steungedrag / Gedrag steunontvanger / Hulp vragen -> " in diff.format_text()


def test_reordered_reports_the_fewest_codes() -> None:
    new = snapshot()
    gz = find(new, "gz")
    gz.children.insert(0, gz.children.pop())  # "Samen leuke dingen doen" to the top
    diff = diff_codebooks(snapshot(), new)
    assert [(c.guid, c.old_index, c.new_index) for c in diff.reordered] == [("sl", 3, 0)]
    assert diff.moved == []
    assert "(position 4 -> 1)" in diff.format_text()


def test_swapping_top_level_codes_is_a_reorder() -> None:
    new = snapshot()
    new.codes.reverse()
    diff = diff_codebooks(snapshot(), new)
    assert len(diff.reordered) == 1  # either one explains a swap of two


def test_redefined_lists_fields_with_before_and_after() -> None:
    new = snapshot()
    ph = find(new, "ph")
    ph.definition = "Concrete hulp: iets regelen of meedenken over planning."
    ph.example = "Mijn moeder heeft de verhuizing geregeld."
    diff = diff_codebooks(snapshot(), new)
    (record,) = diff.redefined
    assert record.to_json()["fields"] == {
        "definition": {"before": PRAKTISCH, "after": ph.definition},
        "example": {"before": "", "after": ph.example},
    }
    text = diff.format_text()
    assert (
        "redefined: Steungedrag / Gedrag steungever / Praktische hulp (definition, example)" in text
    )
    assert "    example was: (empty)" in text


def test_recoloured_ignores_hex_case_and_origin_changed() -> None:
    new = snapshot()
    find(new, "pa").colour = "#e91e63"  # same colour, other spelling
    find(new, "mc").colour = "#3F51B5"
    find(new, "la").origin = "inductive"
    diff = diff_codebooks(snapshot(), new)
    assert [(c.guid, c.before, c.after) for c in diff.recoloured] == [("mc", None, "#3F51B5")]
    assert [(c.guid, c.before, c.after) for c in diff.origin_changed] == [
        ("la", "deductive", "inductive")
    ]
    assert "origin changed: Steungedrag / Gezamenlijk steungedrag / Lachen" in diff.format_text()


def test_merge_from_the_log_replaces_removed() -> None:
    new = snapshot()
    remove(new, "td")
    remove(new, "sl")
    find(new, "gz").children.append(node("Samen tijd doorbrengen", "st"))
    merges, splits = changes_from_log(
        [
            {"action": "rename", "guid": "ph", "name": "x"},  # ignored: snapshots show it
            {"action": "merge", "sources": ["td", "sl"], "target": "st"},
        ]
    )
    diff = diff_codebooks(snapshot(), new, merges=merges, splits=splits)
    assert diff.removed == [] and diff.added == []
    (merged,) = diff.merged
    assert merged.guid == "st" and merged.target_added
    assert [(s.guid, s.in_old, s.in_new) for s in merged.sources] == [
        ("td", True, False),
        ("sl", True, False),
    ]
    assert merged.to_json()["sources"][0] == {
        "guid": "td",
        "path": ["Steungedrag", "Gezamenlijk steungedrag", "Tijd samen doorbrengen"],
        "in_old": True,
        "in_new": False,
    }
    assert "merged: Steungedrag / Gezamenlijk steungedrag / Tijd samen doorbrengen + " in (
        diff.format_text()
    )


def test_merge_into_an_existing_code() -> None:
    new = snapshot()
    remove(new, "la")
    diff = diff_codebooks(snapshot(), new, merges=[(["la"], "pr")])
    assert diff.removed == []
    assert diff.merged[0].target_added is False
    assert diff.merged[0].path == ("Steungedrag", "Gezamenlijk steungedrag", "Praten")


def test_split_from_the_log() -> None:
    new = snapshot()
    gs = find(new, "gs")
    gs.children.remove(find(new, "mc"))
    gs.children += [node("Mentale steun", "ms"), node("Cognitieve steun", "cs")]
    diff = diff_codebooks(snapshot(), new, splits=[("mc", ["ms", "cs"])])
    assert diff.removed == [] and diff.added == []
    (split,) = diff.split
    assert split.guid == "mc" and not split.source_kept
    assert split.path == ("Steungedrag", "Gedrag steungever", "Mentale en cognitieve steun")
    assert [t.guid for t in split.targets] == ["ms", "cs"]
    assert diff.format_text().splitlines()[-1] == (
        "split: Steungedrag / Gedrag steungever / Mentale en cognitieve steun -> "
        "Steungedrag / Gedrag steungever / Mentale steun (new), "
        "Steungedrag / Gedrag steungever / Cognitieve steun (new)"
    )


def test_split_that_keeps_the_source() -> None:
    new = snapshot()
    find(new, "gs").children.append(node("Cognitieve steun", "cs"))
    diff = diff_codebooks(snapshot(), new, splits=[("mc", ["cs"])])
    assert diff.split[0].source_kept
    assert diff.added == []


def test_log_guid_in_neither_snapshot_has_null_path() -> None:
    diff = diff_codebooks(snapshot(), snapshot(), merges=[(["ghost"], "pr")])
    assert diff.merged[0].to_json()["sources"] == [
        {"guid": "ghost", "path": None, "in_old": False, "in_new": False}
    ]
    assert "(unknown code)" in diff.format_text()


EXPECTED_KEYS = {
    "added": {"parent_guid"},
    "removed": set(),
    "renamed": {"old_path", "old_name", "new_name"},
    "moved": {"old_path", "old_parent_guid", "new_parent_guid"},
    "reordered": {"old_index", "new_index"},
    "redefined": {"fields"},
    "recoloured": {"before", "after"},
    "origin_changed": {"before", "after"},
    "merged": {"sources", "target_added"},
    "split": {"targets", "source_kept"},
}


def every_kind() -> CodebookDiff:
    new = snapshot()
    find(new, "gs").children.append(node("Samen sporten", "ss"))  # added
    remove(new, "nl")  # removed
    find(new, "ph").name = "Praktische steun"  # renamed
    find(new, "gz").children.append(remove(new, "hv"))  # moved
    new.codes.reverse()  # reordered
    find(new, "pr").definition = "Praten over problemen"  # redefined
    find(new, "pa").colour = "#000000"  # recoloured
    find(new, "la").origin = "inductive"  # origin_changed
    remove(new, "td")  # merged
    remove(new, "mo")  # split
    find(new, "sgv").children += [node("Moeder (thuis)", "m1"), node("Moeder (werk)", "m2")]
    return diff_codebooks(snapshot(), new, merges=[(["td"], "sl")], splits=[("mo", ["m1", "m2"])])


def test_json_schema_is_stable() -> None:
    data = every_kind().to_json()
    assert list(data) == ["schema", "schema_version", "old", "new", "summary", "changes"]
    assert data["schema"] == "qualcode.codebook-diff" and data["schema_version"] == 1
    assert list(data["summary"]) == list(KINDS)
    assert all(count == 1 for count in data["summary"].values()), data["summary"]
    kinds = [record["kind"] for record in data["changes"]]
    assert kinds == list(KINDS)  # grouped in KINDS order
    for record in data["changes"]:
        assert set(record) == {"kind", "guid", "path"} | EXPECTED_KEYS[record["kind"]]
        assert isinstance(record["path"], list)
    assert json.loads(json.dumps(data)) == data


def test_text_is_grouped_by_kind_with_a_summary() -> None:
    text = every_kind().format_text()
    lines = text.splitlines()
    assert lines[0].startswith("10 changes: 1 added, 1 removed, 1 renamed")
    labels = [line.split(":")[0] for line in lines[1:] if line and not line.startswith(" ")]
    assert labels == [kind.replace("_", " ") for kind in KINDS]


def test_missing_or_duplicate_guid_is_refused() -> None:
    bad = snapshot()
    find(bad, "pr").guid = None
    with pytest.raises(InvalidSnapshotError, match=r"Praten.*no guid"):
        diff_codebooks(snapshot(), bad)
    twice = snapshot()
    find(twice, "va").guid = "mo"
    with pytest.raises(DomainError, match="guid mo is used by 'Steungever / Moeder'"):
        diff_codebooks(twice, snapshot())


def test_guid_spelling_does_not_matter() -> None:
    new = snapshot()
    find(new, "pr").guid = "{PR}"  # how a REFI-QDA round trip may spell it
    assert diff_codebooks(snapshot(), new).is_empty
    new_remove = snapshot()
    remove(new_remove, "la")
    diff = diff_codebooks(snapshot(), new_remove, merges=[(["LA"], "{Pr}")])
    assert diff.removed == [] and diff.merged[0].guid == "pr"


def test_malformed_log_entry() -> None:
    with pytest.raises(InvalidSnapshotError, match="entry 1"):
        changes_from_log([{"action": "merge", "target": "x"}])
