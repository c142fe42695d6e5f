"""Build the sample project from the synthetic transcripts, codebooks and codings.

Used by ``qualcode demo`` and by the GUI's "open the sample project".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from qualcode.bundled import bundled_dir
from qualcode.core.errors import ProjectError
from qualcode.core.project import Project, create_project

CODED_DOCUMENTS = (
    "PL01_BackOnTrack_projectleider",
    "NI01_Welzijnscoach_student",
    "NI04_CaringUniversities_english",
)
LEAD, CODER = "Anouk", "Bram"
REPORT_LANGUAGE = "nl"  # one setting for both hand-outs: the study is Dutch
PROJECT_FILE = "sample.qcdb"


def sample_root() -> Path:
    """The folder holding sample_transcripts/ and codebooks/: inside the installed package
    (a wheel), else the source checkout."""
    try:
        transcripts = bundled_dir("sample_transcripts")
        codebooks = bundled_dir("codebooks")
    except FileNotFoundError as exc:
        raise ProjectError(f"sample data not found: {exc}") from exc
    if transcripts.parent != codebooks.parent:
        raise ProjectError(f"sample data not found: {codebooks} and {transcripts} are apart")
    return transcripts.parent


def default_folder(base: Path) -> Path:
    """``qualcode-demo`` in ``base``, or ``qualcode-demo-2``... if that is taken."""
    folder = base / "qualcode-demo"
    n = 2
    while folder.exists():
        folder = base / f"qualcode-demo-{n}"
        n += 1
    return folder


@dataclass
class DemoResult:
    project_path: Path
    imported: list[str] = field(default_factory=list)
    flagged: int = 0
    codings: int = 0
    codes: int = 0
    report: Path | None = None
    agreement_report: Path | None = None
    overall_alpha: float | None = None


def build_demo(
    folder: Path,
    *,
    samples: Path | None = None,
    progress: Callable[[str], None] | None = None,
) -> DemoResult:
    """Create ``folder/sample.qcdb`` with everything the sample data holds."""
    from qualcode.io.codebook_formats import read_codebook
    from qualcode.io.codings_csv import import_codings
    from qualcode.io.transcripts.batch import import_files

    root = samples or sample_root()
    say = progress or (lambda _message: None)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / PROJECT_FILE
    if path.exists():
        raise ProjectError(f"{path}: already exists; choose another folder")
    project = create_project(str(path), "Voorbeeldstudie studentenwelzijn")
    try:
        return _fill(project, root, path, say, read_codebook, import_codings, import_files)
    finally:
        project.close()


def _fill(
    project: Project,
    root: Path,
    path: Path,
    say: Callable[[str], None],
    read_codebook: Callable[..., object],
    import_codings: Callable[..., object],
    import_files: Callable[..., object],
) -> DemoResult:
    result = DemoResult(project_path=path)
    project.coders.add(LEAD, role="lead")
    project.coders.add(CODER, role="coder")
    for codebook_file in sorted((root / "codebooks").glob("*.yaml")):
        say(f"codebook {codebook_file.name}")
        spec = read_codebook(codebook_file)
        project.codebook.add_spec(spec, coder=LEAD)  # type: ignore[arg-type]
    project.versions.release("v1 basis", note="Eerste gedeelde codeboek na kalibratie", coder=LEAD)
    transcripts = root / "sample_transcripts"
    files = sorted(p for p in transcripts.iterdir() if p.suffix in (".txt", ".docx"))
    say(f"importing {len(files)} transcripts")
    report = import_files(
        project,
        files,
        attributes={},
        metadata_sheet=transcripts / "metadata.csv",
        language=None,
        pseudonymise=False,
        force=False,
        allow=set(),
        progress=None,
    )
    result.imported = [d.name for d in project.documents.list()]
    result.flagged = sum(
        len(getattr(item, "findings", []) or []) for item in getattr(report, "imported", [])
    )
    for name in CODED_DOCUMENTS:
        project.documents.assign(name, [LEAD, CODER], blind=True)
    codings_file = transcripts / "codings.csv"
    if codings_file.exists():
        say("importing sample codings")
        import_codings(project, codings_file)
    for name in CODED_DOCUMENTS:
        project.documents.reveal(name, by=LEAD)
    _assign_single_coders(project)
    summaries_file = transcripts / "summaries.csv"
    if summaries_file.exists():
        say("adding the sample summaries")
        _load_summaries(project, summaries_file)
    annotations_file = transcripts / "annotations.yaml"
    if annotations_file.exists():
        say("tagging CMO codes and starring illustrative quotes")
        _load_annotations(project, annotations_file)
    info = project.info()
    result.codings, result.codes = info.codings, info.codes
    _write_reports(project, path.parent, result, say)
    return result


def _assign_single_coders(project: Project) -> None:
    """The documents outside the calibration set go to the one coder who coded them."""
    for document in project.documents.list():
        if document.name in CODED_DOCUMENTS:
            continue
        coders = {c.coder_id for c in project.codings.list(document=document.name)}
        if len(coders) == 1:
            project.documents.assign(document.name, coders)


def _load_summaries(project: Project, path: Path) -> None:
    """``summaries.csv`` (code, intervention, author, text): a summary of a code or cluster
    per intervention; an empty intervention means across all interventions."""
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            intervention = (row.get("intervention") or "").strip()
            project.summaries.set(
                row["code"].strip(),
                row.get("text") or "",
                scope_key="intervention" if intervention else "",
                scope_value=intervention,
                author=(row.get("author") or "").strip() or None,
            )


def _load_annotations(project: Project, path: Path) -> None:
    """``annotations.yaml``: CMO tags per code path (``cmo:``) and quotes to star as
    illustrative (``illustrative:``, a list of document + exact coded text)."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for code, tag in (data.get("cmo") or {}).items():
        project.codebook.update(code, cmo=tag, coder=LEAD)
    texts: dict[str, str] = {}
    for item in data.get("illustrative") or []:
        document, quote = item["document"], item["quote"]
        if document not in texts:
            texts[document] = project.documents.text(document)
        text = texts[document]
        matches = [
            c.id for c in project.codings.list(document=document) if text[c.start : c.end] == quote
        ]
        if not matches:
            raise ProjectError(f"{path.name}: no coding in {document} has the text {quote!r}")
        for coding_id in matches:
            project.quotes.star(coding_id)


def _write_reports(
    project: Project, folder: Path, result: DemoResult, say: Callable[[str], None]
) -> None:
    """The two hand-outs a team would make first: the report per intervention and the
    agreement between the calibration coders."""
    from qualcode.core.agreement_project import compute_agreement
    from qualcode.io.agreement_report import write_report as write_agreement
    from qualcode.io.report import write_report

    say("writing the report per intervention")
    result.report = folder / "sample-report.docx"
    write_report(project, result.report, by="intervention", language=REPORT_LANGUAGE)
    say("computing agreement between Anouk and Bram")
    # The library's defaults (bootstrap samples, seed), as the CLI and the GUI use them.
    agreement = compute_agreement(project, [LEAD, CODER], unit="sentence", viewer=LEAD)
    result.agreement_report = folder / "agreement.docx"
    write_agreement(agreement, result.agreement_report, language=REPORT_LANGUAGE)
    result.overall_alpha = agreement.overall.alpha
