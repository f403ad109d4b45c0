"""Figures in a sentence: digits, number words with clitics, scale words, duals, ranges, qualifiers.

Works on the token list of `marsad.extract.tokens` (match keys, Western digits). Each figure found
is a `NumberMention` with its value (or a vague label), the qualifier words around it, and token
positions, so that the claims stage can look for its trigger and its noun on both sides.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad import lang
from marsad.extract.tokens import PhraseSet, Tok, lex_key, variants
from marsad.text.normalize import word_cache

# Number words that lose their meaning with the article: الأحد (Sunday), الاثنين (Monday), المئة (percent).
_FW = lang.load("function_words")["numbers"]  # marsad/lang/ar/function_words.yaml (match-key form)
_NO_ARTICLE = frozenset(_FW["no_article"])
# Joiners that make a range with no opener (5 إلى 10, 5 - 10, 5 حتى 10).
_RANGE_CLOSERS = tuple(_FW["range_closers"])
# Prepositions of a qualifier written apart before the figure (يزيد على N, أكثر من N).
_QUALIFIER_PREPS = tuple(_FW["qualifier_preps"])
# Dual endings of a person noun, in order (جنديان, جنديين).
_DUAL_ENDINGS = tuple(_FW["dual_endings"])  # the first (-ان) also ends the dual_an_only nouns
_THOUSAND_DUAL = _FW["thousand_dual"]  # ألفا


@dataclass(slots=True)
class NumberMention:
    """A figure: tokens [start, end) include qualifier words; [num_start, num_end) the number itself."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: int | None
    value_high: int | None = None
    qualifier: str = "exact"
    vague: str | None = None
    dual: bool = False  # the number is a dual noun (جنديان): the noun is also the counted group


@dataclass(frozen=True)
class NumberLexicon:
    units: dict[str, int]
    teen: frozenset[str]
    tens: dict[str, int]
    hundreds: dict[str, int]
    scales: dict[str, int]
    vague: dict[str, str]
    vague_phrases: PhraseSet
    before: PhraseSet
    after: PhraseSet
    range_open: PhraseSet
    range_join: frozenset[str]
    dual_any: frozenset[str]
    dual_an_only: frozenset[str]
    dual_construct: frozenset[str]

    @property
    def number_words(self) -> frozenset[str]:
        return frozenset(self.units) | frozenset(self.tens) | frozenset(self.hundreds) | \
            frozenset(self.scales)

    @property
    def starters(self) -> frozenset[str]:
        """Words (clitic-free) that can start a figure: number words and vague quantities."""
        return self.number_words | frozenset(w.split()[0] for w in self.vague) | \
            self.vague_phrases.first_words


def _values(table: dict) -> dict[str, int]:
    return {lex_key(w): int(v) for v, words in table.items() for w in words}


@cache
def lexicon() -> NumberLexicon:
    """numbers.yaml compiled once."""
    d = lang.load("numbers")
    vague = {}
    for label, words in d["vague"].items():
        for w in words:
            vague.setdefault(lex_key(w), label)
    return NumberLexicon(
        units=_values(d["units"]), teen=frozenset(lex_key(w) for w in d["teen"]),
        tens=_values(d["tens"]), hundreds=_values(d["hundreds"]), scales=_values(d["scales"]),
        vague={k: v for k, v in vague.items() if " " not in k},
        vague_phrases=PhraseSet({label: ws for label, ws in d["vague"].items()}),
        before=PhraseSet(d["qualifiers_before"]), after=PhraseSet(d["qualifiers_after"]),
        range_open=PhraseSet({"open": d["range_open"]}),
        range_join=frozenset(lex_key(w) for w in d["range_join"]),
        dual_any=frozenset(lex_key(w) for w in d["dual_any"]),
        dual_an_only=frozenset(lex_key(w) for w in d["dual_an_only"]),
        dual_construct=frozenset(lex_key(w) for w in d["dual_construct"]),
    )


def _word_class(word: str, lex: NumberLexicon, first: bool) -> tuple[str, int] | None:
    """('unit'|'tens'|'hundreds'|'scale', value) of a number word, clitics peeled (not ك: كمية)."""
    for form in variants(word):
        if form != word and word[len(word) - len(form) - 1] == "ك":
            continue
        if form != word and word.startswith(("ال", "وال", "بال", "لل", "فال")) and form in _NO_ARTICLE:
            continue
        for cls, table in (("unit", lex.units), ("tens", lex.tens), ("hundreds", lex.hundreds),
                           ("scale", lex.scales)):
            if form in table:
                return cls, table[form]
    return None


@cache
def _starters() -> frozenset[str]:
    return lexicon().starters


# More digits than this is no count of anything (a serial, a phone number, garbage): no figure.
MAX_DIGITS = 12


def _digits(text: str) -> float | None:
    """The value of a digit token, or None when it is no quantity.

    Groups of three after commas (1,200,000) or after two or more dots (1.486.958) are thousands;
    one comma or dot otherwise is a decimal mark (13.4, 2,5). Dotted dates (21.01.2022), versions
    and addresses (192.168.1.1) and overlong digit strings are not quantities.
    """
    if "," in text and "." in text:
        return None
    sep = "," if "," in text else "."
    parts = text.split(sep)
    if len(parts) > 2 or (sep == "," and len(parts) == 2 and len(parts[1]) == 3):
        if any(len(p) != 3 for p in parts[1:]) or not 1 <= len(parts[0]) <= 3:
            return None
        text = "".join(parts)
    if sum(c.isdigit() for c in text) > MAX_DIGITS:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def _scale_at(toks: list[Tok], j: int, lex: NumberLexicon) -> int | None:
    if j < len(toks) and toks[j].is_word:
        c = _word_class(toks[j].text, lex, False)
        if c and c[0] == "scale":
            return c[1]
    return None


def _parse_number(toks: list[Tok], i: int, lex: NumberLexicon) -> tuple[int, int, bool] | None:
    """(value, end token, has_scale) of the number starting at token i, or None."""
    n = len(toks)
    tok = toks[i]
    if tok.is_digit:
        value = _digits(tok.text)
        if value is None:
            return None
        j = i + 1
        scale = _scale_at(toks, j, lex)
        if not scale and value != int(value):
            return None  # 13.4, 2,5: a decimal is a measure or a rate, never a count of people
        if scale:
            total = int(round(value * scale))
            j += 1
            # 3 آلاف و200, 3 ملايين و500 ألف: a smaller part joined by و adds to the figure
            if j + 1 < len(toks) and toks[j].text == "و" and toks[j + 1].is_digit:
                rest = _parse_number(toks, j + 1, lex)
                if rest and 0 < rest[0] < scale:
                    return total + rest[0], rest[1], True
            return total, j, True
        return int(round(value)), j, False
    if not tok.is_word:
        return None
    total = cur = 0
    j = i
    has_scale = seen = False
    while j < n and toks[j].is_word:
        c = _word_class(toks[j].text, lex, j == i)
        if c is None:
            break
        cls, v = c
        if cls == "unit":
            if cur % 100 not in (0,) and cur % 100 < 10:
                break
            cur += v
            if j + 1 < n and toks[j + 1].text in lex.teen and v < 10:
                cur += 10
                j += 1
        elif cls == "tens":
            cur += v
        elif cls == "hundreds":
            cur = cur * 100 if (v == 100 and 0 < cur < 10) else cur + v
        else:  # scale
            if not seen and v == 1000 and variants(toks[j].text)[-1] in lex.vague:
                return None  # آلاف alone: vague thousands
            if not seen and variants(toks[j].text)[-1] == _THOUSAND_DUAL:
                v = 2000  # ألفا شخص: the dual in construct (after a number, عشرين ألفا is 1000s)
            cur = (cur or 1) * v
            total += cur
            cur = 0
            has_scale = True
        seen = True
        j += 1
        # a following scale word, or a number word joined by و, continues the number
        if j < n and _scale_at(toks, j, lex):
            continue
        if j + 1 < n and toks[j].text == "و" and toks[j + 1].is_word and \
                _word_class(toks[j + 1].text, lex, False):
            j += 1
            continue
        if j < n and toks[j].is_word and toks[j].text.startswith("و") and len(toks[j].text) > 2:
            c2 = _word_class(toks[j].text[1:], lex, False)
            if c2 and c2[0] != "scale":
                continue
        break
    if not seen:
        return None
    return total + cur, j, has_scale


def _dual(word: str, lex: NumberLexicon | None = None) -> bool:
    return _is_dual(word)


@word_cache
def _is_dual(word: str) -> bool:
    """A dual noun of a person (جنديان, شخصين, امرأتان) or a construct dual (رجلي أمن)."""
    lex = lexicon()
    for form in variants(word):
        if form in lex.dual_construct:
            return True
        for ending in _DUAL_ENDINGS:
            if form.endswith(ending) and len(form) > 4:
                stem = form[:-2]
                stems = {stem, stem[:-1] + "ه"} if stem.endswith("ت") else {stem}
                if stems & lex.dual_any or (ending == _DUAL_ENDINGS[0] and stems & lex.dual_an_only):
                    return True
    return False


def find_numbers(toks: list[Tok]) -> list[NumberMention]:
    """All figures of a sentence, left to right, with ranges joined and qualifiers attached."""
    lex = lexicon()
    out: list[NumberMention] = []
    i, n = 0, len(toks)
    starters = _starters()
    while i < n:
        tok = toks[i]
        if tok.is_punct or (tok.is_word and starters.isdisjoint(variants(tok.text))
                            and not _is_dual(tok.text)):
            i += 1
            continue
        parsed = _parse_number(toks, i, lex)
        if parsed:
            value, j, has_scale = parsed
            m = NumberMention(i, j, i, j, value)
            # range: (ما) بين X و/إلى/أو Y, X إلى Y, X - Y
            if j + 1 < n and variants(toks[j].text)[0] in lex.range_join:
                second = _parse_number(toks, j + 1, lex)
                opened = lex.range_open.match_ending_at(toks, i - 1) if i else None
                joiner = toks[j].text
                if second and (opened or joiner in _RANGE_CLOSERS):
                    hi, j2, hi_scale = second
                    if hi_scale and not has_scale:
                        low = _digits(toks[j + 1].text) if toks[j + 1].is_digit else None
                        scale = int(hi // low) if low and low >= 1 else 1
                        value = value * scale if scale > 1 else value
                    if hi > value:
                        m = NumberMention(i, j2, i, j2, value, hi, "range")
                        if opened:
                            m.start = i - opened[0]
                        j = j2
            _attach_qualifiers(toks, m, lex)
            out.append(m)
            i = j
            continue
        if tok.is_word:
            vm = lex.vague_phrases.match_at(toks, i)
            if vm and vm[1] not in ("several",):
                out.append(NumberMention(i, i + vm[0], i, i + vm[0], None, vague=vm[1]))
                _attach_qualifiers(toks, out[-1], lex)
                i += vm[0]
                continue
            if _dual(tok.text, lex):
                out.append(NumberMention(i, i + 1, i, i + 1, 2, dual=True))
        i += 1
    return out


def _attach_qualifiers(toks: list[Tok], m: NumberMention, lex: NumberLexicon) -> None:
    if m.qualifier == "range":
        return
    if m.start > 0:
        q = lex.before.match_ending_at(toks, m.start - 1)
        if q is None and m.start > 1 and toks[m.start - 1].text in _QUALIFIER_PREPS:
            q = lex.before.match_ending_at(toks, m.start - 2)  # يزيد على / أكثر من written apart
            if q:
                q = (q[0] + 1, q[1])
        if q:
            m.qualifier = q[1]
            m.start -= q[0]
            return
    # after: the number, maybe its noun and a prepositional phrase, then على الأقل
    for k in range(m.end, min(m.end + 4, len(toks))):
        q = lex.after.match_at(toks, k, peel=False)
        if q:
            m.qualifier = q[1]
            return
        if toks[k].is_punct:
            break
