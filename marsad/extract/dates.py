"""Date mentions in Arabic news, resolved to calendar days against the publication date.

News dates events relative to the day it is published ("أمس", "الخميس", "فجر اليوم") or with month
names that differ by region (يناير / كانون الثاني / جانفي). We find date phrases with regexes
compiled once from `marsad/lang/ar/months.yaml` and `dates.yaml`, run over the match-key form of
the text (hamza, alef maqsura and ta marbuta folded, Arabic-Indic digits as ASCII), and resolve
each phrase ourselves: dateparser's whole-text search misreads counts such as 4400 as years.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from hijridate import Hijri

from marsad import lang
from marsad.text.document import doc_text
from marsad.text.normalize import key, match_text

# Proclitics that may be glued to a date word: و ف ب ل (and و+ب, و+ل, ف+ب, ف+ل).
_CLITIC = r"(?<!\w)(?:[وف]?[بل]?)"
_SP = r"\s+"
_SEP = r"\s*(?:[/\-.،,]\s*)?"


@dataclass(frozen=True)
class DateMention:
    """A date phrase in the original text and the days it denotes."""

    start: int
    end: int
    text: str
    date: dt.date  # first day
    date_end: dt.date  # last day (== date for one day)
    precision: int  # ACLED time_precision: 1 day, 2 week or a few days, 3 month or vaguer
    relative: bool  # resolved against the publication date
    background: bool  # clearly past history relative to the publication date
    kind: str = ""  # which pattern found it (absolute, weekday, relative, period, year, ...)


@dataclass(frozen=True)
class _Resolved:
    date: dt.date
    date_end: dt.date
    precision: int
    relative: bool
    since: bool = False  # a period running up to the publication date


def _alt(words) -> str:
    """A regex matching any of the words (in match form, spaces flexible), as a trie.

    Python's `re` tries the branches of a flat alternation one by one at every position; sharing
    prefixes (ا(?:لخميس|لجمعة)) makes the month and weekday patterns several times faster.
    Longer words win over their prefixes (أمس الأول before أمس) because a branch that can go on
    comes before the end of the word.
    """
    trie: dict = {}
    for w in {" ".join(match_text(w).split()) for w in words if w and w.strip()}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = []
    for ch in sorted(c for c in node if c):
        head = r"\s+" if ch == " " else re.escape(ch)
        branches.append(head + _trie_regex(node[ch]))
    if not branches:
        return ""
    ends_here = "" in node
    if len(branches) == 1 and not ends_here:
        return branches[0]
    body = "|".join(branches)
    return f"(?:{body})?" if ends_here else f"(?:{body})"


@cache
def _lexicon() -> dict[str, Any]:
    """Month, weekday and relative-word tables keyed by match key."""
    months = lang.load("months")
    words = lang.load("dates")
    greg = {key(n): int(m) for m, names in months["gregorian"].items() for n in names}
    hijri = {key(n): int(m) for m, names in months["hijri"].items() for n in names}
    return {
        "greg": greg,
        "hijri": hijri,
        "weekdays": {key(k): v for k, v in words["weekdays"].items()},
        "ordinals": {key(k): v for k, v in words["ordinal_days"].items()},
        "relative_days": {key(k): v for k, v in words["relative_days"].items()},
        "counts": {key(k): v for k, v in words["count_words"].items()},
        "units": {key(k): v for k, v in words["units"].items()},
        "periods": {key(k): tuple(v) for k, v in words["relative_periods"].items()},
        "past": {key(w) for w in words["past_words"]},
        "current": {key(w) for w in words["current_words"]},
        "next": {key(w) for w in words["next_words"]},
        "since": {key(w) for w in words["since_words"]},
        "background_days": int(words.get("background_after_days", 45)),
        "few_days_units": {match_text(w) for w in words["few_days_units"]},  # unit words are in match form
        "single_units": {match_text(w) for w in words["single_units"]},
        "future_days": int(words.get("future_window_days", 0)),
        "named_lead": {key(w) for w in words.get("named_date_lead", [])},
        "named_weak_lead": {key(w) for w in words.get("named_date_weak_lead", [])},
        "named": {_named_key(k): int(v) for k, v in (words.get("named_dates") or {}).items()},
        "raw": words,
        "months_raw": months,
    }


def _named_key(text: str) -> tuple[int, int] | None:
    """(day, month) of a named date written `11 سبتمبر`."""
    day, _, month = str(text).partition(" ")
    months = {key(n): int(m) for m, names in lang.load("months")["gregorian"].items() for n in names}
    mo = months.get(key(month))
    return (int(day), mo) if day.isdigit() and mo else None


def _bar(words: list[str]) -> str:
    """Pattern words (dates.yaml `pattern_words`) as a plain alternation in their listed order."""
    return "|".join(w.replace(" ", _SP) for w in words)


def _grp(words: list[str]) -> str:
    """One pattern word as is, several as a non-capturing alternation."""
    return _bar(words) if len(words) == 1 else f"(?:{_bar(words)})"


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """The date patterns, compiled once per process, in priority order."""
    words = _lexicon()["raw"]
    pw = words["pattern_words"]
    of, yw, dw, mw = _grp(pw["of"]), _grp(pw["year_words"]), _grp(pw["day_word"]), _grp(pw["month_word"])
    rfrom, rto, ago, some = _grp(pw["range_from"]), _bar(pw["range_to"]), _bar(pw["ago"]), _grp(pw["some"])
    months = _lexicon()["months_raw"]
    month = _alt([n for names in months["gregorian"].values() for n in names])
    hmonth = _alt([n for names in months["hijri"].values() for n in names])
    wday = _alt(words["weekdays"])
    part = _alt(words["day_parts"])
    rel = _alt(words["relative_days"])
    mod = _alt([*words["past_words"], *words["current_words"], *words["next_words"]])
    count = _alt(words["count_words"])
    unit = _alt(words["units"])
    past = _alt(words["past_words"])
    period = _alt(words["relative_periods"])
    hmark = _alt(months["hijri_year_markers"])
    year = r"(?P<y>(?:1[89]|20)\d\d)(?!\d)"
    ordinal = _alt(words["ordinal_days"])
    day = rf"(?:(?<!\d)(?P<d>[0-3]?\d)(?!\d)|(?P<dord>{ordinal}){_SP}{of})"
    month_pair = rf"(?P<mo>{month})(?:\s*[/(\-]?\s*(?:{month})\s*\)?)?"
    year_tail = rf"(?:{_SEP}(?:{of}{_SP})?(?:{yw}{_SP})?{year}(?:\s*م(?!\w))?)?"
    wday_lead = rf"(?:(?:{dw}{_SP})?(?:{wday})\s*[،,]?\s*)?"
    year_lead = _bar(pw["year_lead"])
    pats = {
        "iso": r"(?<![\d/.\-])(?P<y>(?:19|20)\d\d)(?P<sep>[\-/.])(?P<mo>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)"
               r"(?![\d/])",
        # a weekday right before a date belongs to it (`صباح يوم الجمعة 4/8/1436`): one mention
        "numeric": rf"{wday_lead}(?<![\d/.\-])(?P<d>[0-3]?\d)[/.\-](?P<mo>[01]?\d)[/.\-](?P<y>(?:19|20)\d\d)"
                   r"(?!\d)",
        # `19/6/1436 هـ`: a numeric date whose year is 13xx or 14xx is Hijri
        "hijri_numeric": rf"{wday_lead}(?<![\d/.\-])(?P<d>[0-3]?\d)[/.\-](?P<hmo>[01]?\d)[/.\-]"
                         rf"(?P<hy>1[34]\d\d)(?!\d)\s*(?:(?:{hmark})(?!\w))?",
        "hijri": rf"{wday_lead}(?:{day}{_SEP}(?:{of}{_SP})?)?(?:{mw}{_SP})?(?P<hm>{hmonth}){_SEP}"
                 rf"(?P<hy>1[34]\d\d)(?!\d)\s*(?:(?:{hmark})(?!\w))?",
        "range": rf"(?:{rfrom}{_SP})?(?<!\d)(?P<d1>[0-3]?\d){_SEP}(?:(?:و|{rto}|-)\s*)"
                 rf"(?P<d>[0-3]?\d)(?!\d){_SEP}(?:{of}{_SP})?(?:{mw}{_SP})?{month_pair}{year_tail}",
        # `3 آب/أغسطس الجاري`: a day of this (or last) month keeps its day
        "day_month": rf"{wday_lead}{day}{_SEP}(?:{of}{_SP})?(?:{mw}{_SP})?{month_pair}"
                     rf"(?:{year_tail.removesuffix('?')}|{_SP}(?:{mod}))?",
        "day_this_month": rf"{wday_lead}{day}{_SP}(?:{of}{_SP})?{_grp(pw['this_month'])}{_SP}(?P<mod>{mod})",
        "month_year": rf"(?:{mw}{_SP})?{month_pair}{_SEP}(?:{of}{_SP})?(?:{yw}{_SP})?{year}",
        "month_mod": rf"(?:{mw}{_SP})?{month_pair}{_SP}(?P<mod>{mod})",
        "month_bare": rf"(?<!\w)[وف]?(?:{_bar(pw['month_lead'])}){_SP}"
                      rf"(?P<body>(?:{mw}{_SP})?{month_pair})(?!\w)",
        # a month written in both its names (`شباط/فبراير`, `تشرين الأول/أكتوبر`) is a date wherever it
        # stands (`لهجوم شباط/فبراير`, `حصيلة آذار/مارس`): the pair is never an ordinary word, unlike a
        # single name without a lead (`مارس` is also 'he practised')
        "month_pair": rf"(?<!\w)[وفبل]?(?P<body>(?:{mw}{_SP})?(?P<mo>{month})\s*/\s*(?:{month}))(?!\w)",
        "weekday": rf"(?:(?P<part>{part}){_SP})?(?:(?P<rel>{rel}){_SP})?(?:{dw}{_SP})?(?P<wd>{wday})"
                   rf"(?:{_SP}(?P<lastweek>{_alt(words['last_week_words'])})|{_SP}(?P<mod>{mod}))?",
        "ago": rf"(?:{ago}){_SP}(?:{some}{_SP})?(?:(?P<n>\d{{1,2}})\s*|(?P<cw>{count}))?(?:{_SP})?"
               rf"(?P<unit>{unit})?",
        "last_n": rf"(?:{_bar(pw['during'])}){_SP}(?:ال)?(?:(?P<n>\d{{1,3}})\s*)?"
                  rf"(?:(?P<cw>{count}){_SP})?(?P<unit>{unit})(?:{_SP}(?P<cw2>{count}))?{_SP}(?:{past})",
        "period": rf"(?P<per>{period})",
        "relative": rf"(?:(?P<part>{part}){_SP})?(?:{dw}{_SP})?(?P<rel>{rel})",
        "year": rf"(?<!\w)(?:[وف]?[بل]?)(?P<body>(?:(?:{year_lead}){_SP})+{year})",
    }
    # a day number glued to its preposition (`في18 شباط/فبراير`, `منذ19 حزيران`: one outlet's typography)
    glued = "".join(rf"|(?<=(?<!\w){re.escape(match_text(w))})" for w in pw["glued_lead"])
    clitic = rf"(?:{_CLITIC}{glued})"
    out = []
    for name, body in pats.items():
        # the text is in match form (ى→ي, أ→ا ...): so are the words written into the patterns here
        body = match_text(body).replace("ة", "[ةه]")  # text may write ta marbuta as ha
        if name in ("month_bare", "month_pair", "year"):
            out.append((name, re.compile(body)))
        else:
            out.append((name, re.compile(rf"{clitic}(?P<body>{body})(?!\w)")))
    return out


def _parse_published(value: Any) -> dt.date | None:
    """The publication date from an ISO date or datetime string (None when absent or unreadable)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", str(value))
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_span(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _year_for(month: int, day: int | None, pub: dt.date | None) -> int | None:
    """A month (and day) without a year: its nearest occurrence on or before publication."""
    if pub is None:
        return None
    y = pub.year
    if day is None:
        return y if month <= pub.month else y - 1
    cand = _safe_date(y, month, min(day, calendar.monthrange(y, month)[1]))
    if cand is not None and cand > pub + dt.timedelta(days=max(1, _lexicon()["future_days"])):
        return y - 1  # too far ahead to be a coming date: last year's
    return y


def _month_with_mod(month: int, mod: str | None, pub: dt.date | None) -> int | None:
    """The year of "<month> الماضي/الجاري/المقبل"."""
    if pub is None:
        return None
    lx = _lexicon()
    if mod in lx["past"]:
        return pub.year if month < pub.month else pub.year - 1
    if mod in lx["next"]:
        return pub.year if month > pub.month else pub.year + 1
    return pub.year if mod in lx["current"] else _year_for(month, None, pub)


def _count(g: dict[str, str | None], *names: str) -> int | None:
    lx = _lexicon()
    for name in names:
        val = g.get(name)
        if val:
            return int(val) if val.isdigit() else lx["counts"].get(val)
    return None


def _day(g: dict[str, str | None]) -> int:
    """The day of the month from digits or an ordinal word ("الأول من يوليو")."""
    if g.get("d"):
        return int(g["d"])
    return int(_lexicon()["ordinals"][g["dord"]])


SATURDAY = 5  # first day of the week in Arab countries (Python weekday numbers)


def _weekday_on_or_before(pub: dt.date, weekday: int) -> dt.date:
    return pub - dt.timedelta(days=(pub.weekday() - weekday) % 7)


def _resolve(kind: str, m: re.Match, pub: dt.date | None) -> _Resolved | None:
    """Turn one regex match into days; None when it cannot be resolved (e.g. relative, no anchor)."""
    lx = _lexicon()
    g = {name: key(v) if v else v for name, v in m.groupdict().items()}
    if kind in ("iso", "numeric"):
        y, mo, d = int(g["y"]), int(g["mo"]), int(g["d"])
        if kind == "numeric" and mo > 12 >= d:
            mo, d = d, mo
        day = _safe_date(y, mo, d)
        return _Resolved(day, day, 1, False) if day else None
    if kind == "hijri_numeric":
        try:
            d0 = dt.date(*Hijri(int(g["hy"]), int(g["hmo"]), int(g["d"])).to_gregorian().datetuple())
        except (ValueError, OverflowError):
            return None
        return _Resolved(d0, d0, 1, False)
    if kind == "hijri":
        hy, hm = int(g["hy"]), lx["hijri"].get(g["hm"])
        if hm is None:
            return None
        try:
            if g.get("d") or g.get("dord"):
                day = Hijri(hy, hm, _day(g)).to_gregorian().datetuple()
                d0 = dt.date(*day)
                return _Resolved(d0, d0, 1, False)
            first = dt.date(*Hijri(hy, hm, 1).to_gregorian().datetuple())
            last = dt.date(*Hijri(hy, hm, Hijri(hy, hm, 1).month_length()).to_gregorian().datetuple())
            return _Resolved(first, last, 3, False)
        except (ValueError, OverflowError):
            return None
    if kind in ("day_month", "range"):
        mo = lx["greg"].get(g["mo"])
        if mo is None:
            return None
        d = _day(g)
        y = int(g["y"]) if g.get("y") else _year_for(mo, d, pub)
        if y is None:
            return None
        last = _safe_date(y, mo, d)
        if last is None:
            return None
        if kind == "range":
            first = _safe_date(y, mo, int(g["d1"]))
            if first is None or first > last:
                return None
            return _Resolved(first, last, 1 if first == last else 2, not g.get("y"))
        return _Resolved(last, last, 1, not g.get("y"))
    if kind == "day_this_month":
        if pub is None:
            return None
        d, mod = _day(g), g["mod"]
        y, mo = pub.year, pub.month
        if mod in lx["past"]:
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        elif mod in lx["next"]:
            y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
        day = _safe_date(y, mo, d)
        return _Resolved(day, day, 1, True) if day else None
    if kind in ("month_year", "month_mod", "month_bare", "month_pair"):
        mo = lx["greg"].get(g["mo"])
        if mo is None:
            return None
        if g.get("y"):
            y = int(g["y"])
        elif kind == "month_mod":
            y = _month_with_mod(mo, g.get("mod"), pub)
        else:
            y = _year_for(mo, None, pub)
        if y is None:
            return None
        first, last = _month_span(y, mo)
        return _Resolved(first, last, 3, not g.get("y"))
    if kind == "weekday":
        if pub is None:
            return None
        wd = lx["weekdays"].get(g["wd"])
        if wd is None:
            return None
        rel = g.get("rel")
        if rel:
            # "أمس الخميس": the weekday is the more specific word; a report written the evening
            # before its publication date says أمس for the day before the weekday it names, and
            # `اليوم الأربعاء` in a report stamped days later (a feed's crawl date) is still Wednesday
            # (measured on the wide gold set: the relative word winning lost two incidents)
            day = pub + dt.timedelta(days=lx["relative_days"].get(rel, 0))
            if day.weekday() != wd:
                day = _weekday_on_or_before(day, wd)
        elif g.get("lastweek"):
            # "الأربعاء من الأسبوع الماضي": in the Saturday-to-Friday week before this one
            this_week = pub - dt.timedelta(days=(pub.weekday() - SATURDAY) % 7)
            day = this_week - dt.timedelta(days=7) + dt.timedelta(days=(wd - SATURDAY) % 7)
        elif g.get("mod") in lx["next"]:
            day = pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)
        elif g.get("mod") in lx["past"] and pub.weekday() == wd:
            day = pub - dt.timedelta(days=7)  # "الخميس الماضي" said on a Thursday: a week ago
        else:
            day = _weekday_on_or_before(pub, wd)
        return _Resolved(day, day, 1, True)
    if kind == "relative":
        if pub is None:
            return None
        off = lx["relative_days"].get(g["rel"])
        if off is None:
            return None
        day = pub + dt.timedelta(days=off)
        return _Resolved(day, day, 1, True)
    if kind == "ago":
        if pub is None:
            return None
        n = _count(g, "n", "cw")
        unit_word = g.get("unit")
        unit = lx["units"].get(unit_word) if unit_word else None
        if unit is None:
            if g.get("cw") and lx["counts"].get(g["cw"]) in (1, 2, 7, 14, 30, 60) and n:
                # "قبل يومين", "قبل أسبوع": the count word is itself the unit
                days = n
                day = pub - dt.timedelta(days=days)
                return _Resolved(day, day, 1 if days <= 2 else 2, True)
            return None
        if unit == 0:  # hours ago: today
            return _Resolved(pub, pub, 1, True)
        if n is None:
            if unit_word in lx["few_days_units"]:  # "قبل أيام": a few days
                return _Resolved(pub - dt.timedelta(days=7), pub - dt.timedelta(days=1), 2, True)
            n = 1
        days = n * unit
        day = pub - dt.timedelta(days=days)
        return _Resolved(day, day, 1 if days <= 3 else (2 if days <= 14 else 3), True)
    if kind == "last_n":
        if pub is None:
            return None
        n = _count(g, "n", "cw", "cw2")
        unit_word = g["unit"]
        unit = lx["units"].get(unit_word, 1)
        if unit == 0:
            return _Resolved(pub - dt.timedelta(days=1), pub, 1, True, since=True)
        if n is None:
            n = 1 if unit_word in lx["single_units"] else (7 if unit == 1 else 2)
        days = n * unit
        first = pub - dt.timedelta(days=days)
        return _Resolved(first, pub, 2 if days <= 14 else 3, True, since=True)
    if kind == "period":
        if pub is None:
            return None
        unit, off = lx["periods"][g["per"]]
        if unit == "week":
            first = pub - dt.timedelta(days=pub.weekday() + (7 if off < 0 else 0))
            # Arab news weeks run Saturday-Friday; a week of 7 days before publication is close enough
            return _Resolved(first, first + dt.timedelta(days=6), 2, True)
        if unit == "month":
            y, mo = pub.year, pub.month + off
            while mo < 1:
                y, mo = y - 1, mo + 12
            first, last = _month_span(y, mo)
            return _Resolved(first, last, 3, True)
        y = pub.year + off
        return _Resolved(dt.date(y, 1, 1), dt.date(y, 12, 31), 3, True)
    if kind == "year":
        y = int(g["y"])
        return _Resolved(dt.date(y, 1, 1), dt.date(y, 12, 31), 3, False)
    return None


@cache
def _anchor_words() -> frozenset[str]:
    """Match keys of the words every date pattern contains (month, weekday, relative words ...)."""
    words = _lexicon()["raw"]
    months = _lexicon()["months_raw"]
    vocab = [n for names in months["gregorian"].values() for n in names]
    vocab += [n for names in months["hijri"].values() for n in names]
    vocab += [*words["weekdays"], *words["relative_days"], *words["relative_periods"], *words["past_words"],
              *words["current_words"], *words["next_words"], *words["since_words"],
              *words["pattern_words"]["ago"]]
    # Words of multi-word phrases that are too common to be worth a look on their own.
    generic = {key(w) for w in words.get("anchor_skip", [])}
    out = set()
    for phrase in vocab:
        out.update(w for w in key(phrase).split() if w not in generic)
    return frozenset(out)




@cache
def _anchor_re() -> re.Pattern[str]:
    """Anchor words (with و/ف and ب/ل clitics) and year-like numbers, found by one C-level regex scan."""
    words = sorted(_anchor_words(), key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w)(?:[وف]?[بل]?(?:{alt})|(?:1[89]|20|1[34])\d\d)(?!\w)")


def _windows(text: str, before: int = 32, after: int = 48) -> list[tuple[int, int]]:
    """Merged spans around anchors; the date patterns run only there (most text has no dates).

    `text` is in match form already; folding ta marbuta makes its words match keys, with no
    per-word call.
    """
    out: list[tuple[int, int]] = []
    n = len(text)
    for m in _anchor_re().finditer(text.replace("ة", "ه")):
        s, e = max(0, m.start() - before), min(n, m.end() + after)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _scan(text: str, pub: dt.date | None) -> list[tuple[int, int, str, _Resolved]]:
    """All resolvable date phrases in `text` (match-key form), longest first where they overlap."""
    found: list[tuple[int, int, int, str, re.Match]] = []
    windows = _windows(text)
    for prio, (kind, pat) in enumerate(_patterns()):
        grp = "body" if "body" in pat.groupindex else 0
        for ws, we in windows:
            for m in pat.finditer(text, ws, we):
                s, e = m.start(grp), m.end(grp)
                if e > s:
                    found.append((s, e, prio, kind, m))
    found.sort(key=lambda t: (-(t[1] - t[0]), t[2], t[0]))
    not_dates = _not_dates_re()
    taken: list[tuple[int, int]] = [m.span() for ws, we in windows for m in not_dates.finditer(text, ws, we)]
    out = []
    for s, e, _prio, kind, m in found:
        if any(s < te and ts < e for ts, te in taken):
            continue
        res = _resolve(kind, m, pub)
        if res is None:
            continue
        taken.append((s, e))
        out.append((s, e, kind, res))
    out.sort(key=lambda t: t[0])
    return out


@cache
def _not_dates_re() -> re.Pattern[str]:
    """Outlet and programme names containing a date word ("عين اليوم", "روسيا اليوم")."""
    names = _lexicon()["raw"].get("not_dates") or []
    return re.compile(rf"(?<!\w)[وفبل]?(?:{_alt(names).replace('ة', '[ةه]')})(?!\w)" if names else r"(?!x)x")


@cache
def _since_re() -> re.Pattern[str]:
    since = _alt(_lexicon()["raw"]["since_words"])
    lead = "|".join(w + r"\s+" for w in _lexicon()["raw"]["pattern_words"]["since_lead"])
    return re.compile(rf"(?:^|(?<=\W))(?:[وف]?)(?:{since})\s*(?:{lead})?$")  # `منذ19 حزيران`: glued


def _finish(kind: str, res: _Resolved, before: str, body: str,
            pub: dt.date | None) -> tuple[dt.date, dt.date, int, bool, bool]:
    """Apply "منذ" (a period up to publication) and decide whether the date is background history."""
    lx = _lexicon()
    first, last, precision = res.date, res.date_end, res.precision
    since = res.since
    if kind != "last_n" and (_since_re().search(before[-24:]) or body.split(" ", 1)[0] in lx["since"]):
        since = True
        if pub is not None and pub > first:
            last = max(last, pub)
    background = False
    if kind == "day_month" and res.relative:
        words = before.split()
        lead = {key(words[-1]), key(words[-1])[1:]} if words else set()  # with or without و/ف/ب/ل
        named = lx["named"].get((first.day, first.month))
        if named is not None and lead & (lx["named_lead"] | lx["named_weak_lead"]):
            first = last = dt.date(named, first.month, first.day)  # `هجمات 11 سبتمبر`: 2001
            return first, last, precision, False, True
        if lead & lx["named_lead"]:
            return first, last, precision, res.relative, True  # `ذكرى 14 تموز`: a date of history
    if pub is not None:
        horizon = pub - dt.timedelta(days=lx["background_days"])
        background = first < horizon if since else last < horizon
    return first, last, precision, res.relative, background


def resolve_date_text(text: str, published: dt.date | None) -> tuple[dt.date, dt.date, int] | None:
    """The first date phrase in a short text, as (first day, last day, ACLED time precision)."""
    norm = match_text(text)
    pub = _parse_published(published)
    for s, _e, kind, res in _scan(norm, pub):
        first, last, precision, _rel, _bg = _finish(kind, res, norm[:s], norm[s:_e], pub)
        return first, last, precision
    return None


def find_dates(doc) -> list[DateMention]:
    """Date mentions of a spaCy Doc outside boilerplate, resolved against `doc._.article.published`."""
    from marsad.text.document import in_boilerplate

    article = doc._.article
    pub = _parse_published(getattr(article, "published", None)) if article is not None else None
    text = doc_text(doc)
    nt = doc._.norm  # shared with the other stages: normalised once per doc
    out: list[DateMention] = []
    for s, e, kind, res in _scan(nt.text, pub):
        start, end = nt.to_original(s, e)
        if in_boilerplate(doc, start, end):
            continue
        first, last, precision, relative, background = _finish(kind, res, nt.text[max(0, s - 24):s],
                                                               nt.text[s:e], pub)
        out.append(DateMention(start, end, text[start:end], first, last, precision, relative,
                               background, kind))
    doc._.dates = out
    return out
