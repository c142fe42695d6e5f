"""Frozen results of a project agreement computation, for the CLI, reports and the GUI."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

UNIT_MODES = ("sentence", "paragraph", "turn", "character")
# Krippendorff (2019, sec. 12.2.5): rely on alpha >= .800; draw tentative conclusions
# only from .667 <= alpha < .800.
TENTATIVE, RELIABLE = 0.667, 0.800
# One default everywhere (CLI, API, GUI, demo), so the same data give the same interval.
DEFAULT_BOOTSTRAP, DEFAULT_SEED = 1000, 0


@dataclass(frozen=True)
class Settings:
    coders: tuple[str, ...]
    unit: str
    threshold: float
    bootstrap: int
    seed: int
    documents: tuple[str, ...]  # every document in scope
    codes: tuple[str, ...]
    # The documents the figures rest on, and the others with why they add nothing.
    contributing: tuple[str, ...] = ()
    left_out: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Figures:
    """Every figure for one code, cluster, document or the pooled whole.

    Unit mode fills ``percent``/``cohen``/``scott``/``fleiss``/``alpha`` (nominal,
    binary matrix) and a bootstrap interval over units; character mode fills ``alpha``
    with Krippendorff's binary unitizing alpha, ``u_alpha`` with uα (codes and gaps as
    nominal values), both with a bootstrap interval over documents, and for clusters and
    the overall row ``cu_alpha`` (``Cu`` overall). NaN means undefined or not computed:
    ``reason`` says why for alpha, and ``reasons`` names the reason for every NaN field
    (``reason_for("cu_alpha")``). ``low_data`` marks figures that rest on too little data
    to be trusted even when defined (see ``note``).
    """

    kind: str  # "code" | "cluster" | "document" | "overall"
    label: str
    ref_id: int | None
    n_units: int  # pairable units (unit mode) / documents (character mode)
    n_pairable: int  # pairable values (unit mode) / pairable length l.. (character mode)
    n_coded: int  # units any coder coded with it / segments (character mode)
    percent: float = math.nan
    cohen: float = math.nan
    fleiss: float = math.nan
    alpha: float = math.nan
    ci_low: float = math.nan
    ci_high: float = math.nan
    p_below_tentative: float = math.nan  # share of bootstrap replicates below .667
    cu_alpha: float = math.nan
    coverage: float = math.nan
    reason: str | None = None
    low_data: bool = False
    note: str = ""
    scott: float = math.nan
    u_alpha: float = math.nan
    u_ci_low: float = math.nan
    u_ci_high: float = math.nan
    reasons: tuple[tuple[str, str], ...] = ()

    def reason_for(self, name: str) -> str | None:
        """Why the figure ``name`` (a field name) is NaN; None when it has a value."""
        for key, why in self.reasons:
            if key == name:
                return why
        return None

    @property
    def band(self) -> str:
        """``reliable`` (>= .800), ``tentative`` (>= .667), ``low`` or ``undefined``."""
        return band(self.alpha)


def band(alpha: float, tentative: float = TENTATIVE, reliable: float = RELIABLE) -> str:
    if math.isnan(alpha):
        return "undefined"
    if alpha >= reliable:
        return "reliable"
    if alpha >= tentative:
        return "tentative"
    return "low"


@dataclass(frozen=True)
class CoderCodes:
    coder: str
    codes: tuple[str, ...]  # code paths this coder applied in the stretch (in scope)


@dataclass(frozen=True)
class Disagreement:
    """A disputed unit (or merged character stretch) and what each coder did there."""

    document_id: int
    document: str
    start: int
    end: int
    text: str
    by_coder: tuple[CoderCodes, ...]
    disputed: tuple[str, ...]  # code paths the coders did not agree on
    # Where a reader finds it: the paragraph (non-blank line, 1-based, as the report's
    # "paragraph n") and the speaker turn (1-based) with its speaker, when inside one.
    paragraph: int = 0
    turn: int | None = None
    speaker: str | None = None

    def codes_of(self, coder: str) -> tuple[str, ...]:
        for entry in self.by_coder:
            if entry.coder == coder:
                return entry.codes
        return ()


@dataclass(frozen=True)
class AgreementResult:
    settings: Settings
    codes: tuple[Figures, ...]
    clusters: tuple[Figures, ...]
    documents: tuple[Figures, ...]
    overall: Figures
    disagreements: tuple[Disagreement, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)
    seconds: float = 0.0

    def all_figures(self) -> tuple[Figures, ...]:
        return (*self.codes, *self.clusters, *self.documents, self.overall)
