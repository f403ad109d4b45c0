"""Split an article's original text into runs so evidence spans can be wrapped in <mark>.

Offsets are the claim offsets the pipeline wrote (into the original text); overlapping spans are
handled by cutting at every boundary, so each run knows every mark that covers it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    key: str  # anchor id of what is highlighted (claim id or event evidence)
    kind: str  # "claim" or "event"
    title: str = ""


@dataclass(slots=True)
class Run:
    text: str
    marks: list[Mark] = field(default_factory=list)
    anchor: str | None = None  # set on the first run of a mark, for #links from the claims table

    @property
    def kinds(self) -> str:
        return " ".join(sorted({m.kind for m in self.marks}))

    @property
    def title(self) -> str:
        return " | ".join(dict.fromkeys(m.title for m in self.marks if m.title))


def runs(text: str, marks: list[Mark]) -> list[Run]:
    """Consecutive runs of `text` with the marks covering each; spans out of range are clipped."""
    n = len(text)
    valid = [m for m in marks if 0 <= m.start < m.end and m.start < n]
    cuts = sorted({0, n, *(m.start for m in valid), *(min(m.end, n) for m in valid)})
    out: list[Run] = []
    anchored: set[str] = set()
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        covering = [m for m in valid if m.start <= a and min(m.end, n) >= b]
        run = Run(text[a:b], covering)
        for m in covering:
            if m.key not in anchored:
                anchored.add(m.key)
                run.anchor = run.anchor or m.key
        out.append(run)
    return out
