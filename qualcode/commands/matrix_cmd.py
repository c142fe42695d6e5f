"""``qualcode matrix LOCATOR``: codes against an attribute, and code co-occurrence."""

from __future__ import annotations

import argparse
from pathlib import Path

from qualcode.commands.common import add_locator, open_from, print_json
from qualcode.commands.quotes_cmd import add_filter_options, filter_from
from qualcode.core.analysis import COUNT_KINDS, UNIT_KINDS, code_matrix, cooccurrence
from qualcode.core.project import Project
from qualcode.core.retrieval import QuoteFilter
from qualcode.io.tables import matrix_header, matrix_rows, write_table


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    matrix = subparsers.add_parser(
        "matrix",
        help="count codes per attribute value (or code co-occurrence)",
        description="Rows are codes (each counting its sub-codes too) or clusters; columns "
        "the values of a document attribute. --cooccurrence instead lists code pairs with "
        "n1, n2, n12 and the c-coefficient n12/(n1+n2-n12).",
    )
    add_locator(matrix)
    matrix.add_argument(
        "--by",
        default="intervention",
        metavar="ATTR",
        help="document attribute for the columns (default: intervention)",
    )
    matrix.add_argument(
        "--count",
        choices=COUNT_KINDS,
        default="codings",
        help="what a cell counts (default: codings)",
    )
    matrix.add_argument("--rows", choices=("codes", "clusters"), default="codes")
    matrix.add_argument(
        "--cooccurrence",
        choices=("overlap", *UNIT_KINDS),
        metavar="UNIT",
        help="code pairs instead: 'overlap' (overlapping codings) or "
        f"codes in the same unit ({', '.join(UNIT_KINDS)})",
    )
    add_filter_options(matrix)
    matrix.add_argument("--out", type=Path, metavar="FILE", help="write .csv or .xlsx")
    matrix.add_argument(
        "--chart",
        type=Path,
        metavar="FILE",
        help="also draw the matrix as .png or .svg (needs matplotlib)",
    )
    matrix.add_argument(
        "--chart-kind",
        choices=("heatmap", "bar"),
        default="heatmap",
        help="heatmap of all cells, or bars of the row totals",
    )
    matrix.add_argument("--json", action="store_true", help="print JSON")
    matrix.set_defaults(func=run_matrix)


def run_matrix(args: argparse.Namespace) -> int:
    with open_from(args) as project:
        flt = filter_from(args)
        if args.cooccurrence:
            return _cooccurrence(args, project, flt)
        result = code_matrix(project, by=args.by, count=args.count, rows=args.rows, flt=flt)
    if args.chart:
        from qualcode.io.report import charts

        draw = charts.heatmap if args.chart_kind == "heatmap" else charts.bar_chart
        draw(result, args.chart, title=f"{args.count} by {args.by}")
        print(f"drew {args.chart}")
    header = matrix_header(result)
    rows = list(matrix_rows(result))
    if args.out:
        write_table(args.out, header, rows, sheet=f"{args.count} by {args.by}")
        print(f"wrote {len(rows)} rows to {args.out}")
    elif args.json:
        print_json([dict(zip(header, row, strict=True)) for row in rows])
    else:
        _print_table(header, rows)
    return 0


def _cooccurrence(args: argparse.Namespace, project: Project, flt: QuoteFilter) -> int:
    mode = "overlap" if args.cooccurrence == "overlap" else "unit"
    result = cooccurrence(
        project,
        flt,
        mode=mode,
        unit=args.cooccurrence,
        level="clusters" if args.rows == "clusters" else "codes",
    )
    header = ["code_a", "code_b", "n_a", "n_b", "n_ab", "c"]
    rows: list[list[str | int | float | None]] = [
        [
            " / ".join(result.paths[p.code_a]),
            " / ".join(result.paths[p.code_b]),
            p.n_a,
            p.n_b,
            p.n_ab,
            round(p.coefficient, 3),
        ]
        for p in sorted(result.pairs, key=lambda p: -p.coefficient)
    ]
    if args.out:
        write_table(args.out, header, rows, sheet="co-occurrence")
        print(f"wrote {len(rows)} pairs to {args.out}")
    elif args.json:
        print_json([dict(zip(header, row, strict=True)) for row in rows])
    else:
        _print_table(header, rows)
    return 0


def _print_table(header: list[str], rows: list[list[str | int | float | None]]) -> None:
    cells = [header, *[["" if v is None else str(v) for v in row] for row in rows]]
    widths = [max(len(row[n]) for row in cells) for n in range(len(header))]
    for row in cells:
        print(
            "  ".join(
                v.ljust(w) if n == 0 else v.rjust(w)
                for n, (v, w) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
