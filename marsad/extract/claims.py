"""Numeric claims about people: kind, figure, who is counted, who says it, and how.

For each content sentence that holds a figure (digits, number words, duals, vague quantities), the
figure takes its kind from the nearest trigger (a word right after it, then on its left within the
clause, then a verb or noun after its noun phrase, then the figure it is listed with), its group
from the actor named after it, its source from the sentence's speakers (or the statement or quote
it continues), and its stance from denials and hedges. A figure repeated (headline and body) is one
claim with all its spans. Offsets are in the original text; matching runs on `doc._.norm`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cache

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from marsad import lang
from marsad.extract import attribution, numbers, who
from marsad.extract.actors import Actor, actor_table, country_forces, doc_keyed
from marsad.extract.attribution import SentenceView, Speaker
from marsad.extract.tokens import PhraseSet, Tok, lex_key, tokenize, variants
from marsad.model import Claim, Span
from marsad.text.document import doc_text

_SENT_PUNCT = frozenset(".؟?!؛;")
_STOPS = frozenset(".؟?!")
_RUN_ON = frozenset("؛;:،,")
# A full stop the sentence splitter left inside a sentence: not a decimal point, not before a quote.
_CUT = re.compile(r"[.!?؟](?![0-9])(?!\s*[\"“”«»″])")
_QUOTES = frozenset("\"“”«»″")
_UNIDENTIFIED = "Unidentified persons"  # the group when the text names none (30 قتيلا)
# Count nouns that name a state (رهينة, مفقود): an event verb right before the figure says more.
_STATE_NOUN_KINDS = frozenset({"abducted", "held", "missing", "arrested"})
# Closed word sets (marsad/lang/ar/function_words.yaml, stored in match-key form): a denial's words
# pointing back at figures (ذلك, الأرقام), complementisers (إن), breakdown words (منهم, بينهم), words ending
# a side's name after في صفوف, words marking an attack's target (على, ضد), words for a state's forces.
_FW = lang.load("function_words")["claims"]
_BACK_REFERENCES = frozenset(_FW["back_references"])
_COMPLEMENTS = frozenset(_FW["complements"])
_BREAKDOWN = frozenset(_FW["breakdown"])
_SIDE_STOPS = frozenset(_FW["side_stops"])
_TARGET_WORDS = frozenset(_FW["target_words"])
_ARMY_WORDS = frozenset(_FW["army_words"])
_EXCHANGE = _FW["exchange"]  # مقابل
_PARTITIVE = _FW["partitive"]  # من
_OF_THEM = frozenset(_FW["of_them"])  # منهم, منهن
_BARE_AFTER = frozenset(_FW["bare_after"])  # في, بجروح: the figure has no noun of its own
_TRAILING_WORDS = 8  # at most this many words in a sentence that only says whom the one before is from
_THEM_REACH = 300  # characters before the sentence in which `منهم` may find its group
_OUT_OF = _FW["out_of"]  # أصل (من أصل 110)
_QUALIFIER_AFTER = tuple(tuple(q) for q in _FW["qualifier_after"])  # على الأقل
_RANKS = _FW["ranks"]  # صفوف (في صفوف X)
_RANKS_PREP = _FW["ranks_prep"]  # في
_WINDOW_LEFT = 10
_WINDOW_RIGHT = 8


@dataclass(frozen=True)
class ClaimLexicon:
    triggers: PhraseSet
    weak: PhraseSet
    irrealis: frozenset[str]
    bounds: PhraseSet
    chain: PhraseSet
    not_after: frozenset[str]
    not_before: frozenset[str]
    designation: frozenset[str]
    prefilter: re.Pattern


def _keys(words) -> frozenset[str]:
    return frozenset(lex_key(w) for w in words)


@cache
def lexicon() -> ClaimLexicon:
    """claim_triggers.yaml, non_claims.yaml and the number words, compiled once per process."""
    t = lang.load("claim_triggers")
    nc = lang.load("non_claims")
    nl = numbers.lexicon()
    # a figure: digits, a number word or vague quantity (after proclitics), or a dual noun
    words = set(nl.number_words) | {w for w in nl.vague if " " not in w}
    alt = "|".join(sorted(map(re.escape, words), key=len, reverse=True))

    def duals(stems, endings):
        forms = {st[:-1] + "ت" if st.endswith("ه") else st for st in stems}
        return "(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + ")(?:" + endings + ")"

    construct = "|".join(map(re.escape, sorted(nl.dual_construct)))
    prefilter = re.compile(rf"[0-9]|(?<![\w])[وفبلك]{{0,2}}(?:ال)?(?:{alt}|{duals(nl.dual_any, 'ان|ين')}|"
                           rf"{duals(nl.dual_an_only, 'ان')}|{construct})(?![\w])")
    return ClaimLexicon(
        triggers=PhraseSet({k: v["words"] for k, v in t["kinds"].items()}),
        weak=PhraseSet(t["weak"]), irrealis=_keys(t["irrealis"]), bounds=PhraseSet({"b": t["clause_bounds"]}),
        chain=PhraseSet({"c": t["chain_links"]}),
        not_after=_keys(w for ws in nc["after"].values() for w in ws), not_before=_keys(nc["before"]),
        designation=frozenset(nc["designation"]),
        prefilter=prefilter,
    )


@dataclass
class _Found:
    """A claim while the doc is processed, before merging repeats."""

    claim: Claim
    sent_index: int
    tok_num: int  # token index of the figure in its sentence
    headline: bool
    spans: list[Span] = field(default_factory=list)
    breakdown: bool = False  # a part of the figure before it (منهم 77, بينهم سبعة أطفال)
    weak: bool = False  # the kind comes from a state word only (محتجزين)


@dataclass
class _SentCtx:
    toks: list[Tok]
    view: SentenceView
    triggers: list[tuple[int, int, str, bool]]  # (start, end, kind, irrealis)
    trig_start: dict[int, tuple[int, int, str, bool]]
    trig_end: dict[int, tuple[int, int, str, bool]]
    bounds: set[int]
    forces: dict[str, set[str]]  # country forces named in the sentence, by the generic group they refine


class ClaimExtractor:
    """Stateless across docs; one instance per process."""

    def __init__(self) -> None:
        self.lex = lexicon()
        self.alex = attribution.lexicon()
        self.actors = actor_table()
        self.wlex = who.lexicon()
        self.generic = self.wlex.generic
        self._armed_desc = PhraseSet({"armed": lang.load("who")["armed_descriptions"]})
        words = set(self.alex.speech.first_words) | set(self.alex.according.first_words)
        words |= set(self.alex.continuation)
        alt = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
        self._speech_hint = re.compile(rf"(?<![\w])[وف]?(?:{alt})(?![\w])")
        self._unverifiable_hint = re.compile("|".join(map(re.escape, _FW["unverifiable_hints"])))
        nc = lang.load("non_claims")["after"]
        self._time_words = _keys(nc["months"]) | _keys(_FW["time_words"])
        # a figure of one: a trigger word right before a singular person noun (مقتل جندي)
        kinds = lang.load("claim_triggers")["kinds"]
        trig = {lex_key(w) for k in self.wlex.singular_kinds for w in kinds[k]["words"] if " " not in w}
        trig_alt = "|".join(sorted(map(re.escape, trig), key=len, reverse=True))
        sing_alt = "|".join(sorted(map(re.escape, self.wlex.singular), key=len, reverse=True))
        self._singular_hint = re.compile(
            rf"(?<![\w])[وفبل]{{0,2}}(?:{trig_alt})\s+(?:ال)?(?:{sing_alt})(?![\w])")

    # ------------------------------------------------------------------ per doc
    def extract(self, doc: Doc) -> list[Claim]:
        norm = doc._.norm
        ktext = doc_keyed(doc)
        text = doc_text(doc)  # spaCy builds doc.text from the tokens on every access: read once
        self._text, self._norm, self._ktext = text, norm, ktext
        self._doc = doc
        article = doc._.article
        self._doc_id = article.id if article is not None else ""
        self._forces_seen: dict[str, set[str]] = {"Military forces": set(), "Security forces": set()}
        found: list[_Found] = []
        history: list[Speaker] = []
        quote_speaker: Speaker | None = None
        in_quote = False
        first = True
        carry: Speaker | None = None  # the speaker of a sentence cut at ؛ or : runs on
        para: Speaker | None = None  # a statement opened with a colon (صرح المتحدث: بأن ...) runs on
        in_para: Speaker | None = None  # the last speaker of the paragraph so far
        prev_end = 0
        last_found: list[_Found] = []  # the claims of the sentence before (a denial may follow it)
        for si, (ns, ne) in enumerate(self._units(doc, norm, ktext)):
            stext = ktext[ns:ne]
            headline = first
            first = False
            o_start, o_end = norm.to_original(ns, ne)
            if "\n" in text[prev_end:o_start]:
                para = None
                in_para = None
            prev_end = o_end
            has_figure = self.lex.prefilter.search(stext) is not None or \
                self._singular_hint.search(stext) is not None
            has_speech = self._speech_hint.search(stext) is not None
            speakers: list[Speaker] = []
            toks = None
            if has_figure or has_speech:
                toks = tokenize(stext, ns)
                ctx = self._context(toks, ns, ne)
                speakers = attribution.sentence_speakers(ctx.view, self.generic, history)
                if has_figure:
                    fallback = quote_speaker if in_quote else (carry or para or in_para)
                    if fallback is None:
                        fallback = attribution.headline_speaker(ctx.view, self.generic, headline)
                    unit_found = self._sentence_claims(doc, ctx, speakers, fallback, si, headline,
                                                       text[o_start:o_end].strip(), found)
                    # ونفت الوزارة هذه الحصيلة، وقالت إن ...: the figures before are denied
                    first_fig = min((f.tok_num for f in unit_found), default=len(toks))
                    found.extend(self._denied_next(toks[:first_fig], speakers, last_found, si))
                    found.extend(unit_found)
                else:
                    found.extend(self._denied_next(toks, speakers, last_found, si))
                    self._trailing_source(toks, speakers, last_found)
                    unit_found = []
                history.extend(speakers)
                for sp in speakers:
                    if sp.marker == "speech" and any(t.text == ":" for t in toks[sp.pos + 1:sp.pos + 9]):
                        para = sp
                last_sp = speakers[-1] if speakers else None
                if last_sp is not None and last_sp.marker == "speech" and last_sp.source \
                        and not last_sp.denial:
                    in_para = last_sp  # a paragraph opened by a speaker goes on in their account
            else:
                unit_found = []
            if not has_figure and last_found and self._unverifiable_hint.search(stext) \
                    and attribution.unverifiable(toks or tokenize(stext, ns)):
                for f in last_found:  # ولم يتسن التحقق من ذلك: the figures just given are unconfirmed
                    if f.claim.stance == "asserted":
                        f.claim.stance = "unconfirmed"
            last_found = unit_found
            last_char = stext.rstrip()[-1:]
            carry = (speakers[-1] if speakers else carry) if last_char in _RUN_ON else None
            if attribution.quote_parity(text[o_start:o_end]):
                in_quote = not in_quote
                last = history[-1] if history else None
                quote_speaker = (speakers[-1] if speakers else last) if in_quote else None
        return _merge(found, doc)

    def _trailing_source(self, toks: list[Tok], speakers: list[Speaker], before: list[_Found]) -> None:
        """`... قتل 7 مقاتلين. وفقا لشبكة سكاي نيوز.`: a sentence that is only an attribution marker
        and a known source gives the figures of the sentence before that have none their source."""
        words = [k for k, t in enumerate(toks) if t.is_word]
        if not before or len(speakers) != 1 or not words or len(words) > _TRAILING_WORDS:
            return
        sp = speakers[0]
        if sp.marker != "according" or sp.actor is None or sp.pos != words[0]:
            return
        for f in before:
            if f.claim.source is None and f.claim.stance != "denied":
                f.claim.source, f.claim.source_text = sp.source, sp.source_text
                if sp.hedge:
                    f.claim.stance = "unconfirmed"

    def _denied_next(self, toks: list[Tok], speakers: list[Speaker], before: list[_Found],
                     si: int) -> list[_Found]:
        """`... قتل 16 مدنيا. ونفى الجيش التركي ذلك`: a denial of the figures just given, by its speaker."""
        if not before or not speakers:
            return []
        sp = speakers[0]
        words = [k for k, t in enumerate(toks) if t.is_word]
        if not sp.denial or not sp.source or sp.pos not in words[:4] or \
                not any(variants(t.text)[-1] in _BACK_REFERENCES for t in toks if t.is_word):
            return []
        out = []
        for f in before:
            c = f.claim
            if c.value is None or c.stance == "denied" or c.source == sp.source:
                continue
            denied = Claim(**{**{k: getattr(c, k) for k in c.__slots__}, "stance": "denied",
                              "source": sp.source, "source_text": sp.source_text, "relay": sp.relay,
                              "spans": []})
            out.append(_Found(denied, si, f.tok_num, False, list(f.spans)))
        return out

    def _units(self, doc: Doc, norm, ktext: str):
        """Content sentences (not wholly boilerplate) as normalised spans, cut again at full stops the
        sentence splitter kept (a closing quote before the stop)."""
        text = self._text
        spans = doc._.boilerplate or []
        if not len(doc):
            return
        # sentence starts and token offsets as arrays: much cheaper than building Span objects
        arr = doc.to_array([SENT_START, IDX])
        first = arr[:, 0] == 1
        first[0] = True
        bounds = arr[first, 1].tolist() + [len(text)]
        for s0, s1 in zip(bounds, bounds[1:], strict=False):
            raw = text[s0:s1]
            lead = len(raw) - len(raw.lstrip())
            s0, s1 = s0 + lead, s0 + len(raw.rstrip())
            if s1 <= s0 or any(a <= s0 and s1 <= b for a, b in spans):
                continue
            ns, ne = norm.from_original(s0, s1)
            a = ns
            for m in _CUT.finditer(ktext, ns, ne):
                if m.end() < ne:
                    yield a, m.end()
                    a = m.end()
            if a < ne and ktext[a:ne].strip():
                yield a, ne

    def _context(self, toks: list[Tok], ns: int, ne: int) -> _SentCtx:
        text, norm = self._text, self._norm
        starts = [t.start for t in toks]
        ends = [t.end for t in toks]

        def original(a: int, b: int) -> str:
            if b <= a:
                return ""
            o1, o2 = norm.to_original(toks[a].start, toks[b - 1].end)
            return text[o1:o2]

        actors: list[tuple[int, int, Actor]] = []
        for s, e, act in self.actors.scan(self._ktext, ns, ne):
            a = bisect.bisect_right(starts, s) - 1
            b = bisect.bisect_left(ends, e) + 1
            if 0 <= a < b <= len(toks):
                actors.append((a, b, act))
        triggers: list[tuple[int, int, str, bool]] = []
        i = 0
        n = len(toks)
        first_words = self.lex.triggers.first_words
        while i < n:
            if toks[i].is_word and not first_words.isdisjoint(variants(toks[i].text)):
                m = self.lex.triggers.match_at(toks, i)
                if m:
                    irrealis = any(set(variants(toks[j].text)) & self.lex.irrealis
                                   for j in range(max(0, i - 2), i) if toks[j].is_word)
                    triggers.append((i, i + m[0], m[1], irrealis))
                    i += m[0]
                    continue
            i += 1
        bw = self.lex.bounds.first_words
        bounds = {j for j in range(n) if toks[j].is_word and not bw.isdisjoint(variants(toks[j].text))
                  and self.lex.bounds.match_at(toks, j)}
        trigger_at = {j for s, e, _, _ in triggers for j in range(s, e)}
        here: dict[str, set[str]] = {"Military forces": set(), "Security forces": set()}
        for a, _, act in actors:  # the country's forces named here (للجيش العراقي, الجيش الإسرائيلي)
            if act.country and act.inter in (1, 8) and act.role == "armed" and not self._attacker_at(toks, a):
                generic = _COUNTRY_FORCES.get(act.name.split(" of ")[0])
                if generic:
                    here[generic].add(act.name)
                    if act.inter == 1:  # a state's own forces stand for the article; foreign ones do not
                        self._forces_seen[generic].add(act.name)
        view = SentenceView(toks, original, actors, trigger_at, set())
        return _SentCtx(toks, view, triggers, {t[0]: t for t in triggers}, {t[1] - 1: t for t in triggers},
                        bounds, here)

    def _attacker_at(self, toks: list[Tok], a: int) -> bool:
        """The actor at token `a` is named as the attacker or the means (قصف للجيش الإسرائيلي, بنيران
        الجيش, هجوم شنه الجيش): its country does not tell whose soldiers a figure counts."""
        blockers = self.wlex.gap_blockers
        for k in range(a - 1, max(-1, a - 3), -1):
            forms = set(variants(toks[k].text))
            if not forms.isdisjoint(_TARGET_WORDS) or not toks[k].is_word:
                return False  # هجوم على الجيش: the target, not the attacker
            if not forms.isdisjoint(blockers):
                return True
        return False

    # ------------------------------------------------------------------ per sentence
    def _sentence_claims(self, doc: Doc, ctx: _SentCtx, speakers: list[Speaker], fallback: Speaker | None,
                         si: int, headline: bool, evidence: str, previous: list[_Found]) -> list[_Found]:
        toks = ctx.toks
        mentions = [m for m in numbers.find_numbers(toks) if self._is_count(ctx, m)]
        mentions = self._singulars(ctx, mentions)
        # a vague word right before a figure (قتل الكثيرون بين 20 أو 30) is that figure, not a claim
        mentions = [m for i, m in enumerate(mentions)
                    if not (m.value is None and i + 1 < len(mentions) and mentions[i + 1].value is not None
                            and mentions[i + 1].start - m.end <= 2)]
        ctx.view.number_at = {j for m in mentions for j in range(m.num_start, m.num_end)}
        out: list[_Found] = []
        prev_m = None
        prev_f: _Found | None = None
        num_starts = {m.start for m in mentions}
        kinds = self._kinds(ctx, mentions, num_starts)
        for m, (kind, trig) in zip(mentions, kinds, strict=True):
            if kind is None:
                continue
            who_span = self._who(ctx, m, num_starts) or self._toll_group(ctx, m)
            who_actor, who_text = None, None
            if who_span:
                who_actor = who_span[2]
                # the whole phrase, head and adjectives (14 من العناصر المتشددة): its words and its group
                end = who.phrase_end(toks, who_span[1], len(toks), ctx.view.trigger_at | num_starts) \
                    if who_span[0] >= m.num_end else who_span[1]
                who_text = ctx.view.original(who_span[0], end)
                if end > who_span[1] and who_actor.name in self.generic:
                    better = self.actors.lookup(who_text)
                    if better is not None and better.inter is not None and better.name not in self.generic:
                        who_actor = better
            else:
                after = toks[m.num_end] if m.num_end < len(toks) else None
                linked = prev_f is not None and (self._linked(ctx, m, prev_m) or
                                                 (after is not None and after.text in _BREAKDOWN))
                others = after is not None and who.is_others(after)
                ref = self._who_ref(ctx, m, kind, out, previous, prev_f, others, linked, after)
                of_them = after is not None and after.text in _OF_THEM
                them = self._of_them(ctx, m, speakers) if of_them else None
                if them is not None:  # قتل 21 منهم: of the group named last before the figure
                    who_actor, who_text = them
                elif ref is not None:
                    who_actor = self.actors.get(ref.claim.who) if ref.claim.who else None
                    who_text = ref.claim.who_text
                if who_actor is None and m.value is not None:
                    who_actor = self.actors.get(_UNIDENTIFIED)
            if who_span and who_actor is not None and who_actor.name in _PLAIN_PEOPLE \
                    and self._armed_desc.match_at(toks, who_span[1]):
                who_actor = self.actors.get(self.wlex.militants) or who_actor  # 8 أشخاص يحملون أحزمة ناسفة
            if self._agent(ctx, m, trig, who_span):
                continue
            seen = None
            if who_actor is not None and who_actor.name in _FORCES:
                seen = ctx.forces[who_actor.name] or self._forces_seen[who_actor.name]
            if seen is not None and len(seen) == 1:
                # ضابطان, عسكريين: the one country's forces the sentence (or the article) names
                who_actor = self.actors.get(next(iter(seen))) or who_actor
            claim_start = min(m.start, trig[0]) if trig is not None else m.start
            source, stance = self._source_stance(ctx, m, speakers, fallback, claim_start,
                                                 trig[0] if trig is not None else 0)
            own = self._own_forces(ctx, m)
            if own is not None and source is not None and source.actor is not None \
                    and (source.actor.name not in self.generic or source.actor.name in _FORCES) \
                    and source.actor.inter is not None:
                who_actor, who_text = source.actor, ctx.view.original(own, own + 1)
            elif own is not None and source is not None and source.actor is None and source.source:
                # وذكر مركز طب الطوارئ أن 4 من عناصره أصيبوا: the speaking body's own people
                who_actor = Actor(source.source, None, "other", None)
                who_text = ctx.view.original(own, own + 1)
            a = m.start
            b = m.end
            if trig is not None:
                a, b = min(a, trig[0]), max(b, trig[1])
            if who_span and who_span[0] >= m.num_end:
                b = max(b, who_span[1])
            claim = Claim(
                doc_id=self._doc_id,
                kind=kind, value=m.value, value_high=m.value_high, qualifier=m.qualifier, vague=m.vague,
                number_text=ctx.view.original(m.num_start, m.num_end),
                who=who_actor.name if who_actor else None, who_text=who_text,
                source=source.source if source else None, source_text=source.source_text if source else None,
                relay=source.relay if source else None, stance=stance,
                evidence=evidence,
            )
            o1, o2 = self._norm.to_original(toks[a].start, toks[b - 1].end)
            claim.start, claim.end = o1, o2
            f = _Found(claim, si, m.num_start, headline, [Span(o1, o2, self._text[o1:o2])])
            f.weak = trig is not None and len(trig) > 4
            f.breakdown = any(variants(toks[k].text)[-1] in _BREAKDOWN or toks[k].text in _BREAKDOWN
                              for k in range(max(0, m.start - 3), m.start) if toks[k].is_word) or \
                (prev_f is not None and prev_f.breakdown and prev_f.claim.kind == kind
                 and self._linked(ctx, m, prev_m) and not self._coordinated_trigger(ctx, m))
            out.append(f)
            if who_span and prev_f is not None and self._shares_forward(ctx, m, prev_m, prev_f):
                # قتل 5 وأصيب 11 آخرين من الحوثيين: the bare figure counts the same group as the others
                prev_f.claim.who, prev_f.claim.who_text = claim.who, claim.who_text
            prev_m, prev_f = m, f
            # a denial after the figure (... الأمر الذي نفاه الجيش التركي): the denier's claim too
            later = [x.num_start for x in mentions if x.num_start > m.num_start]
            for sp in speakers:
                other = source is None or sp.source != source.source
                if sp.denial and sp.pos > m.end and sp.source and other and all(x > sp.pos for x in later):
                    denied = Claim(**{**{k: getattr(claim, k) for k in claim.__slots__},
                                      "stance": "denied", "source": sp.source, "source_text": sp.source_text,
                                      "relay": sp.relay, "spans": []})
                    out.append(_Found(denied, si, m.num_start, headline, [Span(o1, o2, self._text[o1:o2])]))
                    break
        return out

    def _shares_forward(self, ctx: _SentCtx, m, prev_m, prev_f: _Found) -> bool:
        """The figure before had no group and no noun (قتل 5), and this one, joined to it by its own
        verb, counts `others` of a named group (وأصيب 11 آخرين من الحوثيين)."""
        toks = ctx.toks
        if prev_m is None or prev_f.claim.who != _UNIDENTIFIED or prev_f.claim.who_text is not None \
                or m.num_end >= len(toks) or not who.is_others(toks[m.num_end]):
            return False
        between = [k for k in range(prev_m.num_end, m.num_start) if toks[k].is_word]
        return bool(between) and all(k in ctx.view.trigger_at for k in between)

    def _who_ref(self, ctx: _SentCtx, m, kind: str, out: list[_Found], previous: list[_Found],
                 prev_f: _Found | None, others: bool, linked: bool, after: Tok | None) -> _Found | None:
        """The earlier claim whose group a figure with no group noun of its own counts, if any.

        آخرون points back to the last total (this sentence, else the one before); a figure listed with
        the one before (و5) shares its group. A bare total (ارتفع عدد الشهداء إلى 12، أصيب 143) never
        borrows a group from another sentence or from a subgroup (بينهم 4 أطفال) of another kind.
        """
        if others:
            pool = out if out else previous
            ref = next((f for f in reversed(pool) if not f.breakdown), None)
            if ref is not None and ref is prev_f and ref.claim.kind == kind and linked \
                    and not self._coordinated_trigger(ctx, m):
                return None  # قتل 10 أطفال و14 آخرين: others under the same verb are other people
            return ref
        bare = after is None or not after.is_word or variants(after.text)[0] in _BARE_AFTER
        if prev_f is None or not (linked or bare):
            return None
        if self._total_phrase(ctx, m):
            return None  # ارتفعت حصيلة القتلى إلى 129: the whole count, not one group's
        if prev_f.breakdown and not (linked and prev_f.claim.kind == kind):
            return next((f for f in reversed(out) if not f.breakdown), None)
        return prev_f

    def _of_them(self, ctx: _SentCtx, m, speakers: list[Speaker]) -> tuple[Actor, str] | None:
        """The group `منهم` points back to: the last group named before the figure, in its sentence (not
        its speaker: وقالت القوات إنها قتلت 13 منهم) or just before it (a party, soldiers, civilians;
        not a source, not people)."""
        def fits(act: Actor) -> bool:
            return act.inter is not None and act.role in ("armed", "civilians") and act.name != _UNIDENTIFIED

        speaking = {sp.source for sp in speakers}
        here = [(a, b, act) for a, b, act in ctx.view.actors
                if b <= m.start and fits(act) and act.name not in speaking]
        if here:
            a, b, act = here[-1]
            return act, ctx.view.original(a, b)
        sent_start = self._norm.to_original(ctx.toks[0].start, ctx.toks[0].end)[0] if ctx.toks else 0
        before = [x for x in self.actors.find(self._doc)
                  if x.end <= sent_start and sent_start - x.end < _THEM_REACH and fits(x.actor)]
        return (before[-1].actor, before[-1].text) if before else None

    def _total_phrase(self, ctx: _SentCtx, m) -> bool:
        """A figure given as a toll or count (حصيلة القتلى إلى N, عدد الشهداء N) just before it."""
        totals = self.wlex.total_words
        return any(not totals.isdisjoint(variants(ctx.toks[k].text))
                   for k in range(max(0, m.start - 5), m.start) if ctx.toks[k].is_word)

    def _toll_group(self, ctx: _SentCtx, m):
        """The group named inside the toll before a figure: ارتفع عدد قتلى الجيش السوداني إلى 12, حصيلة
        القتلى في صفوف الدعم السريع بلغت 40, عدد الشهداء الفلسطينيين 40. Only the dead or wounded and
        في صفوف may stand between the toll word and the group (ضحايا القصف الذي شنته X names the attacker)."""
        toks = ctx.toks
        totals = self.wlex.total_words
        k = next((k for k in range(m.start - 1, max(-1, m.start - 9), -1)
                  if toks[k].is_word and not totals.isdisjoint(variants(toks[k].text))), None)
        if k is None:
            return None
        j = k + 1
        while j < m.start:
            hit = next(((a, b, act) for a, b, act in ctx.view.actors if a == j), None)
            if not self.wlex.victim_nouns.isdisjoint(variants(toks[j].text)):
                return None  # ضحايا الدعم السريع: the victims of that party
            if j in ctx.view.trigger_at or toks[j].text in (_RANKS_PREP, _RANKS):
                if hit is not None and hit[2].name not in self.generic and hit[2].inter is not None:
                    return hit  # قتلى الحوثيين as one name
                j += 1
                continue
            if hit is not None and hit[2].inter is not None and hit[2].name != _UNIDENTIFIED \
                    and hit[1] <= m.start:
                return hit
            return None
        return None

    def _singulars(self, ctx: _SentCtx, mentions: list) -> list:
        """Figures of one: a singular person noun right after a trigger (مقتل جندي, استشهاد الرضيع)."""
        taken = {k for m in mentions for k in range(m.start, m.end)}
        toks = ctx.toks
        extra = []
        for s, e, kind, irrealis in ctx.triggers:
            if irrealis or kind not in self.wlex.singular_kinds or e >= len(toks) or e in taken \
                    or (s - 1) in taken:  # 11 قتيلا مدنيا: the count noun of a figure
                continue
            tok = toks[e]
            if not tok.is_word or self.wlex.singular.isdisjoint(variants(tok.text)):
                continue
            extra.append(numbers.NumberMention(e, e + 1, e, e + 1, 1, dual=True))
        if not extra:
            return mentions
        return sorted(mentions + extra, key=lambda m: m.start)

    def _agent(self, ctx: _SentCtx, m, trig, who_span) -> bool:
        """`خطف ثلاثة مقنعين الأب ...`: the figure right after a violence verb counts its doers when a
        person object follows them; they are not victims."""
        if who_span is None or who_span[0] != m.num_end or who_span[2].name not in _ATTACKERS \
                or who_span[1] >= len(ctx.toks):
            return False
        if m.start > 0 and variants(ctx.toks[m.start - 1].text)[-1] in _DID:
            return True  # وقام ثلاثة مقنعين ... بخطف الأب: they did it
        if trig is None or trig[1] != m.start:
            return False
        toks = ctx.toks
        j = who_span[1]
        while j < len(toks) - 1 and j - who_span[1] < 3 and \
                not self._time_words.isdisjoint(variants(toks[j].text)):
            j += 1  # وخطف ثلاثة مقنعين في مايو الماضي الأب
        obj = toks[j]
        return obj.is_word and obj.text.startswith("ال") and \
            (not self.wlex.singular.isdisjoint(variants(obj.text)) or obj.text[2:] in self.wlex.singular)

    def _coordinated_trigger(self, ctx: _SentCtx, m) -> bool:
        """The figure has a trigger of its own right before it (..., وأصيب 300): a new item, not a part."""
        k = m.start - 1
        return k >= 0 and k in ctx.trig_end

    def _coordinated(self, word: str) -> bool:
        """وأصيب: a trigger joined by و opens a new item (وفاة is a word of its own)."""
        return word.startswith("و") and len(word) > 2 and word not in self.lex.triggers.first_words

    def _own_forces(self, ctx: _SentCtx, m) -> int | None:
        """قواتنا / مقاتليهم right after the figure: the speaker's own people (token index)."""
        toks = ctx.toks
        for k in range(m.num_end, min(len(toks), m.num_end + 3)):
            t = toks[k]
            if t.is_word and set(variants(t.text)) & self.wlex.own_forces:
                return k
            if t.is_punct and t.text not in _QUOTES:
                break
        return None

    def _is_count(self, ctx: _SentCtx, m: numbers.NumberMention) -> bool:
        """Drop dates, years, ages, durations, money, and counts of things."""
        toks = ctx.toks
        n = len(toks)
        if any(a <= m.num_start < b and not m.dual for a, b, _ in ctx.view.actors
               if not (a == m.num_start and b == m.num_end)):
            return False
        if (m.num_start > 0 and toks[m.num_start - 1].text == "/") or \
                (m.num_end < n and toks[m.num_end].text == "/"):
            return False  # a date: 19/6/1436
        if m.value is not None and m.value_high is None and _list_marker(toks, m):
            return False
        before = toks[m.start - 1] if m.start > 0 else None
        if before is not None and (before.text in self.lex.not_before or
                                   (before.is_word and variants(before.text)[-1] in self.lex.not_before
                                    and before.text not in ("و",))):
            return False
        if self._designation(toks, m.num_start):
            return False
        after = toks[m.num_end] if m.num_end < n else None
        if after is not None:
            if after.text in (":", "%", "٪", "/") and not m.dual:
                return False
            if after.is_word and not m.dual and self._thing(after.text):
                return False
        if m.value is not None and not m.dual and 1900 <= m.value <= 2100 and m.qualifier == "exact" \
                and m.value_high is None and toks[m.num_start].is_digit:
            nxt = toks[m.num_end] if m.num_end < n else None
            if nxt is None or not nxt.is_word or not any(a == m.num_end for a, _, _ in ctx.view.actors):
                return False
        return True

    def _kinds(self, ctx: _SentCtx, mentions: list, num_starts: set[int]) -> list[tuple]:
        """Kind and trigger of each figure; a total with no trigger of its own takes the kind of the
        breakdown right after it (12 مدنيا بينهم خمسة أطفال قتلوا)."""
        out: list[tuple] = []
        prev_m = prev_kind = None
        for m in mentions:
            kind, trig = self._kind(ctx, m, prev_m, prev_kind, num_starts)
            out.append((kind, trig))
            if kind is not None:
                prev_m, prev_kind = m, kind
        toks = ctx.toks
        for i in range(len(mentions) - 2, -1, -1):
            if out[i][0] is None and out[i + 1][0] is not None and mentions[i].value is not None:
                gap = toks[mentions[i].num_end:mentions[i + 1].start]
                if len(gap) <= 5 and any(variants(t.text)[-1] in _BREAKDOWN or t.text in _BREAKDOWN
                                         for t in gap):
                    out[i] = (out[i + 1][0], None)
        n = len(toks)
        for i, m in enumerate(mentions):
            kind = out[i][0]
            # مقابل 681 من مقاتليها after a release: the other side of the exchange is freed too
            if i and m.start > 0 and variants(toks[m.start - 1].text)[-1] == _EXCHANGE \
                    and out[i - 1][0] == "freed":
                out[i] = ("freed", None)
                continue
            # 101 من أصل 110 تلميذات خطفهن مسلحون ... قد أطلق سراحهن: the part takes the clause's last verb
            if i + 1 < len(mentions) and m.num_end + 2 <= n and toks[m.num_end].text == _PARTITIVE and \
                    variants(toks[m.num_end + 1].text)[-1] == _OUT_OF and \
                    mentions[i + 1].start == m.num_end + 2:
                later = [t for t in ctx.triggers if t[0] >= mentions[i + 1].num_end and not t[3]
                         and not any(x.text in _SENT_PUNCT for x in toks[mentions[i + 1].num_end:t[0]])]
                if later:
                    out[i] = (later[-1][2], later[-1])
                continue
            # مصير 15 آخرين لا يزال مجهولا بعد أن اقتادهم المهاجمون: missing because taken: abducted
            if kind == "missing" and any(t[2] == "abducted" and t[0] > m.end and not t[3]
                                         for t in ctx.triggers):
                out[i] = ("abducted", out[i][1])
        return out

    def _designation(self, toks: list[Tok], i: int) -> bool:
        """A spelled Latin letter or a maker's prefix before the figure (إف 35, سي-130): a model."""
        k = i - 1
        if k > 0 and toks[k].text in ("-", "."):
            k -= 1
        return k >= 0 and toks[k].text in self.lex.designation

    def _thing(self, word: str) -> bool:
        """A noun of things, time or money (سيارة, صاروخا, مقعدا, أيام): the figure counts no people."""
        forms = set(variants(word))
        forms |= {f[:-1] for f in forms if f.endswith("ا") and len(f) > 3}  # accusative: صاروخا -> صاروخ
        return not forms.isdisjoint(self.lex.not_after)

    def _linked(self, ctx: _SentCtx, m: numbers.NumberMention, prev: numbers.NumberMention | None) -> bool:
        """The figure is listed with the previous one (و5 مدنيين, منهم 77, بينهم سبعة أطفال)."""
        if prev is None or m.start - prev.num_end > 9:
            return False
        toks = ctx.toks
        k = m.start - 1
        while k >= 0 and toks[k].text in _QUOTES | {"،", ","}:
            k -= 1
        if k < 0:
            return False
        starters = numbers.lexicon().starters
        for j in (m.start, m.num_start):
            w = toks[j].text
            if toks[j].is_word and w.startswith("و") and len(w) > 2 and w not in starters:  # واحدة is a word
                return True
        return bool(self.lex.chain.match_ending_at(toks, k))

    def _kind(self, ctx: _SentCtx, m, prev_m, prev_kind: str | None, num_starts: set[int]):
        """The kind of the figure and the trigger that gives it (None when nothing does)."""
        toks = ctx.toks
        n = len(toks)
        # 1. a trigger right after the figure (30 قتيلا, 374 جثة) or the dual itself (قتيلين)
        if m.dual:
            t = ctx.trig_start.get(m.num_start)
            if t and not t[3]:
                return t[2], t
        t = ctx.trig_start.get(m.num_end)
        if t and not t[3] and not self._coordinated(toks[t[0]].text):
            near = ctx.trig_end.get(m.start - 1)
            if near and not near[3] and near[2] != t[2] and t[2] in _STATE_NOUN_KINDS:
                return near[2], near  # حرر 76 رهينة: the event, not the state
            if t[2] == "injured":
                died = ctx.trig_start.get(t[1])
                if died and died[2] == "killed" and not died[3]:
                    return "killed", died  # 3 جرحى توفوا متأثرين بإصاباتهم: the wounded died
            return t[2], t
        # 2. the nearest trigger on the left inside the clause
        left = None
        k = m.start - 1
        budget = _WINDOW_LEFT
        while k >= 0 and budget > 0:
            tok = toks[k]
            if tok.text in _QUOTES:
                k -= 1
                continue
            budget -= 1
            if tok.text in _SENT_PUNCT or k in ctx.bounds:
                break
            if prev_m is not None and prev_m.value is not None and prev_m.num_start <= k < prev_m.end:
                break
            t = ctx.trig_end.get(k)
            if t:
                left = t
                break
            k -= 1
        if left is not None and not left[3]:
            return left[2], left
        # 3. a verb or noun after the figure's noun phrase (43 مدنيا قتلوا, 20 شخصا لإصابات)
        budget = _WINDOW_RIGHT
        for k in range(m.num_end, n):
            tok = toks[k]
            if tok.text in _QUOTES:
                continue
            budget -= 1
            if budget < 0:
                break
            bound = k in ctx.bounds and (k > m.num_end or m.dual)  # جنديان فيما أصيب ...: the dual ends first
            if tok.text in _SENT_PUNCT or tok.text in ("،", ",") or bound \
                    or (k in num_starts and k > m.num_end):
                break
            t = ctx.trig_start.get(k)
            if t:
                if t[3] or (k > m.num_end and self._coordinated(tok.text)):
                    break
                return t[2], t
        if left is not None:  # an attempt (محاولة لإطلاق سراح 4400 ...): only a state word may count
            return self._weak(ctx, m, num_starts)
        # 4. listed with the previous figure, or a part of it (وإصابة 100 آخرين، 20 منهم بحالة خطيرة)
        if prev_kind is not None and (self._linked(ctx, m, prev_m) or
                                      (m.num_end < n and toks[m.num_end].text in _BREAKDOWN)):
            return prev_kind, None
        return self._weak(ctx, m, num_starts)

    def _weak(self, ctx: _SentCtx, m, num_starts: set[int]):
        """A state word: the held population (3500 سجين, 3900 من الإرهابيين محتجزون)."""
        toks = ctx.toks
        n = len(toks)
        for k in range(max(0, m.start - 2), min(n, m.num_end + _WINDOW_RIGHT)):
            if m.start <= k < m.num_end:
                continue
            if k > m.num_end and (toks[k].text in _SENT_PUNCT or (k in num_starts)):
                break
            w = self.lex.weak.match_at(toks, k)
            if w:
                return w[1], (k, k + w[0], w[1], False, "weak")
        return None, None

    def _who(self, ctx: _SentCtx, m, num_starts: set[int]):
        toks = ctx.toks
        n = len(toks)
        # 30 بين قتيل وجريح في صفوف القوات الموالية: the ranks named after the figure are the group
        for k in range(m.num_end, min(n - 1, m.num_end + 8)):
            forms = variants(toks[k].text)
            if toks[k].text in _SENT_PUNCT or toks[k].text in ("،", ",") or \
                    (k > m.num_end and forms[0][0] == "و" and forms[-1] == _RANKS_PREP):
                break  # مقتل جندي وإصابة اثنين بجروح وفي صفوف العدو ...: وفي opens another side's count
            if forms[-1] == _RANKS:
                hit = next(((a, b, act) for a, b, act in ctx.view.actors
                            if a == k + 1 and act.inter is not None), None)
                if hit:
                    return hit
                end = k + 1
                while end < min(n, k + 5) and toks[end].is_word and end not in ctx.view.trigger_at and \
                        toks[end].text not in _SIDE_STOPS:
                    end += 1
                if end > k + 1:  # a side the actor table does not know: its words name it
                    words = ctx.view.original(k + 1, end)
                    return k + 1, end, Actor(words, None, "armed", None)
                break
        start = m.num_start if m.dual else m.num_end
        # 101 من أصل 110 تلميذات: the part counts the group of the whole
        if not m.dual and start + 3 < n and toks[start].text == _PARTITIVE and \
                variants(toks[start + 1].text)[-1] == _OUT_OF and toks[start + 2].is_digit:
            start += 3
        for q in _QUALIFIER_AFTER:  # ثمانية على الأقل من الأطفال: the group comes after the qualifier
            if not m.dual and all(start + k < n and toks[start + k].is_word
                                  and q[k] in variants(toks[start + k].text) for k in range(len(q))):
                start += len(q)
                break
        stop = len(toks)
        for k in range(start + (1 if m.dual else 0), len(toks)):
            tok = toks[k]
            in_actor = any(a <= k < b for a, b, _ in ctx.view.actors)
            trigger = k in ctx.view.trigger_at and k > start + 3 and not in_actor
            if tok.text in _SENT_PUNCT or tok.text in ("،", ",") or k in ctx.bounds or \
                    (k in num_starts and k > start) or trigger:
                stop = k
                break
        passable = {k for k in ctx.view.trigger_at if start <= k <= start + 3}
        found = who.find_who(toks, ctx.view.actors, start, stop, passable)
        if found is None or found[2].name in self.generic:
            named = self._named_group(ctx, start, stop)
            if named:
                return named
        if found is not None and found[2].name in self.generic:
            # عناصر الدفاع المدني, متطوعي الهلال الأحمر: members of a named body (not an armed party)
            body = next(((a, b, act) for a, b, act in ctx.view.actors
                         if found[1] <= a <= found[1] + 1 and a < stop and act.inter is None
                         and act.role in ("official", "other")
                         and all(toks[k].text == _PARTITIVE for k in range(found[1], a))), None)
            if body is not None:
                return found[0], body[1], body[2]
        if found and found[2].name in _FORCES and found[1] < len(toks):
            # جنديا سعوديا: soldiers of a nationality are that country's forces
            iso = who.nationality(toks[found[1]])
            forces = self._country_forces().get((iso, found[2].name)) if iso else None
            if forces is not None:
                return found[0], found[1] + 1, forces
        if found and found[2].name in self.generic:
            # عناصر من القوات السودانية: forces of a nationality the table lacks as one name
            k = found[1] + (1 if found[1] < stop and toks[found[1]].text == _PARTITIVE else 0)
            if k + 1 < stop and not _ARMY_WORDS.isdisjoint(variants(toks[k].text)):
                iso = who.nationality(toks[k + 1])
                forces = self._country_forces().get((iso, "Military forces")) if iso else None
                if forces is not None:
                    return found[0], k + 2, forces
        if found:
            return found
        # adjectival number after its noun: المصابين الثلاثة, انتحاريين اثنين
        if toks[m.num_start].is_word and not m.dual:
            for a, b, act in ctx.view.actors:
                if b == m.num_start and act.inter is not None:
                    return a, b, act
        return None

    def _country_forces(self) -> dict[tuple[str, str], Actor]:
        """(ISO3, generic forces name) -> that country's forces in the actor table."""
        return country_forces()

    def _named_group(self, ctx: _SentCtx, start: int, stop: int):
        """`عنصرين من ميليشيا لواء القدس`: a group head the actor table lacks, named by its words."""
        toks = ctx.toks
        heads = self.wlex.group_heads
        for k in range(start, min(stop, start + 4)):
            if not toks[k].is_word:
                return None
            if heads.isdisjoint(variants(toks[k].text)):
                continue
            if any(a <= k < b for a, b, _ in ctx.view.actors):
                return None  # a group the table knows (تنظيم داعش): find_who has it
            end = k + 1
            while end < min(stop, k + 5) and toks[end].is_word and end not in ctx.view.trigger_at and \
                    toks[end].text not in _SIDE_STOPS and not any(a == end for a, _, _ in ctx.view.actors):
                end += 1
            if end > k + 1:
                return k, end, Actor(ctx.view.original(k, end), None, "armed", None)
            return None
        return None

    def _source_stance(self, ctx: _SentCtx, m, speakers: list[Speaker], fallback: Speaker | None,
                       claim_start: int, trig_end: int = 0):
        p = m.num_start
        before = [s for s in speakers if s.pos < p]
        toks = ctx.toks
        later = [x for x in ctx.view.number_at if x > p]
        # ... قتل خمسة أشخاص، قال مسؤول محلي: a speech verb after a comma closing the sentence
        after = [s for s in speakers if s.pos > p and (s.marker == "according" or (
            s.pos > 0 and toks[s.pos - 1].text in ("،", ",") and not toks[s.pos].text.startswith("و")
            and all(x < s.pos for x in later)
            and not any(t.text in _COMPLEMENTS for t in toks[s.pos + 1:])))]
        sp = before[-1] if before else (after[0] if after else fallback)
        stance = "asserted"
        if (sp is not None and sp.denial and sp.pos < p) or attribution.denied_after(ctx.view, m.end):
            stance = "denied"
        else:
            hedge = attribution.hedged_before(ctx.view, claim_start)
            if hedge is None and trig_end > m.end:  # 9 أشخاص ربما قتلوا: a hedge before the verb
                late = attribution.hedged_before(ctx.view, trig_end)
                hedge = late if late is not None and late[0] >= m.end else None
            if hedge is None and m.num_start > m.start:  # قد تصل إلى 40: the qualifier hedges
                hedge = attribution.hedged_before(ctx.view, m.num_start)
            if hedge or (sp is not None and sp.hedge) or attribution.hedged_after(ctx.view, m.end):
                stance = "unconfirmed"
            if sp is not None and sp.actor is not None and sp.actor.name in self.wlex.unconfirmed_sources:
                stance = "unconfirmed"
            if sp is None and hedge:
                act = [x for x in ctx.view.actors if x[0] <= hedge[0] < x[1]]
                if act:
                    a, b, actor = act[0]
                    sp = Speaker(a, actor.name, ctx.view.original(a, b), actor=actor)
        return sp, stance


# Groups that say nothing specific: a repeat naming a real group is the same claim.
_LOOSE_WHO = frozenset({_UNIDENTIFIED, "Fighters", "Military forces", "Security forces", "Officials",
                        "Prisoners", "Nationals", "Foreign nationals"})
_ANY_WHO = frozenset({_UNIDENTIFIED, "Nationals", "Foreign nationals"})
_FORCES = frozenset({"Military forces", "Security forces"})
# Plain people (أشخاص, مدنيين): a description after them may still say they were armed attackers.
_PLAIN_PEOPLE = frozenset({_UNIDENTIFIED, "Civilians"})
# Groups that name attackers: after a violence verb and before its object they are the doers.
_ATTACKERS = frozenset({"Unidentified Armed Group", "Militants"})
# "did" before the doers of a deed named after them (وقام ثلاثة مسلحين بخطف ...).
_DID = frozenset(_FW["did"])
# Country-specific forces (their name before " of ") and the generic group they make specific.
_COUNTRY_FORCES = {"Military Forces": "Military forces", "Police Forces": "Security forces"}


def _compatible(a: str, b: str) -> bool:
    """Two groups a repeated figure may name: the same, or a generic one and a group it covers
    (soldiers and the Egyptian army; members and a named armed group)."""
    if a == b or a in _ANY_WHO or b in _ANY_WHO:
        return True
    table = actor_table()
    ax, bx = table.get(a), table.get(b)
    if ax is not None and bx is not None and ax.country and ax.country == bx.country \
            and ax.inter in (1, 8) and bx.inter in (1, 8):
        return True  # the army and the police of one state (مجندين من الأمن المركزي ... 18 منهم)
    for x, y in ((a, b), (b, a)):
        other = table.get(y)
        if other is None:
            continue
        if x in _FORCES and (y in _FORCES or other.inter in (1, 8)):
            return True
        if x in ("Fighters", "Prisoners", "Suspects") and other.role == "armed":
            return True
        if x == "Officials" and other.role in ("official", "armed"):
            return True
        if x == "Civilians" and other.role == "civilians":  # aid workers, Christians, nationals ...
            return True
    return False


def _list_marker(toks: list[Tok], m) -> bool:
    """`2 - حادث ...`, `(1) ...` at the start of a sentence: an item number, not a count."""
    k = 0
    while k < m.num_start and toks[k].text in "(-–":
        k += 1
    if k != m.num_start or not toks[m.num_start].is_digit:
        return False
    nxt = toks[m.num_end].text if m.num_end < len(toks) else ""
    return nxt in ("-", "–", ")", ".", ":")


def _merge(found: list[_Found], doc: Doc) -> list[Claim]:
    """One claim per distinct figure: a headline repeated in the body keeps all its spans."""
    merged: list[_Found] = []
    for f in found:
        c = f.claim
        target = None
        for g in merged:
            d = g.claim
            if (d.kind, d.value, d.value_high) != (c.kind, c.value, c.value_high) or c.value is None:
                continue
            # a headline states plainly what the body reports as unconfirmed: it takes the body's stance
            softened = g.headline and not f.headline and (d.stance, c.stance) == ("asserted", "unconfirmed")
            if d.stance != c.stance and not softened:
                continue
            if d.who and c.who and not _compatible(d.who, c.who):
                continue
            target = g
            break
        if target is None:
            merged.append(f)
            continue
        d = target.claim
        target.spans.extend(f.spans)
        if target.headline and not f.headline:
            # the body states the figure with its words: prefer them, keep the headline span
            spans = target.spans
            f.spans = spans
            f.headline = False
            merged[merged.index(target)] = f
            if f.claim.source is None and d.source is not None:
                f.claim.source, f.claim.source_text, f.claim.relay = d.source, d.source_text, d.relay
            if d.who is not None and (f.claim.who is None or
                                      (f.claim.who in _LOOSE_WHO and d.who not in _LOOSE_WHO)):
                f.claim.who, f.claim.who_text = d.who, d.who_text
            continue
        if d.source is None and c.source is not None:
            d.source, d.source_text, d.relay = c.source, c.source_text, c.relay
        if c.who is not None and (d.who is None or (d.who in _LOOSE_WHO and c.who not in _LOOSE_WHO)):
            d.who, d.who_text = c.who, c.who_text
    # a figure read from a state word only, when the same figure has a real trigger elsewhere, is that claim
    strong = {(f.claim.value, f.claim.value_high) for f in merged if not f.weak and f.claim.value is not None}
    merged = [f for f in merged if not (f.weak and (f.claim.value, f.claim.value_high) in strong)]
    out = []
    for f in merged:
        f.spans.sort(key=lambda s: s.start)
        f.claim.spans = f.spans
        out.append(f.claim)
    return out


@cache
def _extractor() -> ClaimExtractor:
    return ClaimExtractor()


@Language.component("marsad_claims")
def extract_claims(doc: Doc) -> Doc:
    """Fill doc._.claims with the article's numeric claims about people."""
    doc._.claims = _extractor().extract(doc)
    return doc
