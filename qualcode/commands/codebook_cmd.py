"""``qualcode codebook ...``: show, exchange, release, diff, log and merge codebooks."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from qualcode.commands.codebook_edit_cmd import register_edits
from qualcode.commands.common import add_locator, open_from, print_json
from qualcode.core.codebook_spec import CodebookSpec, fill_missing_guids, join_path
from qualcode.core.errors import DomainError
from qualcode.core.project import Project, open_project
from qualcode.core.services.versions import WORKING

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]


def register(subparsers: Subparsers) -> None:
    codebook = subparsers.add_parser(
        "codebook",
        help="the shared, versioned codebook",
        description="Show, edit, release, compare, merge, import and export the codebook.",
    )
    sub = codebook.add_subparsers(dest="codebook_command", metavar="ACTION", required=True)

    show = sub.add_parser(
        "show",
        help="the code tree with usage counts",
        description="Print the working codebook as a tree.",
    )
    add_locator(show)
    show.add_argument("--json", action="store_true", help="print JSON (native format + usage)")
    show.add_argument("--version", dest="label", help="show a released version instead")
    show.set_defaults(func=run_show)

    imp = sub.add_parser(
        "import",
        help="add codes from a file through the merge plan",
        description="Add a codebook file (.qdc, .qde/.qdpx, .yaml, .json, .csv) to the working "
        "codebook: matching codes are kept, new ones added. Stops on conflicts (then use "
        "'codebook merge' to review a plan).",
    )
    add_locator(imp)
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.add_argument(
        "--by",
        metavar="CODER",
        help="who imports, for the logbook (default: the only lead, or the only coder)",
    )
    imp.add_argument(
        "--accept-renames",
        action="store_true",
        help="where the file gives a known code (same id) a new name, take the new name",
    )
    imp.set_defaults(func=run_import)

    exp = sub.add_parser(
        "export",
        help="write the codebook to .qdc, .docx, .yaml, .json or .csv",
        description="Write the working codebook (or --version LABEL); the format follows the "
        "extension: .qdc (REFI-QDA), .docx (Word, for reviewers), .yaml/.json (native), .csv.",
    )
    add_locator(exp)
    exp.add_argument("out", metavar="OUT", type=Path)
    exp.add_argument("--version", dest="label", help="export a released version")
    exp.set_defaults(func=run_export)

    rel = sub.add_parser(
        "release",
        help="release the working codebook as a version",
        description="Freeze the working codebook as a labelled version.",
    )
    add_locator(rel)
    rel.add_argument("--label", required=True, help="e.g. 'v2 definitief'")
    rel.add_argument("--note", default="", help="what this version is")
    rel.add_argument("--by", metavar="LEAD", help="the lead who releases (default: the only lead)")
    rel.set_defaults(func=run_release)

    diff = sub.add_parser(
        "diff",
        help="what changed between two versions",
        description="Added, removed, renamed, moved, merged, split and redefined codes between "
        f"version FROM and TO (default: the working state, '{WORKING}').",
    )
    add_locator(diff)
    diff.add_argument("from_label", metavar="FROM")
    diff.add_argument("to_label", metavar="TO", nargs="?", default=WORKING)
    diff.add_argument("--json", action="store_true", help="print JSON")
    diff.set_defaults(func=run_diff)

    log = sub.add_parser(
        "log",
        help="the logbook of codebook changes",
        description="Every codebook change: when, who, what, before and after.",
    )
    add_locator(log)
    log.add_argument("--code", metavar="PATH", help="only changes of this code (path or id)")
    log.add_argument("--json", action="store_true", help="print JSON")
    log.set_defaults(func=run_log)

    merge = sub.add_parser(
        "merge",
        help="merge another codebook or project into this one",
        description="Match the other codebook's codes (by id, path, then fuzzy name and "
        "definition), show the plan, and with --apply store it in one transaction. Edit the "
        "plan written by --plan-out and pass it back with --plan.",
    )
    add_locator(merge)
    merge.add_argument("other", metavar="OTHER", help="a codebook file (.qdc...) or a project")
    merge.add_argument("--plan-out", type=Path, metavar="PLAN.json", help="write the plan")
    merge.add_argument("--plan", type=Path, metavar="PLAN.json", help="use an edited plan")
    merge.add_argument("--apply", action="store_true", help="store the merge")
    merge.add_argument("--threshold", type=float, default=85, help="fuzzy match score (0-100)")
    merge.add_argument("--by", metavar="LEAD", help="who merges (default: the only lead)")
    merge.set_defaults(func=run_merge)

    register_edits(sub)


def default_lead(project: Project, given: str | None) -> str | None:
    if given:
        return given
    if project.team is not None and project.team.coder_name is not None:
        return project.team.coder_name  # on a team server: the login (rights checked later)
    leads = [c.name for c in project.coders.list() if c.role == "lead"]
    if len(leads) == 1:
        return leads[0]
    if leads:
        raise DomainError(f"several leads ({', '.join(leads)}): say who with --by")
    return None


def importer(project: Project, given: str | None) -> str | None:
    """Who the logbook names for an import: --by, else the only lead, else the only coder
    (a project without coders has nobody to name)."""
    lead = default_lead(project, given)
    if lead is not None:
        return lead
    coders = project.coders.list()
    return coders[0].name if len(coders) == 1 else None


def run_show(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    with open_from(args) as project:
        if args.label:
            print_spec(project.versions.snapshot(args.label), args.json)
            return 0
        records = project.codebook.tree()
        usage = project.codebook.usage()
        snapshot = project.codebook.snapshot() if args.json else None
    if snapshot is not None:
        by_guid = {r.guid: usage.get(r.id, 0) for r in records}
        print_json({**asdict(snapshot), "usage": by_guid})
        return 0
    if not records:
        print("the codebook is empty")
    for record in records:
        marker = " (inductive)" if record.origin == "inductive" else ""
        count = usage.get(record.id, 0)
        print(f"{'    ' * record.depth}{record.name}{marker}  [{count}]")
    return 0


def print_spec(spec: CodebookSpec, as_json: bool) -> None:
    from dataclasses import asdict

    if as_json:
        print_json(asdict(spec))
        return
    for path, node in spec.walk():
        print(f"{'    ' * (len(path) - 1)}{node.name}")


def run_import(args: argparse.Namespace) -> int:
    from qualcode.core.codebook_merge import apply_plan, plan_merge
    from qualcode.core.services.codebook_sync import sync_codebook
    from qualcode.io.codebook_formats import read_codebook
    from qualcode.io.codebook_formats.common import GUID_CASE_SETTING, guid_case

    incoming = read_codebook(args.file)
    for warning in incoming.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    case = guid_case(node.guid for _, node in incoming.walk())
    fill_missing_guids(incoming)
    with open_from(args) as project:
        by = importer(project, args.by)
        base = project.codebook.snapshot()
        plan = plan_merge(base, incoming, mapping=project.codebook.aliases())
        # A known id under a new name is a rename: say so, never drop it silently.
        renames = [
            e for e in plan.entries if e.accept and e.target and "name" in e.differing_fields
        ]
        for entry in renames:
            entry.use_incoming_name = bool(args.accept_renames)
        merged, mapping = apply_plan(base, incoming, plan)
        summary = sync_codebook(
            project, merged, coder=by, aliases=mapping, note=f"import of {args.file.name}"
        )
        if case and not project.setting(GUID_CASE_SETTING):
            project.set_setting(GUID_CASE_SETTING, case)
    print(
        f"{args.file.name}: {summary.added} codes added, {summary.updated} updated, "
        f"{len(mapping) - summary.added} matched existing codes"
        + (f", {len(renames)} renamed" if renames and args.accept_renames else "")
    )
    if renames and not args.accept_renames:
        for entry in renames:
            old_name = join_path(entry.target_path) if entry.target_path else "?"
            same = entry.incoming_guid.lower() == (entry.target or "").lower()
            how = "same id" if same else "matched as a close name"
            print(f"rename not taken: {old_name} is called {join_path(entry.incoming_path)!r} "
                  f"in the file ({how})")  # fmt: skip
        print(
            f"{len(renames)} rename(s) kept the current name; take them with "
            f"--accept-renames, or review them in the plan of 'qualcode codebook merge "
            f"{args.locator} {args.file} --plan-out plan.json'"
        )
    return 0


def run_export(args: argparse.Namespace) -> int:
    from qualcode.io.codebook_formats import write_codebook
    from qualcode.io.codebook_formats.common import GUID_CASE_SETTING, apply_guid_case

    with open_from(args) as project:
        spec = project.versions.snapshot(args.label) if args.label else project.codebook.snapshot()
        records = project.codebook.tree()
        counts = project.codebook.usage()
        usage = {r.guid: counts.get(r.id, 0) for r in records}
        spec.name = spec.name or project.name
        case = project.setting(GUID_CASE_SETTING)
    if args.out.suffix.lower() == ".qdc":
        apply_guid_case(spec, case)
    write_codebook(spec, args.out, usage=usage)
    count = sum(1 for _ in spec.walk())
    print(f"wrote {count} codes to {args.out}")
    if not count and args.out.suffix.lower() == ".qdc":
        print(
            "note: REFI-QDA's schema wants at least one code; this empty codebook is written "
            "as <Codes/>, which Qualcode and most tools read but a validating tool may refuse",
            file=sys.stderr,
        )
    return 0


def run_release(args: argparse.Namespace) -> int:
    with open_from(args) as project:
        lead = default_lead(project, args.by)
        version = project.versions.release(args.label, note=args.note, coder=lead)
    print(f"released {version.label!r} with {version.code_count} codes")
    return 0


def run_diff(args: argparse.Namespace) -> int:
    with open_from(args) as project:
        diff = project.versions.diff(args.from_label, args.to_label)
    if args.json:
        print_json(diff.to_json())
    else:
        print(f"codebook {args.from_label} -> {args.to_label}")
        print(diff.format_text() if not diff.is_empty else "no changes")
    return 0


def run_log(args: argparse.Namespace) -> int:
    with open_from(args) as project:
        entries = project.versions.log(args.code)
    if args.json:
        print_json([e.__dict__ for e in entries])
        return 0
    for e in entries:
        what = _describe(e.action, e.before, e.after)
        who = e.coder or "(no coder)"
        print(
            f"{e.at:%Y-%m-%d %H:%M}  {who:<12} {e.action:<8} {what}"
            + (f"  ({e.note})" if e.note else "")
        )
    return 0


def _describe(action: str, before: dict | None, after: dict | None) -> str:  # type: ignore[type-arg]
    b, a = before or {}, after or {}
    path = a.get("path") or b.get("path") or ""
    if action == "rename":
        return f"{b.get('path')} -> {a.get('name')}"
    if action == "move":
        return f"{b.get('path')} -> {a.get('path')}"
    if action == "update":
        fields = [k for k in a if k not in ("path", "position", "parent_guid") and a[k] != b.get(k)]
        return f"{path}: {', '.join(fields)}"
    if action == "merge":
        return f"{b.get('path')} -> into {a.get('target_path')}"
    if action == "split":
        return f"{b.get('path')} -> {len(a.get('targets', []))} new codes"
    if action in ("release", "import", "project-merge"):
        return json.dumps(a, ensure_ascii=False)
    return str(path)


def read_plan(path: Path) -> Any:
    """A merge plan file, with size and nesting checked before ``json.loads``."""
    from qualcode.core.codebook_merge import MergePlan
    from qualcode.core.codebook_merge_plan import PlanFormatError
    from qualcode.io import limits as lim

    try:
        data = lim.read_bounded(path)
        lim.check_json(data, path)
        return MergePlan.from_json(json.loads(data.decode("utf-8-sig")))
    except (lim.LimitError, lim.ArchiveError) as exc:
        raise DomainError(f"{path}: {exc.message}") from exc
    except UnicodeDecodeError as exc:
        raise DomainError(f"{path}: not UTF-8 text (bad byte at offset {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise DomainError(f"{path}: not valid JSON ({exc})") from exc
    except PlanFormatError as exc:
        raise DomainError(f"{path}: {exc}") from exc


def run_merge(args: argparse.Namespace) -> int:
    from qualcode.core.codebook_merge import apply_plan, plan_merge
    from qualcode.core.services.codebook_sync import sync_codebook

    incoming = _read_other(args.other)
    with open_from(args) as project:
        base = project.codebook.snapshot()
        if args.plan:
            plan = read_plan(args.plan)
        else:
            plan = plan_merge(
                base, incoming, mapping=project.codebook.aliases(), threshold=args.threshold
            )
        if args.plan_out:
            args.plan_out.write_text(
                json.dumps(plan.to_json(), ensure_ascii=False, indent=2), encoding="utf-8"
            )
        if not args.apply:
            print(plan.format_text())
            if args.plan_out:
                print(
                    f"\nplan written to {args.plan_out}; edit it, then run with "
                    f"--plan {args.plan_out} --apply"
                )
            else:
                print("\nnothing changed; add --apply to store this plan")
            return 0
        lead = default_lead(project, args.by)
        merged, mapping = apply_plan(base, incoming, plan)
        summary = sync_codebook(
            project, merged, coder=lead, aliases=mapping, note=f"merge of {Path(args.other).name}"
        )
    print(
        f"merged {Path(args.other).name}: {summary.added} codes added, {summary.updated} "
        f"updated, {summary.aliases} id mappings recorded"
    )
    return 0


def _read_other(other: str) -> CodebookSpec:
    from qualcode.io.codebook_formats import READ_EXTENSIONS, read_codebook

    path = Path(other)
    if "://" in other or path.suffix.lower() == ".qcdb":
        with open_project(other) as project:
            return project.codebook.snapshot()
    if path.suffix.lower() not in READ_EXTENSIONS:
        raise DomainError(
            f"{other}: not a codebook file ({', '.join(READ_EXTENSIONS)}) "
            "nor a project (.qcdb or database URL)"
        )
    spec = read_codebook(path)
    fill_missing_guids(spec)
    return spec
