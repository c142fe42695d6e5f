"""Inter-coder agreement statistics (pure numpy, no database, no Qt).

Public API (see each module's docstring for formulas and sources):

* ``krippendorff_alpha(matrix, level)`` -> ``AlphaResult`` (reliability.py)
* ``bootstrap_alpha(matrix, level, n_boot=..., seed=...)`` -> ``BootstrapResult``
* ``coincidence_matrix(matrix, level)`` -> V x V numpy array
* ``percent_agreement``, ``cohen_kappa``, ``scott_pi``, ``fleiss_kappa``,
  ``fleiss_kappa_from_counts`` (kappa.py)
* ``u_alpha``, ``binary_alpha``, ``cu_alpha``, ``cu_alpha_across_domains`` and
  ``unitizing_report`` on ``UnitizedDocument``/``Segment`` data (unitizing.py);
  ``prepare(documents, coders)`` validates once when many coefficients are needed

A *matrix* is coders x units (one row per coder); ``None``/NaN/blank cells are missing.
"""

from qualcode.core.agreement.kappa import (
    KappaResult,
    PercentAgreementResult,
    cohen_kappa,
    fleiss_kappa,
    fleiss_kappa_from_counts,
    percent_agreement,
    scott_pi,
)
from qualcode.core.agreement.reliability import (
    AlphaResult,
    BootstrapResult,
    bootstrap_alpha,
    coincidence_matrix,
    krippendorff_alpha,
)
from qualcode.core.agreement.unitizing import (
    Prepared,
    Segment,
    UnitizedDocument,
    UnitizingReport,
    UnitizingResult,
    binary_alpha,
    cu_alpha,
    cu_alpha_across_domains,
    prepare,
    u_alpha,
    unitizing_report,
)

__all__ = [
    "AlphaResult",
    "BootstrapResult",
    "KappaResult",
    "PercentAgreementResult",
    "Prepared",
    "Segment",
    "UnitizedDocument",
    "UnitizingReport",
    "UnitizingResult",
    "binary_alpha",
    "bootstrap_alpha",
    "cohen_kappa",
    "coincidence_matrix",
    "cu_alpha",
    "cu_alpha_across_domains",
    "fleiss_kappa",
    "fleiss_kappa_from_counts",
    "krippendorff_alpha",
    "percent_agreement",
    "prepare",
    "scott_pi",
    "u_alpha",
    "unitizing_report",
]
