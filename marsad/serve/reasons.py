"""Merge reasons and figure weights in words: what the linker and the reconciler recorded, as a reader
reads it (the API keeps the raw records).

A link record says why a report joined an incident: the first report, or a pair score with its
features (date, place, type, actors, figures, text similarity, days apart). Place ids
(`wof:…`, `curated:…`) and coordinates are left out: the incident's place is on the page already.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# feature -> label key in i18n (marsad.serve.i18n.LABELS); unknown features are shown by name
RULES = {"score": "reason_score_rule", "score, second pass": "reason_score_rule",
         "merged incidents": "reason_merged_incidents",
         "bridged stored incidents": "reason_bridged_stored_incidents"}
FEATURES = ("date", "place", "type", "actors", "figures", "text")


def describe(reason: Any, t: Callable[[str], str], tr: Callable[[str | None], str]) -> dict[str, Any]:
    """{"head": one line, "parts": [short phrases]} for one link record (anything else: its text)."""
    if not isinstance(reason, dict):
        return {"head": str(reason), "parts": []}
    rule = str(reason.get("rule") or "")
    at = reason.get("at") if isinstance(reason.get("at"), dict) else {}
    parts: list[str] = []
    if rule == "first report":
        head = t("reason_first")
    else:
        head = t(RULES.get(rule, "reason_merged"))
        if rule and rule not in RULES:
            head = rule
        score = reason.get("score")
        if isinstance(score, (int, float)):
            head += f" ({t('reason_score')} {score:.2f})"
    features = reason.get("features") if isinstance(reason.get("features"), dict) else {}
    for name in FEATURES:
        value = features.get(name)
        if not isinstance(value, (int, float)):
            continue
        label = t("feat_" + name)
        if value >= 0.999:
            parts.append(f"{t('same')} {label}")
        elif value <= 0.001:
            parts.append(f"{t('different')} {label}")
        else:
            parts.append(f"{label} {round(value * 100)}% {t('alike')}")
    days = features.get("days_apart")
    if isinstance(days, (int, float)):
        parts.append(t("same_day") if days == 0 else f"{int(days)} {t('days_apart')}")
    for name, value in features.items():
        if name not in FEATURES and name != "days_apart" and isinstance(value, (int, float, str)):
            parts.append(f"{name}: {value}")
    if rule == "first report" and at:
        where = ", ".join(str(x) for x in (at.get("day"), tr(at.get("type")), at.get("admin1")) if x)
        if where:
            parts.append(where)
    return {"head": head, "parts": parts}


TIER_KEYS = {2: "tier_body", 1: "tier_weak", 0: "tier_preliminary", -1: "tier_earlier"}


def claim_tiers(estimates: list[dict[str, Any]]) -> dict[tuple, int]:
    """(doc_id, kind, value, source, stance) -> the reconciler's weight of that figure (tier)."""
    out: dict[tuple, int] = {}
    for e in estimates:
        for t in e.get("timeline") or []:
            key = (t.get("doc_id"), e.get("kind"), t.get("value"), t.get("source"), t.get("stance"))
            if "tier" in t:
                out[key] = max(int(t["tier"]), out.get(key, -9))
    return out
