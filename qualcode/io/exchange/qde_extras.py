"""Qualcode's own facts in a .qde (our ``<?qualcode-project?>`` instruction): starred
quotes and summaries, read back when the file came from Qualcode."""

from __future__ import annotations

from qualcode.core.exchange import BundleSummary, ProjectBundle, guid_key


def apply_extras(bundle: ProjectBundle, meta: dict[str, object], codes: set[str]) -> None:
    """Starred quotes and summaries from our instruction (ignored when malformed)."""
    stars = meta.get("stars")
    if isinstance(stars, dict):
        ranks = {guid_key(k): v for k, v in stars.items()}
        for coding in bundle.codings:
            key = guid_key(coding.guid)
            if key in ranks:
                coding.illustrative = True
                rank = ranks[key]
                coding.quote_rank = rank if isinstance(rank, int) else None
    summaries = meta.get("summaries")
    for item in summaries if isinstance(summaries, list) else []:
        if isinstance(item, dict) and guid_key(str(item.get("code"))) in codes:
            bundle.summaries.append(
                BundleSummary(
                    code_guid=str(item["code"]),
                    scope_key=str(item.get("scope_key") or ""),
                    scope_value=str(item.get("scope_value") or ""),
                    body=str(item.get("body") or ""),
                    author_guid=str(item["author"]) if item.get("author") else None,
                )
            )
