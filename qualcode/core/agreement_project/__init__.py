"""Inter-coder agreement on a project's codings: figures, disagreements, and the rules
that turn stored codings into reliability data (statistics: ``qualcode.core.agreement``).

Use::

    from qualcode.core.agreement_project import compute_agreement
    result = compute_agreement(project, ["Anouk", "Bram"], unit="sentence", viewer="Anouk")
    for fig in result.codes:
        print(fig.label, fig.alpha, fig.ci_low, fig.ci_high, fig.low_data)
    for d in result.disagreements:
        print(d.document, d.start, d.end, d.text, [(c.coder, c.codes) for c in d.by_coder])
"""

from qualcode.core.agreement_project.records import (
    DEFAULT_BOOTSTRAP,
    DEFAULT_SEED,
    RELIABLE,
    TENTATIVE,
    UNIT_MODES,
    AgreementResult,
    CoderCodes,
    Disagreement,
    Figures,
    Settings,
    band,
)
from qualcode.core.agreement_project.service import compute_agreement

__all__ = [
    "DEFAULT_BOOTSTRAP",
    "DEFAULT_SEED",
    "RELIABLE",
    "TENTATIVE",
    "UNIT_MODES",
    "AgreementResult",
    "CoderCodes",
    "Disagreement",
    "Figures",
    "Settings",
    "band",
    "compute_agreement",
]
