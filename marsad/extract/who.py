"""The group a figure counts: the actor named after the figure, the most specific one first.

`350 عنصرا في تنظيم داعش` -> Islamic State (ISIS): a generic head (عنصرا) is refined by the named
group joined to it; a category of people (مدنيين، أطفال) is taken at once; `آخرين` refers back to
the group of the previous figure; an adjectival number takes the noun before it (المصابين الثلاثة).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from marsad import lang
from marsad.extract.actors import Actor, actor_table, country_forces
from marsad.extract.tokens import Tok, lex_key, variants
from marsad.text.normalize import fold, key


@dataclass(frozen=True)
class WhoLexicon:
    generic: frozenset[str]
    categories: frozenset[str]
    unconfirmed_sources: frozenset[str]
    others: frozenset[str]
    own_forces: frozenset[str]
    singular: frozenset[str]
    singular_kinds: frozenset[str]
    gap_blockers: frozenset[str]  # attackers and means (بنيران, شنه): also used to tell an attacker
    gap_stops: frozenset[str]  # gap_blockers plus sources and breakdown words
    group_heads: frozenset[str]
    total_words: frozenset[str]
    victim_nouns: frozenset[str]
    nationality: dict[str, str]  # word form -> ISO3
    civilian_kinds: frozenset[str]
    people_hurt: str
    unnamed_attackers: frozenset[str]
    civilian_events: frozenset[str]
    counted_as_militants: frozenset[str]
    militants: str
    government_voices: frozenset[str]
    protest_events: frozenset[str]
    protest_crowd: frozenset[str]
    protesters: str


@cache
def lexicon() -> WhoLexicon:
    d = lang.load("who")
    t = lang.load("claim_triggers")
    return WhoLexicon(frozenset(d["generic_heads"]), frozenset(d["categories"]),
                      frozenset(d["unconfirmed_sources"]), frozenset(lex_key(w) for w in t["others"]),
                      frozenset(lex_key(w) for w in d["own_forces"]),
                      frozenset(lex_key(w) for w in d["singular_nouns"]), frozenset(d["singular_kinds"]),
                      frozenset(lex_key(w) for w in d["gap_blockers"]),
                      frozenset(lex_key(w) for w in d["gap_blockers"] + d["gap_stops"]),
                      frozenset(lex_key(w) for w in d["group_heads"]),
                      frozenset(lex_key(w) for w in d["total_words"]),
                      frozenset(lex_key(w) for w in d["victim_nouns"]),
                      _nationality_forms(d["nationalities"]), frozenset(d["civilian_kinds"]),
                      d["people_hurt"], frozenset(d["unnamed_attackers"]),
                      frozenset(d["civilian_events"]), frozenset(d["counted_as_militants"]), d["militants"],
                      frozenset(d["government_voices"]), frozenset(d["protest_events"]),
                      frozenset(d["protest_crowd"]), d["protesters"])


_FW = lang.load("function_words")["who"]  # marsad/lang/ar/function_words.yaml (match-key form)
# Words that may stand between a figure and its group: N من المدنيين.
_LEAD = frozenset(_FW["lead"])
# Endings of a nationality stem (سعودي, سعوديا, سعوديين, ...), in order.
_NATIONALITY_ENDINGS = tuple(_FW["nationality_endings"])
_QUOTE_CHARS = frozenset("\"“”«»″()")
_UNIDENTIFIED = "Unidentified persons"
# Word endings (match keys, ta marbuta as ه) of adjectives after a group noun: nisba and participles.
_ADJ_ENDINGS = tuple(_FW["adjective_endings"])
_PARTICIPLE_ENDINGS = tuple(_FW["participle_endings"])
# Generic forces a country makes specific (actors.country_forces).
_GENERIC_FORCES = frozenset({"Military forces", "Security forces"})


def _nationality_forms(table: dict) -> dict[str, str]:
    """Nationality word forms (سعودي, سعوديا, سعوديين, سعوديون, سعودية) -> ISO3."""
    out = {}
    for iso, stems in table.items():
        for stem in stems:
            k = lex_key(stem)
            for form in (k + e for e in _NATIONALITY_ENDINGS):
                out[form] = iso
    return out


def nationality(tok: Tok) -> str | None:
    """ISO3 of a nationality adjective token, if it is one."""
    table = lexicon().nationality
    return next((table[f] for f in variants(tok.text) if f in table), None) if tok.is_word else None


def find_who(toks: list[Tok], actors: list[tuple[int, int, Actor]], start: int, stop: int,
             passable: set[int] | frozenset[int] = frozenset()) -> tuple[int, int, Actor] | None:
    """The group counted by a figure whose noun phrase starts at token `start` (ends before `stop`).

    The group must follow the figure closely (N مدنيين, N من المدنيين, N قتيلا من المدنيين); sources
    (actors with no inter code: ministries, media) never count as the group.
    """
    lex = lexicon()
    cands = [a for a in actors if start <= a[0] < stop and a[2].inter is not None]
    if not cands:
        return None
    first = cands[0]
    lead = [t for k, t in enumerate(toks[start:first[0]], start) if t.text not in _QUOTE_CHARS]
    if len(lead) > 3 or any(t.text not in _LEAD and k not in passable and not is_others(t)
                            for k, t in zip(range(start, first[0]), toks[start:first[0]], strict=True)
                            if t.text not in _QUOTE_CHARS):
        return None
    if first[2].name in lex.generic:
        for nxt in cands[1:]:
            gap = [t for t in toks[first[1]:nxt[0]] if t.text not in _QUOTE_CHARS]
            blockers = lex.gap_stops
            if len(gap) > 3 or any(t.is_punct or t.is_digit or not blockers.isdisjoint(variants(t.text))
                                   for t in gap):
                break  # جنديين في هجوم شنه مسلحون: the attackers named later are not the soldiers' group
            if nxt[2].name in lex.categories:
                if first[2].name == "Unidentified persons" and all(t.text in _LEAD for t in gap):
                    return nxt  # ستة أفراد من عائلة واحدة: people of a category are that category
                break  # جنود مصريين: a nationality after soldiers does not make them civilians
            if first[2].name in _GENERIC_FORCES and not gap and _coordinated(toks[nxt[0]]):
                # 21 من عناصر الجيش والحشد الشعبي: two parties counted together; the first named (the
                # state's forces, made specific by the incident's country) is the group, not the ally
                return first
            if nxt[2].name not in lex.generic:
                return _joined(first, nxt)
            first = _joined(first, nxt)
    return first


def _coordinated(tok: Tok) -> bool:
    """The token is joined to the word before by the conjunction و (والحشد, وقوات)."""
    return tok.is_word and tok.text.startswith("و") and len(variants(tok.text)) > 1 \
        and variants(tok.text)[1] == tok.text[1:]


def _joined(head: tuple[int, int, Actor], adj: tuple[int, int, Actor]) -> tuple[int, int, Actor]:
    """A group word right after a generic head (العناصر التكفيرية, جنود رومانيين) is its adjective:
    the phrase runs from the head; a group named apart (عنصرا من تنظيم داعش) keeps its own span."""
    return (head[0], adj[1], adj[2]) if adj[0] == head[1] else adj


def is_others(tok: Tok) -> bool:
    """آخرين / آخرون: the same group as the figure before."""
    return bool(set(variants(tok.text)) & lexicon().others)


def resolve_groups(claims: list, events: list, headline: list[str] | None = None) -> None:
    """Refine each claim's group and source once its incident is known (`claim.event_index`).

    - soldiers, police or security men with no country of their own (جنديا, رجال الأمن, الجيش as a
      speaker) are the forces of the incident's country: `Military Forces of X`, `Police Forces of X`;
    - people hurt with no group named (قتل 43 شخصا) in violence against civilians or a suicide
      bombing are civilians; in a clash, or a bomb against a patrol, they may be any side's men;
    - civilians or citizens hurt in a protest (أصيب 40 مواطنا خلال المسيرة), more than one, are
      protesters;
    - militants or gunmen with no name (مقتل عشرة إرهابيين) are the one named non-state armed group
      the incident is about, when it names exactly one (a group named elsewhere in the article may
      be background); when it names none, the one such group the headline names (`headline`:
      `مقتل 28 من عناصر داعش في عمليات أمنية` over `8 أشخاص يحملون أحزمة ناسفة قتلوا`); otherwise
      gunmen counted are militants (`Unidentified Armed Group` names a perpetrator, not a toll).
    """
    lex = lexicon()
    table = actor_table()
    forces = country_forces()
    for c in claims:
        ev = events[c.event_index] if getattr(c, "event_index", None) is not None else None
        iso = getattr(ev, "country", None)
        if iso and c.who in _GENERIC_FORCES and (iso, c.who) in forces:
            c.who = forces[(iso, c.who)].name
        if iso and c.source in _GENERIC_FORCES and (iso, c.source) in forces:
            c.source = forces[(iso, c.source)].name
        elif iso and c.source in lex.government_voices and table.get(f"Government of {_country_name(iso)}"):
            c.source = f"Government of {_country_name(iso)}"  # بحسب مسؤولين in Kabul: the Afghan government
        if c.who == _UNIDENTIFIED and c.kind in lex.civilian_kinds and c.value is not None \
                and ev is not None and _against_civilians(ev, lex) and not attacker_among(c):
            c.who = lex.people_hurt
        if c.who in lex.protest_crowd and (c.value or 0) > 1 and ev is not None and _protest(ev, lex):
            c.who = lex.protesters  # أصيب 40 مواطنا خلال المسيرة: the marchers (a crowd, not one man)
        if c.who in lex.unnamed_attackers:
            named = _named_groups([table.get(n) for n in ev.actors or []] if ev is not None else [], lex)
            if not named and ev is not None:
                named = _named_groups([table.get(n) for n in headline or []], lex)
            if len(named) == 1:
                c.who = named[0].name
            elif c.who in lex.counted_as_militants:
                c.who = lex.militants  # gunmen counted (killed, arrested) are militants, not a perpetrator


@cache
def _attacker_among() -> tuple[re.Pattern[str], int]:
    """who.yaml `attacker_among`: "one of them the attacker" right after a figure (not `وأصيب 27 آخرون في
    هجومين نفذ أحدهما انتحاري`, where "one of them" is one of the attacks), and how far to look."""
    d = lang.load("who")["attacker_among"]
    among = "|".join(re.escape(key(w)) for w in sorted(d["among"], key=len, reverse=True))
    attackers = "|".join(re.escape(key(w)) for w in sorted(d["attackers"], key=len, reverse=True))
    # right after the figure's words, or after one more word (its noun: `قتيلان` ... `شخصين أحدهما`)
    return re.compile(rf"^\W*(?:\w+\W+)?(?:{among})\s+(?:{attackers})(?!\w)"), int(d["attacker_reach"])


def attacker_among(c) -> bool:
    """The figure's people include their attacker (`قتل شخصان أحدهما المنفذ`): not all victims."""
    pattern, reach = _attacker_among()
    evidence = fold(c.evidence or "")
    for sp in c.spans or []:
        at = evidence.find(fold(sp.text or ""))
        if sp.text and at >= 0:
            end = at + len(fold(sp.text))
            if pattern.search(evidence[end:end + reach]):
                return True
    return False


def _named_groups(actors: list, lex: WhoLexicon) -> list[Actor]:
    """The distinct named non-state armed groups among actors (no generic name, no state forces)."""
    out: list[Actor] = []
    for a in actors:
        if a is not None and a.role == "armed" and a.inter not in (None, 1, 8) and a.name not in lex.generic \
                and a.name not in lex.unnamed_attackers and a not in out:
            out.append(a)
    return out


def _protest(ev, lex: WhoLexicon) -> bool:
    """The incident is a protest or riot, or protesters are among its parties."""
    return ev.event_type in lex.protest_events or \
        any(a.split(" (")[0] == lex.protesters for a in ev.actors or [])


def _against_civilians(ev, lex: WhoLexicon) -> bool:
    """The incident is of a type whose unnamed victims are civilians (who.yaml `civilian_events`)."""
    return ev.event_type in lex.civilian_events or ev.sub_event_type in lex.civilian_events


def phrase_end(toks: list[Tok], end: int, stop: int, blocked: set[int] | frozenset[int] = frozenset()) -> int:
    """The end of the group's noun phrase: the head (ending at `end`) and up to two adjectives agreeing
    with it in definiteness (العناصر التكفيرية, جنود رومانيين, متمردا حوثيا). An adjective is told by
    its form: a nisba ending (ي, ية, يين, يون ...) or a participle (م- with at least four letters)."""
    if end <= 0 or end > len(toks):
        return end
    head_def = _definite(toks[end - 1].text)
    k = end
    lex = lexicon()
    while k < min(stop, end + 2, len(toks)):
        t = toks[k]
        if not t.is_word or k in blocked or t.text in _LEAD or not lex.gap_stops.isdisjoint(variants(t.text)):
            break
        if _definite(t.text) != head_def or not _adjective(t.text):
            break
        k += 1
    return k


def _definite(word: str) -> bool:
    w = lex_key(word)
    return w.startswith(("ال", "وال", "بال", "لل", "فال"))


def _adjective(word: str) -> bool:
    w = lex_key(word)
    for p in ("وال", "فال", "بال", "ال", "لل"):
        if w.startswith(p):
            w = w[len(p):]
            break
    if len(w) < 4:
        return False  # في, التي: too short to be a nisba or a participle
    return w.endswith(_ADJ_ENDINGS) or (w.startswith("م") and w.endswith(_PARTICIPLE_ENDINGS))


@cache
def _country_names() -> dict[str, str]:
    """ISO3 -> ACLED country name as used in actor names (actor_countries.yaml)."""
    return {iso: row["en"] for iso, row in lang.load("actor_countries")["countries"].items()}


def _country_name(iso: str) -> str:
    return _country_names().get(iso, iso)
