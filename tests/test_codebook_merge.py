"""Merging a second coder's codebook: plans, hand-edited plan files, results, errors."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from typing import Any

import pytest

from qualcode.core.codebook_merge import (
    MergeConflictError,
    MergePlan,
    MergeValidationError,
    PlanEntry,
    PlanFormatError,
    apply_plan,
    match_score,
    plan_merge,
    validate_codebook,
)
from qualcode.core.codebook_spec import CodebookSpec, CodeNode
from qualcode.core.errors import DomainError


def node(name: str, guid: str, *children: CodeNode, **fields: Any) -> CodeNode:
    return CodeNode(name=name, guid=guid, children=list(children), **fields)


PRAKTISCH = (
    "De steungever helpt concreet: regelt iets, denkt mee over planning, brengt eten of "
    "helpt met een verhuizing."
)
EMOTIONEEL = "De steungever luistert, toont begrip en geeft troost."


def base_codebook() -> CodebookSpec:
    """The lead's working codebook."""
    return CodebookSpec(
        name="Werkversie (Anouk)",
        codes=[
            node(
                "Steungedrag",
                "a-sg",
                node(
                    "Gedrag steungever",
                    "a-gs",
                    node("Emotionele steun", "a-es"),
                    node("Praktische steun", "a-ps", definition=PRAKTISCH, colour="#4CAF50"),
                ),
                node(
                    "Gezamenlijk steungedrag",
                    "a-gz",
                    node("Praten", "a-pr", colour="#2196F3", definition="Samen praten."),
                ),
            ),
            node(
                "Steungever",
                "a-sgv",
                node("Moeder", "a-mo"),
                node("Vrienden", "a-vr"),
                node("Vriendin", "a-vn"),
            ),
        ],
    )


def incoming_codebook() -> CodebookSpec:
    """A second coder's version, built in their own project (so other guids)."""
    return CodebookSpec(
        name="Codeur B",
        codes=[
            node(
                "steungedrag",  # same path, other case
                "b-sg",
                node(
                    "Gedrag steungever",
                    "b-gs",
                    node("Emotionele  steun", "b-es", definition=EMOTIONEEL),  # typo
                    node("Praktische hulp", "b-ph", definition=PRAKTISCH),  # renamed
                ),
                node(
                    "Gezamenlijk steungedrag",
                    "b-gz",
                    node("Praten", "b-pr", colour="#FF9800", definition="Samen praten."),
                    node(
                        "Samen sporten",  # new inductive code with a child
                        "b-ss",
                        node("Hardlopen", "b-hl", origin="inductive"),
                        origin="inductive",
                        definition="Samen sporten of bewegen als vorm van steun.",
                    ),
                ),
            ),
            node("Steungever", "b-sgv", node("Moeder", "b-mo"), node("Vriend", "b-vr")),
        ],
    )


def entry(plan: MergePlan, guid: str) -> PlanEntry:
    return next(e for e in plan.entries if e.incoming_guid == guid)


def find(spec: CodebookSpec, guid: str) -> CodeNode:
    return next(n for _, n in spec.walk() if n.guid == guid)


def names(spec: CodebookSpec) -> list[str]:
    return [" / ".join(path) for path, _ in spec.walk()]


@pytest.fixture
def plan() -> MergePlan:
    return plan_merge(base_codebook(), incoming_codebook())


def test_plan_actions(plan: MergePlan) -> None:
    actions = {e.incoming_guid: (e.action, e.target) for e in plan.entries}
    assert actions == {
        "b-sg": ("update", "a-sg"),  # only the case of the name differs
        "b-gs": ("same", "a-gs"),
        "b-es": ("update", "a-es"),
        "b-ph": ("rename", "a-ps"),
        "b-gz": ("same", "a-gz"),
        "b-pr": ("update", "a-pr"),
        "b-ss": ("new", None),
        "b-hl": ("new", None),
        "b-sgv": ("same", "a-sgv"),
        "b-mo": ("same", "a-mo"),
        "b-vr": ("conflict", None),
    }
    assert [e.incoming_guid for e in plan.entries][:3] == ["b-sg", "b-gs", "b-es"]  # tree order


def test_whitespace_typo_matches_by_path_and_fills_the_empty_definition(plan: MergePlan) -> None:
    typo = entry(plan, "b-es")
    assert typo.reason == "same path"
    assert "name" not in typo.differing_fields  # "Emotionele  steun" is the same name
    assert typo.differing_fields == {"definition": ("", EMOTIONEEL)}
    assert typo.take_incoming == ["definition"]  # empty in base: filled by default


def test_renamed_code_is_found_by_name_and_definition(plan: MergePlan) -> None:
    rename = entry(plan, "b-ph")
    assert rename.score is not None and rename.score >= 85
    assert rename.target_path == ("Steungedrag", "Gedrag steungever", "Praktische steun")
    assert rename.differing_fields["name"] == ("Praktische steun", "Praktische hulp")
    assert not rename.use_incoming_name
    # Name alone is too far apart; the shared definition carries it over the threshold.
    assert match_score(CodeNode("Praktische hulp"), CodeNode("Praktische steun")) < 85


def test_update_lists_conflicting_fields_and_keeps_base_text(plan: MergePlan) -> None:
    praten = entry(plan, "b-pr")
    assert praten.differing_fields == {"colour": ("#2196F3", "#FF9800")}
    assert praten.take_incoming == []
    assert praten.kept_base == ["colour"]


def test_new_codes_land_under_the_mapped_parent(plan: MergePlan) -> None:
    sporten, hardlopen = entry(plan, "b-ss"), entry(plan, "b-hl")
    assert sporten.target_path == ("Steungedrag", "Gezamenlijk steungedrag", "Samen sporten")
    assert hardlopen.target_path == (*sporten.target_path, "Hardlopen")
    assert hardlopen.incoming_parent == "b-ss"


def test_ambiguous_name_is_a_conflict_with_candidates(plan: MergePlan) -> None:
    vriend = entry(plan, "b-vr")  # "vriend" is a friend or a boyfriend
    assert [c.guid for c in vriend.candidates] == ["a-vr", "a-vn"]
    assert plan.unresolved() == [vriend]
    with pytest.raises(MergeConflictError, match="Steungever / Vriend: Steungever / Vrienden"):
        apply_plan(base_codebook(), incoming_codebook(), plan)


def hand_edit(plan: MergePlan) -> MergePlan:
    """What a lead does in PLAN.json: edit the text, load it back."""
    data = json.loads(json.dumps(plan.to_json(), indent=2))
    for item in data["entries"]:
        if item["incoming_guid"] == "b-vr":
            item["target"] = item["candidates"][0]["guid"]  # it meant friends
        if item["incoming_guid"] == "b-ph":
            item["use_incoming_name"] = True
        if item["incoming_guid"] == "b-pr":
            item["take_incoming"].append("colour")
    return MergePlan.from_json(data)


def test_plan_json_is_readable_and_round_trips(plan: MergePlan) -> None:
    data = plan.to_json()
    assert next(iter(data)) == "help" and all(isinstance(line, str) for line in data["help"])
    assert data["schema"] == "qualcode.merge-plan" and data["schema_version"] == 1
    first = data["entries"][0]
    assert list(first)[:7] == [
        "incoming_path",
        "incoming_guid",
        "action",
        "accept",
        "target",
        "use_incoming_name",
        "take_incoming",
    ]
    assert first["incoming_path"] == "steungedrag"
    assert entry_json(data, "b-pr")["differing_fields"] == {
        "colour": {"base": "#2196F3", "incoming": "#FF9800"}
    }
    assert MergePlan.from_json(json.loads(json.dumps(data))) == plan


def entry_json(data: dict[str, Any], guid: str) -> dict[str, Any]:
    return next(e for e in data["entries"] if e["incoming_guid"] == guid)


def test_apply_after_a_hand_edit(plan: MergePlan) -> None:
    base, incoming = base_codebook(), incoming_codebook()
    merged, mapping = apply_plan(base, incoming, hand_edit(plan))
    assert base == base_codebook() and incoming == incoming_codebook()  # inputs untouched
    assert names(merged) == [
        "Steungedrag",
        "Steungedrag / Gedrag steungever",
        "Steungedrag / Gedrag steungever / Emotionele steun",
        "Steungedrag / Gedrag steungever / Praktische hulp",
        "Steungedrag / Gezamenlijk steungedrag",
        "Steungedrag / Gezamenlijk steungedrag / Praten",
        "Steungedrag / Gezamenlijk steungedrag / Samen sporten",
        "Steungedrag / Gezamenlijk steungedrag / Samen sporten / Hardlopen",
        "Steungever",
        "Steungever / Moeder",
        "Steungever / Vrienden",
        "Steungever / Vriendin",
    ]
    assert find(merged, "a-es").definition == EMOTIONEEL  # empty base field filled
    assert find(merged, "a-ps").colour == "#4CAF50"  # rename keeps base fields
    assert find(merged, "a-pr").colour == "#FF9800"  # the lead chose incoming colour
    assert find(merged, "b-ss").origin == "inductive"  # new code keeps guid and fields
    assert mapping == {
        "b-sg": "a-sg",
        "b-gs": "a-gs",
        "b-es": "a-es",
        "b-ph": "a-ps",
        "b-gz": "a-gz",
        "b-pr": "a-pr",
        "b-ss": "b-ss",
        "b-hl": "b-hl",
        "b-sgv": "a-sgv",
        "b-mo": "a-mo",
        "b-vr": "a-vr",
    }


def test_rejecting_a_new_code_skips_its_children(plan: MergePlan) -> None:
    edited = hand_edit(plan)
    entry(edited, "b-ss").accept = False
    assert edited.skipped() == {
        "b-ss": "not accepted",
        "b-hl": "parent steungedrag / Gezamenlijk steungedrag / Samen sporten is skipped",
    }
    assert "skipped: parent steungedrag / Gezamenlijk steungedrag / Samen sporten" in (
        edited.format_text()
    )
    merged, mapping = apply_plan(base_codebook(), incoming_codebook(), edited)
    assert "b-ss" not in mapping and "b-hl" not in mapping
    assert not any("Samen sporten" in n for n in names(merged))


def test_rejecting_a_conflict_resolves_it(plan: MergePlan) -> None:
    entry(plan, "b-vr").accept = False
    merged, mapping = apply_plan(base_codebook(), incoming_codebook(), plan)
    assert "b-vr" not in mapping and mapping["b-ph"] == "a-ps"
    assert find(merged, "a-ps").name == "Praktische steun"  # base name kept by default


def test_same_guid_and_recorded_mapping() -> None:
    base = base_codebook()
    shared = copy.deepcopy(base)  # coder B started from the lead's codebook
    find(shared, "a-ps").name = "Praktische hulp"
    find(shared, "a-sgv").children.append(node("Buurman", "b-bu"))
    plan = plan_merge(base, shared)
    assert (entry(plan, "a-ps").action, entry(plan, "a-ps").reason) == ("update", "same guid")
    assert entry(plan, "a-ps").differing_fields == {"name": ("Praktische steun", "Praktische hulp")}
    assert entry(plan, "b-bu").action == "new"
    # Next round, "Buurman" was added earlier under another guid; the mapping finds it.
    base.codes[1].children.append(node("Buren", "a-bu"))
    again = plan_merge(base, shared, mapping={"b-bu": "a-bu"})
    assert (entry(again, "b-bu").target, entry(again, "b-bu").reason) == (
        "a-bu",
        "recorded mapping",
    )


def test_children_follow_a_renamed_parent() -> None:
    base = CodebookSpec(codes=[node("Steungever", "a", node("Mentor", "a-m"))])
    incoming = CodebookSpec(
        codes=[node("Steungevers", "b", node("Mentor", "b-m"), node("Decaan", "b-d"))]
    )
    plan = plan_merge(base, incoming)
    assert entry(plan, "b").action == "rename"
    assert (entry(plan, "b-m").action, entry(plan, "b-m").reason) == (
        "same",
        "same name under the matched parent",
    )
    assert entry(plan, "b-d").target_path == ("Steungever", "Decaan")
    merged, _ = apply_plan(base, incoming, plan)
    assert names(merged) == ["Steungever", "Steungever / Mentor", "Steungever / Decaan"]


def test_siblings_under_the_matched_parent_are_preferred() -> None:
    base = CodebookSpec(
        codes=[
            node("Steungever", "a", node("Docenten", "a-d")),
            node("Overig", "o", node("Docent", "o-d")),  # the exact name, but elsewhere
        ]
    )
    incoming = CodebookSpec(codes=[node("Steungever", "b", node("Docent", "b-d"))])
    plan = plan_merge(base, incoming)
    assert entry(plan, "b-d").target == "a-d"
    # Without a close sibling the search goes anywhere: a code moved by the other coder.
    find(base, "a").children = [node("Moeder", "a-m")]
    moved = plan_merge(base, incoming)
    assert entry(moved, "b-d").target == "o-d"
    assert entry(moved, "b-d").reason == "same name under another parent"


def test_new_code_shows_near_misses() -> None:
    base = CodebookSpec(codes=[node("Mentale steun", "a")])
    plan = plan_merge(base, CodebookSpec(codes=[node("Emotionele steun", "b")]))
    (only,) = plan.entries
    assert only.action == "new" and [c.guid for c in only.candidates] == ["a"]
    assert only.target_path == ("Emotionele steun",)


def test_format_text_table(plan: MergePlan) -> None:
    text = plan.format_text()
    lines = text.splitlines()
    assert lines[0] == "Merge plan: Codeur B into Werkversie (Anouk)"
    assert lines[2].split() == ["ACTION", "ACCEPT", "SCORE", "INCOMING", "TARGET"]
    rename = next(line for line in lines if line.startswith("rename"))
    assert (
        "Praktische hulp" in rename
        and "-> Steungedrag / Gedrag steungever / Praktische steun" in (rename)
    )
    assert "    differs: colour (base kept)" in text
    assert "    candidates: Steungever / Vrienden (85.7), Steungever / Vriendin (85.7)" in text
    assert lines[-1] == "3 update, 4 same, 1 rename, 2 new, 1 conflict"


def test_guids_match_whatever_case_or_braces_a_tool_wrote() -> None:
    base = base_codebook()
    incoming = copy.deepcopy(base)
    find(incoming, "a-ps").guid = "{A-PS}"  # as an other QDA tool may write it
    find(incoming, "a-gs").children.append(node("Advies geven", "{B-AG}"))
    plan = plan_merge(base, incoming, mapping={})
    assert (entry(plan, "a-ps").action, entry(plan, "a-ps").reason) == ("same", "same guid")
    merged, mapping = apply_plan(base, incoming, plan)
    assert mapping["a-ps"] == "a-ps" and mapping["b-ag"] == "b-ag"
    assert find(merged, "b-ag").name == "Advies geven"


# --- errors ---------------------------------------------------------------------------


def test_accepting_a_duplicate_as_new_names_both_paths(plan: MergePlan) -> None:
    edited = hand_edit(plan)
    typo = entry(edited, "b-es")
    typo.action, typo.target = "new", None
    with pytest.raises(MergeValidationError) as caught:
        apply_plan(base_codebook(), incoming_codebook(), edited)
    message = str(caught.value)
    assert "'Steungedrag / Gedrag steungever / Emotionele steun'" in message
    assert "'Steungedrag / Gedrag steungever / Emotionele  steun'" in message


def test_incoming_name_that_clashes_with_a_sibling(plan: MergePlan) -> None:
    edited = hand_edit(plan)
    vriend = entry(edited, "b-vr")
    vriend.target, vriend.use_incoming_name = "a-vn", True
    entry(edited, "b-mo").use_incoming_name = True  # harmless: same name
    base = base_codebook()
    find(base, "a-vr").name = "Vriend"
    with pytest.raises(MergeValidationError, match="Steungever / Vriend"):
        apply_plan(base, incoming_codebook(), edited)


def test_new_entry_whose_guid_is_in_base() -> None:
    base = base_codebook()
    plan = plan_merge(base, copy.deepcopy(base))
    plan.entries[0].action = "new"
    with pytest.raises(MergeValidationError, match="guid is already used"):
        apply_plan(base, copy.deepcopy(base), plan)


def test_target_must_be_a_base_code(plan: MergePlan) -> None:
    edited = hand_edit(plan)
    entry(edited, "b-vr").target = "nonexistent"
    with pytest.raises(MergeValidationError, match="not a code of the base codebook"):
        apply_plan(base_codebook(), incoming_codebook(), edited)


def test_plan_for_another_incoming_version(plan: MergePlan) -> None:
    changed = incoming_codebook()
    changed.codes.append(node("Situatie", "b-si"))
    with pytest.raises(MergeValidationError, match=r"another version.*Situatie"):
        apply_plan(base_codebook(), changed, hand_edit(plan))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.update(schema="something else"), "not a merge plan"),
        (lambda d: d["entries"][0].update(action="keep"), "unknown action 'keep'"),
        (lambda d: d["entries"][0].update(take_incoming=["name"]), "cannot take"),
        (lambda d: d["entries"][0].update(accept="yes"), "'accept' has an invalid value"),
        (lambda d: d.update(entries={}), "must be a list"),
        (lambda d: d["entries"].append(d["entries"][0]), r"more than one entry.*b-sg"),
    ],
)
def test_malformed_plan_files(plan: MergePlan, edit: Any, message: str) -> None:
    data = json.loads(json.dumps(plan.to_json()))
    edit(data)
    with pytest.raises(PlanFormatError, match=message):
        MergePlan.from_json(data)


def test_validate_catches_cycles_and_duplicate_guids() -> None:
    loop = node("Situatie", "s")
    loop.children.append(loop)
    with pytest.raises(MergeValidationError, match="cycle"):
        validate_codebook(CodebookSpec(codes=[loop]))
    with pytest.raises(DomainError, match="guid x used twice"):
        validate_codebook(CodebookSpec(codes=[node("A", "x"), node("B", "x")]))


def test_core_modules_import_without_qt() -> None:
    code = (
        "import sys, qualcode.core.codebook_merge, qualcode.core.codebook_diff;"
        "sys.exit('PySide6' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
