"""Geometry for the server-rendered SVG charts: the events timeline and the toll-over-time chart.

Only numbers come out of here; the templates draw them (and escape every label), so pages need no
JavaScript chart library and work offline.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from typing import Any

PALETTE = ["#b2182b", "#2166ac", "#1b7837", "#762a83", "#e08214", "#35978f", "#8c510a", "#c51b7d"]
TOLL_KINDS = ("killed", "injured", "casualties", "missing", "abducted", "arrested", "escaped", "freed",
              "held", "displaced")


def _day(s: str | None) -> date | None:
    try:
        return date.fromisoformat(s[:10]) if s else None
    except ValueError:
        return None


def timeline(dates: list[str | None], width: int = 900, height: int = 120) -> dict[str, Any] | None:
    """Bars of events per day (short spans) or per month; None when no event has a date."""
    days = [d for d in map(_day, dates) if d]
    if not days:
        return None
    lo, hi = min(days), max(days)
    by_month = (hi - lo).days > 120
    keys = [(d.year, d.month, 1) if by_month else (d.year, d.month, d.day) for d in days]
    counts = Counter(keys)
    if by_month:
        slots, (y, m) = [], (lo.year, lo.month)
        while (y, m) <= (hi.year, hi.month):
            slots.append((y, m, 1))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        slots = [(d.year, d.month, d.day) for d in
                 (date.fromordinal(o) for o in range(lo.toordinal(), hi.toordinal() + 1))]
    pad_l, pad_b, pad_t = 30, 20, 8
    plot_w, plot_h = width - pad_l - 10, height - pad_b - pad_t
    bw = plot_w / len(slots)
    top = max(counts.values())
    bars = []
    for i, s in enumerate(slots):
        n = counts.get(s, 0)
        h = plot_h * n / top
        label = f"{s[0]:04d}-{s[1]:02d}" + ("" if by_month else f"-{s[2]:02d}")
        first = date(*s)
        last = (date(s[0] + s[1] // 12, s[1] % 12 + 1, 1).toordinal() - 1) if by_month else first.toordinal()
        bars.append({"x": round(pad_l + i * bw + bw * 0.1, 1), "y": round(pad_t + plot_h - h, 1),
                     "w": round(max(bw * 0.8, 1), 1), "h": round(h, 1), "n": n, "label": label,
                     "from": first.isoformat(), "to": date.fromordinal(last).isoformat()})
    step = max(1, len(bars) // 8)
    ticks = [{"x": round(b["x"] + b["w"] / 2, 1), "label": b["label"]} for b in bars[::step]]
    return {"width": width, "height": height, "bars": bars, "ticks": ticks, "max": top,
            "base": pad_t + plot_h, "left": pad_l, "by_month": by_month}


def tolls(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One toll chart per kind of figure, each on its own axis (150,000 displaced would flatten 40
    killed on a shared one), in TOLL_KINDS order."""
    out = []
    for kind in TOLL_KINDS:
        chart = toll([c for c in claims if c.get("kind") == kind], height=180)
        if chart is not None:
            out.append(dict(chart, kind=kind))
    return out


def toll(claims: list[dict[str, Any]], width: int = 640, height: int = 240) -> dict[str, Any] | None:
    """One line per (kind, who) through the claimed values by publication date; None when nothing to draw.

    Denied claims are drawn as hollow points: they are part of the record but not the toll.
    """
    groups: dict[tuple[str, str], list[tuple[date, int, dict[str, Any]]]] = defaultdict(list)
    for c in claims:
        d = _day(c.get("published"))
        if d is None or c.get("value") is None or c.get("kind") not in TOLL_KINDS:
            continue
        groups[(c["kind"], c.get("who") or "?")].append((d, int(c["value"]), c))
    if not groups:
        return None
    ranked = sorted(groups.items(), key=lambda kv: (TOLL_KINDS.index(kv[0][0]), -len(kv[1])))[:len(PALETTE)]
    all_days = [d for _, pts in ranked for d, _, _ in pts]
    lo, hi = min(all_days).toordinal(), max(all_days).toordinal()
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    top = max(v for _, pts in ranked for _, v, _ in pts) or 1
    pad_l, pad_r, pad_t, pad_b = 50, 20, 10, 30
    pw, ph = width - pad_l - pad_r, height - pad_t - pad_b

    def xy(d: date, v: int) -> tuple[float, float]:
        return (round(pad_l + pw * (d.toordinal() - lo) / (hi - lo), 1), round(pad_t + ph * (1 - v / top), 1))

    series = []
    for i, ((kind, who), pts) in enumerate(ranked):
        pts.sort(key=lambda p: (p[0], p[1]))
        points = []
        for d, v, c in pts:
            x, y = xy(d, v)
            points.append({"x": x, "y": y, "denied": c.get("stance") == "denied",
                           "title": f"{kind} {who}: {v} ({d.isoformat()}; {c.get('source') or '?'}; "
                                    f"{c.get('outlet') or '?'})"})
        line = " ".join(f"{p['x']},{p['y']}" for p in points if not p["denied"])
        series.append({"label": f"{kind} · {who}", "kind": kind, "who": who, "color": PALETTE[i],
                       "points": points, "line": line})
    y_ticks = [{"y": round(pad_t + ph * (1 - f), 1), "label": str(round(top * f))} for f in (0, 0.5, 1)]
    ords = sorted({lo, hi, (lo + hi) // 2})
    x_ticks = [{"x": xy(date.fromordinal(o), 0)[0], "label": date.fromordinal(o).isoformat(),
                "anchor": "start" if o == lo else "end" if o == hi else "middle"} for o in ords]
    return {"width": width, "height": height, "series": series, "y_ticks": y_ticks, "x_ticks": x_ticks,
            "left": pad_l, "base": pad_t + ph, "right": width - pad_r}
