"""Lossless project exchange through REFI-QDA ``.qdpx`` (see ``docs/exchange.md``).

- :func:`export_qdpx` writes a whole project (coders, codebook, documents, codings,
  memos, attributes, sets) as a .qdpx that validates against Project.xsd 1.0;
- :func:`read_qdpx` reads a .qdpx (or a bare ``.qde``) written by Qualcode, ATLAS.ti,
  NVivo, MAXQDA, QualCoder, Taguette or a small tool into a
  :class:`~qualcode.core.exchange.ProjectBundle`, refusing hostile archives before
  anything is written;
- storing a bundle (into a new project or through the merge plan into an existing one)
  is the core's project merge: :mod:`qualcode.core.services.project_merge`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.core.codebook_merge import MergePlan
from qualcode.core.exchange import ProjectBundle
from qualcode.core.exchange_read import bundle_from_project
from qualcode.core.merge_report import MergeReport
from qualcode.io.codebook_formats.common import GUID_CASE_SETTING, guid_case

from .archive import EXCHANGE_LIMITS, ExchangeError, write_archive
from .qde_reader import read_exchange_file
from .qde_writer import build_qde

if TYPE_CHECKING:
    from qualcode.core.project import Project

__all__ = [
    "GUID_CASE_SETTING",
    "ExchangeError",
    "export_qdpx",
    "import_qdpx",
    "prepare_layout",
    "read_exchange_file",
    "read_qdpx",
]


Progress = Callable[[int, int], None]


def export_qdpx(project: Project, path: Path, *, progress: Progress | None = None) -> ProjectBundle:
    """Write ``project`` to ``path`` (.qdpx); returns what was written."""
    bundle = bundle_from_project(project)
    upper = project.setting(GUID_CASE_SETTING) == "upper"
    if progress:
        progress(1, 3)
    qde, files = build_qde(bundle, upper_guids=upper)
    if progress:
        progress(2, 3)
    # No progress call after writing: a GUI cancel raised from it would report an
    # export as cancelled that is already on disk.
    write_archive(Path(path), [("project.qde", qde), *files])
    return bundle


def read_qdpx(path: Path, *, max_size: int | None = None) -> ProjectBundle:
    """Read a .qdpx or .qde file; ``max_size`` raises the size limits (``--max-size``)."""
    return read_exchange_file(Path(path), EXCHANGE_LIMITS.scaled(max_size))


def prepare_layout(bundle: ProjectBundle) -> None:
    """Speaker turns, sentences and paragraphs for sources that have none yet, so an
    imported document works like a transcript imported from a file (agreement by
    sentence, speaker shown in quotes)."""
    from qualcode.io.transcripts.extract import line_spans
    from qualcode.io.transcripts.segment import guess_language, segment
    from qualcode.io.transcripts.speakers import detect_turns

    for source in bundle.text_sources():
        if source.units or source.text is None:
            continue
        paragraphs = line_spans(source.text)
        turns = detect_turns(source.text, paragraphs)
        language = source.language or guess_language(source.text)
        source.language = language
        source.turns = [(t.speaker, t.start, t.end) for t in turns]
        source.units = [
            (u.kind, u.start, u.end) for u in segment(source.text, language, paragraphs, turns)
        ]


def import_qdpx(
    path: Path,
    locator: str,
    *,
    dry_run: bool = False,
    plan: MergePlan | None = None,
    by: str | None = None,
    threshold: float = 85,
    progress: Progress | None = None,
    max_size: int | None = None,
) -> MergeReport:
    """Import a .qdpx/.qde into ``locator``: a new project when it does not exist yet,
    else through the merge plan. Hostile or broken files are refused before anything is
    created; a failed import into a new project leaves no file behind."""
    from qualcode.core import store
    from qualcode.core.project import create_project, open_project
    from qualcode.core.services.project_merge import merge_bundle

    def step(done: int) -> None:
        if progress:
            progress(done, 4)

    bundle = read_exchange_file(Path(path), EXCHANGE_LIMITS.scaled(max_size))
    step(1)
    prepare_layout(bundle)
    step(2)
    target = Path(locator)
    if store.is_url(locator):
        engine = store.engine_for(locator)
        try:
            creating = not store.has_tables(engine)
        finally:
            engine.dispose()
    else:
        creating = not target.exists()
    if creating and dry_run:
        # A preview of a new project: the same merge into a throw-away one.
        with (
            tempfile.TemporaryDirectory() as folder,
            create_project(str(Path(folder) / "preview.qcdb"), name=bundle.name) as preview,
        ):
            report = merge_bundle(
                preview, bundle, source=str(path), dry_run=True, plan=plan, threshold=threshold
            )
        step(4)
        return report
    project = (
        create_project(locator, name=bundle.name or target.stem)
        if creating
        else open_project(locator)
    )
    try:
        with project:
            step(3)
            report = merge_bundle(
                project,
                bundle,
                source=str(path),
                dry_run=dry_run,
                plan=plan,
                by=by,
                threshold=threshold,
            )
            if not dry_run and _upper_case_guids(bundle):
                project.set_setting(GUID_CASE_SETTING, "upper")
    except BaseException:
        if creating and not store.is_url(locator):
            _remove_project_file(target)
        raise
    if creating and not store.is_url(locator):
        os.chmod(target, 0o600)
    step(4)
    return report


def _upper_case_guids(bundle: ProjectBundle) -> bool:
    codes = [node.guid for _, node in bundle.codebook.walk()]
    return guid_case([*codes, *(s.guid for s in bundle.sources)]) == "upper"


def _remove_project_file(path: Path) -> None:
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        candidate.unlink(missing_ok=True)
