"""What a person waits for in the real ``MainWindow`` (offscreen) on the generated study.

Every action goes through the window as the menus and keys do (the coding controller,
the undo stack, the code tree's model and filter box, the panels' menu functions) and is
timed until Qt has processed the resulting events and painted ("drawn"). Prints JSON
``{"figures": [...]}`` with ``name``, ``value``, ``unit``, ``target``, ``passed``.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_window.py --scale 1 [--codebook 300]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.append(str(Path(__file__).resolve().parents[1]))  # PYTHONPATH wins

from study import LEAD, study

REPEAT = int(os.environ.get("QUALCODE_BENCH_REPEAT", "15"))  # applies (and undos) timed
PROFILE = os.environ.get("QUALCODE_PROFILE", "")  # a figure name: pyinstrument it (stderr)


def figure(name: str, value: float, unit: str, target: float | None, **extra: object) -> dict:
    passed = None if target is None else value <= target
    return {"name": name, "value": round(value, 1), "unit": unit, "target": target,
            "passed": passed, **extra}  # fmt: skip


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(scale: float, codebook: str, suffix: str = "") -> list[dict]:
    from qualcode.ui.app import create_app
    from qualcode.ui.qt import QtCore, QtWidgets

    folder = Path(tempfile.mkdtemp(prefix="qc-bench-"))
    os.environ["QUALCODE_SETTINGS"] = str(folder / "settings.ini")
    app = create_app("en")
    info = study(scale, codebook, folder / "study.qcdb")

    def drawn() -> None:
        # Posted events first (deferred deletes, queued notices), then the paint requests.
        for _ in range(2):
            QtCore.QCoreApplication.sendPostedEvents()
            app.processEvents()

    def timed(action: Callable[[], object], name: str = "") -> float:
        profiler = None
        if PROFILE and name == PROFILE:
            from pyinstrument import Profiler  # the test extra; only for --profile

            profiler = Profiler(interval=0.0005)
            profiler.start()
        t0, c0 = time.perf_counter(), time.process_time()
        action()
        drawn()
        elapsed = (time.perf_counter() - t0) * 1000
        # CPU time of this process: far less disturbed than wall time on a shared machine.
        cpu.setdefault(name, []).append((time.process_time() - c0) * 1000)
        if profiler is not None:
            profiler.stop()
            print(profiler.output_text(unicode=False, color=False), file=sys.stderr)
        return elapsed

    from qualcode.ui import project_menus
    from qualcode.ui.main_window import MainWindow

    w = MainWindow(coder=LEAD)
    w.resize(1400, 900)
    w.show()
    drawn()
    w.set_layer("all")  # the lead reviewing everyone's codings: the heaviest view
    figures: list[dict] = []
    cpu: dict[str, list[float]] = {}
    open_ms = timed(lambda: w.open_project(str(info.path), remember=False), "open_project")
    figures.append(figure("open_project" + suffix, open_ms, "ms", 500))
    assert w.project is not None
    project = w.project
    documents = project.documents.list()
    typical = next(d for d in documents if not d.blind and d.name != info.long_document)
    long_doc = next(d for d in documents if d.name == info.long_document)

    ordinary = [d for d in documents if d.name != info.long_document][:6]
    shows = [timed(lambda d=d: w.show_document(d.id), "show_transcript") for d in ordinary]
    figures.append(figure("show_transcript" + suffix, statistics.median(shows), "ms", 100,
                          characters=typical.length))  # fmt: skip
    longs = [timed(lambda: w.show_document(long_doc.id), "show_transcript_long") for _ in range(3)]
    figures.append(figure("show_transcript_long" + suffix, statistics.median(longs), "ms", 100,
                          characters=long_doc.length, codings=len(w.visible)))  # fmt: skip

    w.show_document(typical.id)
    drawn()
    sentences = project.documents.units(typical.id, "sentence")[5:]
    codes = sorted(w.codes)
    applies, undos = [], []
    for i in range(REPEAT):
        start, end = sentences[i * 7]
        w.view.select_span(start, end)
        drawn()
        code = codes[(i * 13) % len(codes)]
        applies.append(timed(lambda code=code: w.coding.apply_code(code), "apply_coding"))
        undos.append(timed(w.undo_stack.undo, "undo_coding"))
    p95 = statistics.quantiles(applies, n=20)[-1]
    figures.append(figure("apply_coding" + suffix, statistics.median(applies), "ms", 16,
                          p95=round(p95, 1), p95_target=50, samples=len(applies)))  # fmt: skip
    figures.append(figure("undo_coding" + suffix, statistics.median(undos), "ms", 16,
                          p95=round(statistics.quantiles(undos, n=20)[-1], 1)))  # fmt: skip

    assert w.code_tree is not None
    model = w.code_tree.model
    renames = []
    for i in range(5):
        index = model.index_of(codes[(i * 29) % len(codes)])
        old = index.data()
        renames.append(
            timed(lambda index=index, i=i: model.setData(index, f"Hernoemd {i}"), "rename_code")
        )
        model.setData(model.index_of(codes[(i * 29) % len(codes)]), old)
        drawn()
    figures.append(figure("rename_code" + suffix, statistics.median(renames), "ms", 50))

    others = [c.name for c in project.coders.list() if c.name != LEAD]
    switches = []
    for name in [*others, LEAD]:
        switches.append(timed(lambda name=name: w.set_coder(name), "switch_coder"))
    figures.append(figure("switch_coder" + suffix, statistics.median(switches), "ms", 100))

    filters = []
    for needle in ("steun", "moeder", "zzz-no-match", ""):
        filters.append(
            timed(lambda needle=needle: w.code_tree.filter.setText(needle), "filter_code_tree")
        )
    figures.append(figure("filter_code_tree" + suffix, statistics.median(filters), "ms", 100))

    quote_code = max(codes, key=lambda c: model.usage(c))

    def open_quotes() -> None:
        w.select_code(quote_code)  # what clicking the code in the tree does
        dock = project_menus.open_panel(w, "quotes")  # Analysis > Quotes
        assert dock is not None
        browser = dock.widget()
        while browser.is_busy():
            app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)

    figures.append(figure("open_quotes" + suffix, timed(open_quotes, "open_quotes"), "ms", 500,
                          code_usage=model.usage(quote_code)))  # fmt: skip
    figures.append(figure("open_agreement" + suffix,
                          timed(lambda: project_menus.open_agreement(w), "open_agreement"),
                          "ms", 500))  # fmt: skip
    figures.append(figure("peak_rss_gui" + suffix, peak_rss_mb(), "MB", 300))
    w.close()
    QtWidgets.QApplication.processEvents()
    for f in figures:
        samples = cpu.get(f["name"].removesuffix(suffix) if suffix else f["name"])
        if samples:
            f["cpu_ms"] = round(statistics.median(samples), 1)
        f.setdefault("study", {"scale": scale, "codebook": codebook, "documents": info.documents,
                               "codings": info.codings, "codes": info.codes})  # fmt: skip
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--codebook", choices=("reference", "300"), default="reference")
    parser.add_argument("--suffix", default="", help="appended to every figure name")
    args = parser.parse_args()
    figures = run(args.scale, args.codebook, args.suffix)
    json.dump({"figures": figures}, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
