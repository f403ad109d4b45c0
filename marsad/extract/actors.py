"""The shared actor matcher: canonical ACLED-style actors named in Arabic (and English) text.

Claims use it for `who` (the group a figure counts) and `source` (who states it); events use it for
the parties of an incident. The table lives in `marsad/lang/ar/actors.yaml`; this module only
compiles it once into a token-keyed index and finds alias mentions, longest first, with Arabic
proclitics (و ف ب ل ك ال لل) peeled off the first word, reporting offsets in the ORIGINAL text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache
from itertools import compress

from spacy.tokens import Doc

from marsad import lang
from marsad.text.document import doc_text
from marsad.text.normalize import NormText, key, key_fold, normalize, word_cache

# One "word" of a match key: Arabic letters, Latin letters or digits (punctuation separates words).
_WORD = re.compile(r"[0-9]+|[a-z\u0621-\u064a\u0671-\u06d3]+")

# Proclitics a word may carry before an alias: conjunction, then preposition, then the article.
_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")
_QUOTES = frozenset({"\"", "«", "“", "'", "(", "″"})


@dataclass(frozen=True)
class Actor:
    """A canonical actor: name in ACLED's style, ACLED inter code, broad role, country."""

    name: str  # canonical ACLED-style name, e.g. "Islamic State (ISIS)"
    inter: int | None  # ACLED inter code 1..8
    role: str  # armed | civilians | official | media | other ...
    country: str | None  # ISO3 when tied to one country
    branch_of: str | None = None  # the parent organisation of a provincial branch (ولاية سيناء of ISIS)
    local: bool = False  # matched by a local alias: names the actor only in a report of its own country


@dataclass(frozen=True)
class ActorMention:
    """One alias occurrence; offsets point into the original doc text."""

    start: int
    end: int
    text: str
    actor: Actor


def match_key(s: str) -> str:
    """Key for matching a normalised text (one-to-one, offsets survive)."""
    return _match_key(s)


def doc_keyed(doc: Doc) -> str:
    """The doc's normalised text folded into match keys (offsets as in `doc._.norm`), computed once."""
    keyed = doc.user_data.get("marsad_keyed")
    if keyed is None:
        keyed = doc.user_data["marsad_keyed"] = _match_key(doc._.norm.text)
    return keyed


def _match_key(s: str) -> str:
    """Key for matching: normalised, ta marbuta folded, Latin lower-cased (all one-to-one)."""
    return key_fold(s)


def word_variants(word: str) -> list[str]:
    """The word and the forms left after peeling proclitics (و/ف, then ب/ل/ك, then ال; لل = ل+ال)."""
    return list(_variants(word))


@word_cache
def _variants(word: str) -> tuple[str, ...]:
    out = [word]
    rest = word
    if len(rest) > 3 and rest[0] in _CONJ:
        rest = rest[1:]
        out.append(rest)
    if len(rest) > 3 and rest.startswith("لل"):
        out.append("ال" + rest[2:])
        out.append(rest[2:])
        return tuple(out)
    if len(rest) > 3 and rest[0] in _PREP:
        rest = rest[1:]
        out.append(rest)
    if len(rest) > 4 and rest.startswith("ال"):
        out.append(rest[2:])
    return tuple(out)


class ActorTable:
    """Aliases indexed by their first word; `find` scans words and tries the longest alias first."""

    def __init__(self, entries: list[dict]):
        self.actors: list[Actor] = []
        self.by_name: dict[str, Actor] = {}
        index: dict[str, list[tuple[tuple[str, ...], Actor]]] = {}
        for entry in entries:
            actor = Actor(name=entry["name"], inter=entry.get("inter"), role=entry.get("role") or "other",
                          country=entry.get("country"), branch_of=entry.get("branch_of"))
            self.actors.append(actor)
            self.by_name[actor.name] = actor
            seen: set[tuple[str, ...]] = set()
            local = replace(actor, local=True)
            for alias, named in [*((a, actor) for a in [actor.name, *(entry.get("aliases") or []),
                                                        *inflected(entry.get("nouns") or {})]),
                                 *((a, local) for a in entry.get("local_aliases") or [])]:
                words = tuple(_WORD.findall(_match_key(key(str(alias)))))
                if not words or words in seen:
                    continue
                seen.add(words)
                index.setdefault(words[0], []).append((words, named))
        self._heads = _anaphora_heads(index)
        for cands in index.values():
            # longest alias first (in words, then characters); earlier table entries win ties
            cands.sort(key=lambda c: (-len(c[0]), -sum(map(len, c[0]))))
        self._index = index
        self._word = word_cache(self._word_info)
        # the last text scanned whole: (text, word starts, word ends, mentions, mention starts)
        self._whole: tuple[str, list[int], list[int], list[tuple[int, int, Actor]], list[int]] | None = None

    def _word_info(self, word: str) -> tuple[tuple[tuple[tuple, ...], ...], str | None, str | None] | None:
        """What the scan needs of a word form, worked out once per distinct form instead of at every
        occurrence: per proclitic variant, the aliases it begins as (words, actor, n words, chars,
        variant length); the anaphoric head noun it is with the article (`_definite_head`); its first
        variant that is a head noun. None for the many words that are none of these."""
        groups = []
        for variant in _variants(word):
            cands = self._index.get(variant)
            if cands:
                groups.append(tuple((alias, actor, len(alias), sum(map(len, alias)), len(variant))
                                    for alias, actor in cands))
        nouns = self._heads[1]
        head = _definite_head(word, nouns)
        bare = next((f for f in _variants(word) if f in nouns), None)
        if not groups and head is None and bare is None:
            return None
        return tuple(groups), head, bare

    def find(self, doc_or_text: Doc | str) -> list[ActorMention]:
        """All non-overlapping alias mentions, left to right, longest alias at each position."""
        if isinstance(doc_or_text, Doc):
            cached = doc_or_text.user_data.get("marsad_actors")
            if cached is None:
                cached = self._find_norm(doc_text(doc_or_text), doc_or_text._.norm, doc_keyed(doc_or_text))
                doc_or_text.user_data["marsad_actors"] = cached
            return list(cached)
        norm = normalize(doc_or_text)
        return self._find_norm(doc_or_text, norm, _match_key(norm.text))

    def _find_norm(self, text: str, norm: NormText, keyed: str) -> list[ActorMention]:
        mentions = []
        for n_start, n_end, actor in self.scan(keyed):
            start, end = norm.to_original(n_start, n_end)
            mentions.append(ActorMention(start, end, text[start:end], actor))
        return mentions

    def scan(self, keyed: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, Actor]]:
        """Mentions as (start, end, actor) in a keyed normalised text (`match_key`), in [start, end).

        The last text scanned whole is remembered: a range of it (one sentence of the doc) is then a
        slice of its mentions, unless a word or a mention straddles an edge of the range, where the
        range is scanned on its own (left-to-right longest matching could then differ)."""
        stop = len(keyed) if end is None else end
        whole = self._whole
        if whole is None or whole[0] is not keyed:
            words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(keyed)]
            mentions = self._scan_words(words, keyed)
            if start == 0 and stop == len(keyed):
                return mentions  # a whole text (a short one to look up) does not replace the doc's
            whole = self._whole = (keyed, [w[0] for w in words], [w[1] for w in words], mentions,
                                   [m[0] for m in mentions])
        _, w_starts, w_ends, mentions, m_starts = whole
        if not _straddles(w_starts, w_ends, start) and not _straddles(w_starts, w_ends, stop):
            a = bisect.bisect_left(m_starts, start)
            b = bisect.bisect_left(m_starts, stop)
            if not (a > 0 and mentions[a - 1][1] > start) and not (b > 0 and mentions[b - 1][1] > stop):
                return mentions[a:b]
        return self._scan_words([(m.start(), m.end(), m.group()) for m in _WORD.finditer(keyed, start, stop)],
                                keyed)

    def _scan_words(self, words: list[tuple[int, int, str]], keyed: str) -> list[tuple[int, int, Actor]]:
        """Left to right over (start, end, word): the longest alias at each word, non-overlapping.

        Only the words that begin some alias are tried (most begin none): the word forms are looked
        up once each, and the positions with aliases picked at C speed (`compress`)."""
        mentions: list[tuple[int, int, Actor]] = []
        n = len(words)
        keys = [w[2] for w in words]
        infos = list(map(self._word, keys))
        nxt = 0
        for i in compress(range(n), [x is not None and x[0] for x in infos]):
            if i < nxt:
                continue  # inside the mention before
            best: tuple[int, int, Actor, int] | None = None  # (n words, chars, actor, start offset)
            for group in infos[i][0]:
                for alias, actor, size, chars, variant_len in group:
                    if i + size > n or (best and (size, chars) <= best[:2]):
                        continue
                    if size == 1 or (keys[i + 1] == alias[1]
                                     and all(keys[i + k] == alias[k] for k in range(2, size))):
                        best = (size, chars, actor, words[i][1] - variant_len)
                        break
            if best is None:
                continue
            size, _, actor, n_start = best
            mentions.append((n_start, words[i + size - 1][1], actor))
            nxt = i + size
        return self._back_references(words, mentions, keyed, infos)

    def _back_references(self, words: list[tuple[int, int, str]], mentions: list[tuple[int, int, Actor]],
                         keyed: str, infos: list) -> list[tuple[int, int, Actor]]:
        """Mentions plus the definite head nouns standing alone (التنظيم, القبيلة, الحزب) that refer
        back to the last group named before them (actor_anaphora.yaml). `infos`: `_word_info` of
        each word (only words with a head noun are looked at)."""
        nouns = self._heads[1]
        if not mentions or not nouns:
            return mentions
        out: list[tuple[int, int, Actor]] = []
        unknown: dict[str, int] = {}  # head noun -> start of the last group of that head the table lacks
        named_as: dict[int, str] = {}  # mention start -> the head noun it was named with (جماعة «X»)
        k = 0
        for i in compress(range(len(words)), [x is not None and (x[1] is not None or x[2] is not None)
                                              for x in infos]):
            w_start, w_end, _word = words[i]
            while k < len(mentions) and mentions[k][0] < w_start:
                k += 1
            if (k > 0 and mentions[k - 1][1] > w_start) or (k < len(mentions) and mentions[k][0] == w_start):
                continue  # عناصر التنظيم, قبيلة تبو: part of a name
            _, noun, bare = infos[i]
            if noun is not None and keyed[max(0, w_start - 2):w_start].strip() in _QUOTES:
                noun = None  # حزب "الحركة القومية": a quoted name, not a reference
            if noun is None:
                if bare is None:
                    continue
                if i + 1 < len(words) and k < len(mentions) and mentions[k][0] == words[i + 1][0]:
                    named_as[mentions[k][0]] = bare  # جماعة «أنصار بيت المقدس»: that group has this head
                else:
                    unknown[bare] = w_start  # حزب العدالة والتنمية: الحزب after it is that party
                continue
            ref = self._antecedent(mentions[:k], noun, unknown, named_as, keyed)
            if ref is not None:
                out.append((w_start, w_end, ref))
        if not out:
            return mentions
        return sorted(mentions + out, key=lambda m: m[0])

    def _antecedent(self, before: list[tuple[int, int, Actor]], noun: str, unknown: dict[str, int],
                    named_as: dict[int, str], keyed: str) -> Actor | None:
        """The last named group before whose own name opens with `noun` (else, for التنظيم/الحركة/
        الجماعة, the last named group), unless a group of that head the table does not know was
        named after it."""
        by_actor, _, any_group, generic = self._heads
        since = max([unknown.get(noun, -1)] + ([unknown[n] for n in any_group if n in unknown]
                                               if noun in any_group else []))
        groups = [(s, e, act) for s, e, act in before if s > since and act.role == "armed"
                  and act.inter in (2, 3, 4) and act.name not in generic]
        for s, e, act in reversed(groups):  # named with the noun here: قبيلة تبو, جماعة «أنصار ...»
            if named_as.get(s) == noun or noun in _variants(_WORD.findall(keyed[s:e])[0]):
                return act
        for _, _, act in reversed(groups):  # a group whose name may open with it: داعش for التنظيم
            if noun in by_actor.get(act, ()):
                return act
        return groups[-1][2] if groups and noun in any_group else None

    def lookup(self, text: str) -> Actor | None:
        """The actor named by the longest alias in a short text (None when none is named)."""
        if not text:
            return None
        best: ActorMention | None = None
        for m in self.find(text):
            if best is None or (m.end - m.start) > (best.end - best.start):
                best = m
        return best.actor if best else None

    def get(self, name: str) -> Actor | None:
        """The actor with this canonical name."""
        return self.by_name.get(name)


def _anaphora_heads(index: dict) -> tuple[dict[Actor, frozenset[str]], frozenset[str], frozenset[str],
                                         frozenset[str]]:
    """The anaphoric heads of actor_anaphora.yaml: ({group: the heads its aliases open with}, all
    heads, heads that reach any group, generic names no reference points to); non-state armed
    groups only."""
    data = lang.load("actor_anaphora")
    nouns = {_match_key(key(w)) for w in data["heads"]}
    heads: dict[Actor, set[str]] = {}
    for first, cands in index.items():
        if first in nouns:
            for _, actor in cands:
                if actor.role == "armed" and actor.inter in (2, 3, 4):
                    heads.setdefault(actor, set()).add(first)
    return ({a: frozenset(h) for a, h in heads.items()}, frozenset(nouns),
            frozenset(_match_key(key(w)) for w in data["any_group"]),
            frozenset(lang.load("who")["generic_heads"]))


def _definite_head(word: str, nouns: frozenset[str]) -> str | None:
    """The anaphoric head noun a word is with the article (التنظيم, للتنظيم, والقبيلة), else None."""
    if "ل" not in word[:4]:
        return None
    forms = _variants(word)
    for k, form in enumerate(forms[:-1]):
        if form.startswith("ال") and forms[k + 1] == form[2:] and forms[k + 1] in nouns:
            return forms[k + 1]
    if word.startswith(("لل", "ولل", "فلل")) and forms[-1] in nouns:
        return forms[-1]  # للتنظيم = ل + التنظيم
    return None


def _straddles(starts: list[int], ends: list[int], offset: int) -> bool:
    """Whether a word (given by sorted starts and ends) begins before `offset` and ends after it."""
    k = bisect.bisect_right(starts, offset) - 1
    return k >= 0 and starts[k] < offset < ends[k]


def inflected(nouns: dict[str, list[str]]) -> list[str]:
    """The word forms of an entry's `nouns` ({class: [stems]}): each stem with the endings of its
    inflection class in actor_countries.yaml (m: مدني مدنيا مدنيان مدنيين مدنيون; f: تلميذة تلميذتان
    تلميذتين تلميذات). The article and proclitics are the matcher's (word_variants)."""
    endings = lang.load("actor_countries")["inflection"]
    return [stem + e for cls, stems in nouns.items() for e in endings[cls] for stem in stems]


def country_entries(data: dict) -> list[dict]:
    """Actor entries generated from the country rows and templates of `actor_countries.yaml`:
    each country's military and police forces, government, protesters, rioters and civilians."""
    out = []
    for iso, row in data["countries"].items():
        for tpl in data["templates"]:
            inter = tpl["inter"]
            if inter == "state":
                inter = 8 if row.get("external") else 1
            aliases: list[str] = []
            for alias in tpl["aliases"]:
                if "{n}" in alias:
                    aliases += [alias.format(n=n, c="", en=row["en"], adj=row["adj"]) for n in row["nisba"]]
                elif "{c}" in alias:
                    aliases += [alias.format(c=c, n="", en=row["en"], adj=row["adj"]) for c in row["ar"]]
                else:
                    aliases.append(alias.format(en=row["en"], adj=row["adj"], n="", c=""))
            out.append({"name": tpl["name"].format(en=row["en"]), "inter": inter, "role": tpl["role"],
                        "country": iso, "since": row.get("since"), "aliases": aliases})
    return out


def merged_entries(hand: list[dict], generated: list[dict]) -> list[dict]:
    """The hand-written entries first (their order and fields win), each gaining the aliases generated
    under its name; then the generated entries no hand-written one names."""
    by_name = {e["name"]: e for e in generated}
    out = []
    for e in hand:
        gen = by_name.pop(e["name"], None)
        if gen is not None:
            e = {**e, "aliases": [*(e.get("aliases") or []), *gen["aliases"]]}
        out.append(e)
    return out + list(by_name.values())


@cache
def actor_table() -> ActorTable:
    """The actor table of `marsad/lang/ar/actors.yaml` plus the state and population actors of
    `actor_countries.yaml`, compiled once per process."""
    return ActorTable(merged_entries(lang.load("actors"), country_entries(lang.load("actor_countries"))))


@cache
def country_forces() -> dict[tuple[str, str], Actor]:
    """(ISO3, "Military forces" | "Security forces") -> that country's military or police forces.
    Generic soldiers are the military; generic security forces and police are the police, and the
    military where the table has no police for the country."""
    out: dict[tuple[str, str], Actor] = {}
    for act in actor_table().actors:
        if not act.country:
            continue
        if act.name.startswith("Military Forces of "):
            out.setdefault((act.country, "Military forces"), act)
        elif act.name.startswith("Police Forces of "):
            out.setdefault((act.country, "Security forces"), act)
    for (iso, generic), act in list(out.items()):
        if generic == "Military forces":
            out.setdefault((iso, "Security forces"), act)
    return out


@cache
def _country_names() -> dict[str, str]:
    return {iso: row["en"] for iso, row in lang.load("actor_countries")["countries"].items()}


def country_name(iso: str | None) -> str | None:
    """ACLED's country name as used in actor names (actor_countries.yaml), or None."""
    return _country_names().get(iso) if iso else None


def with_country(name: str, iso: str | None) -> str:
    """ACLED's name for a crowd or population in a country: Protesters -> Protesters (Iraq), Civilians
    -> Civilians (Yemen), Rioters -> Rioters (Egypt); other names as they are."""
    country = country_name(iso)
    if country is None or name not in lang.load("actor_countries")["by_country"]:
        return name
    return f"{name} ({country.removeprefix('the ')})"
