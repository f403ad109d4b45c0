"""The group a figure counts: the actor named after the figure, the most specific one first.

`350 عنصرا في تنظيم داعش` -> Islamic State (ISIS): a generic head (عنصرا) is refined by the named
group joined to it; a category of people (مدنيين، أطفال) is taken at once; `آخرين` refers back to
the group of the previous figure; an adjectival number takes the noun before it (المصابين الثلاثة).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad import lang
from marsad.extract.actors import Actor
from marsad.extract.tokens import Tok, lex_key, variants


@dataclass(frozen=True)
class WhoLexicon:
    generic: frozenset[str]
    categories: frozenset[str]
    unconfirmed_sources: frozenset[str]
    others: frozenset[str]


@cache
def lexicon() -> WhoLexicon:
    d = lang.load("who")
    t = lang.load("claim_triggers")
    return WhoLexicon(frozenset(d["generic_heads"]), frozenset(d["categories"]),
                      frozenset(d["unconfirmed_sources"]), frozenset(lex_key(w) for w in t["others"]))


# Words that may join a head noun to the group it belongs to.
_JOINERS = frozenset({"من", "في", "تابع", "تابعين", "تابعه", "التابعين", "التابعه", "ينتمون", "ينتمي", "عناصر",
                      "افراد", "اعضاء", "مقاتلي", "صفوف", "قوات", "ل", "ب", "و", "منتسبي"})


def find_who(toks: list[Tok], actors: list[tuple[int, int, Actor]], start: int, stop: int,
             window: int = 6) -> tuple[int, int, Actor] | None:
    """The actor counted by a figure whose noun phrase starts at token `start` (ends before `stop`)."""
    lex = lexicon()
    limit = min(stop, start + window)
    cands = [a for a in actors if start <= a[0] < limit]
    if not cands:
        return None
    first = cands[0]
    if first[2].name in lex.generic:
        for nxt in cands[1:]:
            if nxt[0] - first[1] > 3:
                break
            gap = toks[first[1]:nxt[0]]
            if all(t.text in _JOINERS or t.text in "\"“”«»″" or variants(t.text)[-1] in _JOINERS for t in gap):
                if nxt[2].name not in lex.generic:
                    return nxt
                first = nxt
    return first


def is_others(tok: Tok) -> bool:
    """آخرين / آخرون: the same group as the figure before."""
    return bool(set(variants(tok.text)) & lexicon().others)
