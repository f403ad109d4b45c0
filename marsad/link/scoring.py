"""Is this report about that incident? A pair score over date, place, type, actors, figures and words.

The score is a weighted sum of feature similarities in [0, 1]; a few contradictions veto a merge
outright (different country or province, two precise places far apart, an old date without strong
corroboration). Every decision returns its features so the merge reason can be stored.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from marsad.link.features import EventFeatures
from marsad.reconcile.groups import actor_side, generic_side

WEIGHTS = {"date": 0.30, "place": 0.30, "type": 0.10, "actors": 0.10, "figures": 0.15, "text": 0.15}
THRESHOLD = 0.60
DATE_SIM = {0: 1.0, 1: 0.4, 2: 0.15}
SAME_SPOT_DATE_SIM = {0: 1.0, 1: 0.6, 2: 0.4}  # at one place, a day or two apart is more likely one incident
NEAR_DAYS = 2  # reports of one point incident date it within this many days of each other
FAR_DAYS = 10  # a running incident (siege, prison attack) may be reported this long after it began
SAME_SPOT_KM = 3.0
NEARBY_KM = 6.0
WITHIN_TOWN_KM = 12.0
PROVINCE_SIM = 0.4  # one side known only to its province, the same as the other's
SAME_SPOT = 0.7  # place similarity from which two reports are taken to be at one spot
CONTRADICT_KM = 25.0
FOLLOWUP_DAYS = 3  # a follow-up report (raised toll) dated by its own publication day, after the incident
FOLLOWUP_DATE_SIM = 0.8
FOLLOWUP_BONUS = 0.15  # the report says it follows up an incident, and one fits: same place, type, toll
GROWING_KINDS = ("killed", "injured")
FOLLOWUP_MAX_GROWTH = 5  # a raised toll seldom grows fivefold in three days; a cumulative toll does
GENERIC_MATCH = 0.5  # what a generic name ("militants") matching a named actor of its side counts
TELLING_FIGURE = 10  # a shared toll this large rarely belongs to two incidents of one place and week
UNDATED_SAME_TEXT = 0.5  # an undated later report at the province level must retell the story this closely
UNDATED_SPOT_TEXT = 0.3  # ... and at the same place, a town that sees several incidents a week, this closely
SAME_STORY_TEXT = 0.6  # word overlap of two tellings of one story (a statement relayed by two outlets)
SAME_STORY_BONUS = 0.1  # tolls that only grow as the wounded die and bodies are found
# Two reports of one place and day whose event types cannot describe one incident (an air strike and a
# protest, an announcement and a bombing) are one incident only if they tell one story: this much
# shared wording, or MANY_NAMES shared rare names. Otherwise a report of another day's strike that
# recalls the day's protest joins it on date, place and actors alone (0.8 of the 0.6 needed). Reports
# days apart are left to the span rules (a running siege is told as fighting, then as a deal).
TYPE_CLASH_TEXT = 0.3
UNPLACED_TEXT = 0.35  # a report naming no country joins one that does only on shared figures or this overlap
# Rare names (features.rare_names: a village, a street, a person few reports name) two reports share.
NAME_BONUS = 0.05  # per shared rare name, up to MANY_NAMES of them (0.1 joined more hot-spot reports)
MANY_NAMES = 2  # this many shared rare names: the reports tell one story, whatever the geocoder placed
RETOLD_DAYS = 6  # a later retelling (republished, a reaction naming the incident) may be dated this late
# ... when it repeats the story: its wording (a republished copy), or its toll, or its details (several
# rare names and some wording). A new incident at the same village shares the village, not the story.
RETOLD_COPY_TEXT = 0.6
RETOLD_NAMES = 3
RETOLD_TEXT = 0.3
# Only a point incident (a bombing, an attack on civilians, an abduction) is told again for days; a
# battle, a protest or a campaign's move at one place days later is another day's incident.
RETOLD_TYPES = frozenset({"Explosions/Remote violence", "Violence against civilians"})
MISPLACED_TEXT = 0.2  # two reports the geocoder placed apart tell one story: shared names and some wording
# ... or one shared rare name, a shared figure and much of the wording (a statement two outlets relay)
MISPLACED_ONE_NAME_TEXT = 0.4
# Event types that often describe one incident from different angles (an attack that is both a
# bombing and a gun battle; a protest that some outlets call a riot).
# A clash between the police and a crowd is a riot to one outlet and fighting to another; a mob's
# attack on people is a riot or violence against civilians.
COMPATIBLE_TYPES = {frozenset({"Battles", "Explosions/Remote violence"}),
                    frozenset({"Battles", "Violence against civilians"}),
                    frozenset({"Explosions/Remote violence", "Violence against civilians"}),
                    frozenset({"Protests", "Riots"}),
                    frozenset({"Battles", "Riots"}),
                    frozenset({"Riots", "Violence against civilians"}),
                    # protesters shot: excessive force against a protest to one outlet, an attack on
                    # civilians to another
                    frozenset({"Protests", "Violence against civilians"})}


@dataclass(slots=True)
class PairScore:
    score: float
    features: dict[str, float]
    veto: str | None = None

    @property
    def linked(self) -> bool:
        return self.veto is None and self.score >= THRESHOLD


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


def day_gap(a: EventFeatures, b: EventFeatures) -> int | None:
    """Days between the two date spans (0 when they overlap); None when a date is unknown."""
    if a.day is None or b.day is None:
        return None
    a_end, b_end = a.day_end or a.day, b.day_end or b.day
    if a_end < b.day:
        return (b.day - a_end).days
    if b_end < a.day:
        return (a.day - b_end).days
    return 0


def _date_sim(gap: int | None, same_spot: bool) -> float:
    """Reports of one incident are dated a day or two apart when some use their publication day."""
    if gap is None:
        return 0.3
    table = SAME_SPOT_DATE_SIM if same_spot else DATE_SIM
    return table.get(gap, 0.0)


def _place_sim(a: EventFeatures, b: EventFeatures) -> tuple[float, str | None]:
    """Similarity of two places and a veto reason when they cannot be one place."""
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return 0.0, "admin1"
    coarse = max(a.precision, b.precision)
    if a.place and a.place == b.place:
        return (1.0 if coarse <= 2 else 0.4), None
    dist = None
    if None not in (a.lat, a.lon, b.lat, b.lon):
        dist = km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
    if coarse >= 3:
        # one side is only known to the province (or only to the country): compatible, weakly informative
        return (PROVINCE_SIM if not (a.admin1 and b.admin1) or a.admin1 == b.admin1 else 0.15), None
    if dist is not None:
        if dist <= SAME_SPOT_KM:
            return 0.8, None
        if a.precision == 1 and b.precision == 1 and dist > CONTRADICT_KM:
            return 0.0, "distance"
        if {a.scope, b.scope} == {"settlement", "spot"} and dist <= WITHIN_TOWN_KM:
            return 0.7, None  # a prison or district and the town around it
        if a.scope == b.scope == "settlement":
            return 0.0, None  # two different towns, however close
        if dist <= NEARBY_KM:
            return 0.3, None  # a district and its city, or two spots of one town
        return 0.0, None  # two named places some way apart: not the same spot
    if a.admin2 and a.admin2 == b.admin2:
        return 0.4, None
    return 0.2, None


def _type_sim(a: EventFeatures, b: EventFeatures) -> float:
    if not a.event_type or not b.event_type:
        return 0.5
    if a.event_type == b.event_type:
        return 1.0
    return 0.5 if frozenset({a.event_type, b.event_type}) in COMPATIBLE_TYPES else 0.0


def _actor_sim(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard overlap of the actors, where a generic name ("militants", "the army") on one side
    matches a named actor of that side on the other (one report says ISIS, another militants)."""
    if not a or not b:
        return 0.5
    inter: float = len(a & b)
    union = len(a | b)
    for mine, theirs in ((a - b, b - a), (b - a, a - b)):
        sides = {actor_side(x) for x in theirs if not generic_side(x)}
        for x in mine:
            side = generic_side(x)
            if side and side in sides:
                inter += GENERIC_MATCH  # a likely match, not a sure one
                union -= 1
    return min(1.0, inter / union) if union > 0 else 1.0


def _jaccard(a: frozenset, b: frozenset, empty: float) -> float:
    if not a or not b:
        return empty
    return len(a & b) / len(a | b)


def _text_sim(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap coefficient of the evidence words: short and long reports of one incident share words."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _tolls_grow(later: EventFeatures, earlier: EventFeatures) -> bool:
    """The later report's toll is not below the earlier one's for any kind both give, nor so far above
    it that it must count something wider (a war's toll to date, a month's)."""
    for kind in GROWING_KINDS:
        new = [v for k, v in later.figures if k == kind]
        old = [v for k, v in earlier.figures if k == kind]
        if new and old and not max(old) <= max(new) <= FOLLOWUP_MAX_GROWTH * max(old):
            return False
    return True


def _telling_figure(a: EventFeatures, b: EventFeatures) -> bool:
    """Both give the same toll, one large enough to tell incidents apart (or two shared figures)."""
    shared = a.figures & b.figures
    return len(shared) >= 2 or any(v >= TELLING_FIGURE for _, v in shared)


def _follows_up(a: EventFeatures, b: EventFeatures, gap: int | None, place: float, type_sim: float,
                actors: float, text: float) -> bool:
    """One side is a later report a few days after the other, at the same place or its province,
    with a compatible type, a toll no lower, and the same actors or words: a follow-up (a raised
    toll), or a report that gives no date of its own (dated by its publication day)."""
    if gap is None or not 1 <= gap <= FOLLOWUP_DAYS or place < PROVINCE_SIM or type_sim <= 0:
        return False
    if gap > 1 and place < SAME_SPOT and not (a.event_type in RETOLD_TYPES and b.event_type in RETOLD_TYPES):
        # a battle or a protest somewhere in a province days later is another day's (RETOLD_TYPES);
        # at one spot (a prison under siege) the same fight may still be going on
        return False
    later, earlier = (a, b) if (a.day or a.day_end) > (b.day_end or b.day) else (b, a)  # type: ignore[operator]
    if not (later.followup or later.undated) or not _tolls_grow(later, earlier):
        return False
    shared_actor = bool(a.actors & b.actors) and actors > 0
    if not later.followup:
        # no word says it follows up: the same place, or the same story told again
        same_place_story = place >= SAME_SPOT and text >= UNDATED_SPOT_TEXT
        return shared_actor and (text >= UNDATED_SAME_TEXT or same_place_story or _telling_figure(a, b))
    return shared_actor or text >= 0.3


def _retold(a: EventFeatures, b: EventFeatures, gap: int | None, place: float, type_sim: float,
            names: int, text: float) -> bool:
    """One report tells the other's incident again days later (republished, or a reaction that names
    it), with its own later date: the same rare names (and wording), a compatible type, the same
    place or province, tolls no lower."""
    if gap is None or not 1 <= gap <= RETOLD_DAYS or place < PROVINCE_SIM or type_sim <= 0:
        return False
    if a.event_type not in RETOLD_TYPES or b.event_type not in RETOLD_TYPES or not names:
        return False
    details = names >= RETOLD_NAMES and text >= RETOLD_TEXT
    if not (text >= RETOLD_COPY_TEXT or _telling_figure(a, b) or details):
        return False
    later, earlier = (a, b) if (a.day or a.day_end) > (b.day_end or b.day) else (b, a)  # type: ignore[operator]
    return _tolls_grow(later, earlier)


def score_pair(a: EventFeatures, b: EventFeatures) -> PairScore:
    """Score a candidate pair; the features dict is what a merge records as its reason."""
    if a.country and b.country and a.country != b.country:
        return PairScore(0.0, {}, "country")
    if a.docs & b.docs and a.member[0] and b.member[0]:
        return PairScore(0.0, {}, "same_article")
    gap = day_gap(a, b)
    names = len(a.names & b.names)
    type_sim = _type_sim(a, b)
    place, veto = _place_sim(a, b)
    misplaced = False
    text = round(_text_sim(a.words, b.words), 3)
    story = ((names >= MANY_NAMES and (text >= MISPLACED_TEXT or a.figures & b.figures))
             or (names >= 1 and a.figures & b.figures and text >= MISPLACED_ONE_NAME_TEXT))
    if veto and story and gap is not None and gap <= 1 and type_sim > 0:
        # the geocoded places disagree, yet both name the same rare places and people on the same day:
        # one report was placed by another place it mentions (a dateline, a town "200 km away")
        place, veto, misplaced = 0.0, None, True
    if veto:
        return PairScore(0.0, {"place": 0.0}, veto)
    shared = len(a.figures & b.figures)
    same_spot = place >= SAME_SPOT
    # one place, and one report covers several days: a running incident (siege, prison attack)
    running = same_spot and ((a.day_end or a.day) != a.day or (b.day_end or b.day) != b.day)
    date = _date_sim(gap, same_spot)
    if running and gap is not None and gap <= FAR_DAYS:
        date = max(date, 0.6)
    actors = _actor_sim(a.actors, b.actors)
    followup = _follows_up(a, b, gap, place, type_sim, actors, text)
    retold = _retold(a, b, gap, place, type_sim, names, text)
    if followup or retold:
        date = max(date, FOLLOWUP_DATE_SIM)
        later = a if a.day and b.day and a.day > b.day else b
        followup = later.followup  # the bonus is for reports that say they follow up
    feats = {
        "date": date,
        "place": place,
        "type": type_sim,
        "actors": actors,
        "figures": min(1.0, 0.6 * shared),
        "text": text,
    }
    score = round(sum(WEIGHTS[k] * v for k, v in feats.items()) + NAME_BONUS * min(names, MANY_NAMES), 3)
    feats["days_apart"] = -1 if gap is None else gap
    if names:
        feats["names"] = float(names)
    if misplaced:
        feats["misplaced"] = 1.0
    if retold:
        feats["retold"] = 1.0
    if followup:
        score = round(score + FOLLOWUP_BONUS, 3)
        feats["followup"] = 1.0
    elif (gap is not None and gap <= 1 and max(a.precision, b.precision) >= 3 and place >= PROVINCE_SIM
          and type_sim == 1.0 and len(a.actors) >= 2 and a.actors == b.actors and text >= SAME_STORY_TEXT):
        # one side does not say where: the same actors, type and words on the same or next day tell it
        score = round(score + SAME_STORY_BONUS, 3)
        feats["same_story"] = 1.0
    if (type_sim == 0.0 and gap is not None and gap <= 1 and not running and text < TYPE_CLASH_TEXT
            and names < MANY_NAMES):
        return PairScore(score, feats, "type")
    if bool(a.country) != bool(b.country) and not (shared or text >= UNPLACED_TEXT):
        # a report that does not say which country: only the same figures or the same words place it
        return PairScore(score, feats, "country_unknown")
    corroborated = same_spot and shared > 0
    # a late report joins only a running incident, a follow-up's incident, or the same place with shared facts
    late_ok = running or corroborated or feats["date"] >= FOLLOWUP_DATE_SIM
    if gap is not None and gap > NEAR_DAYS and (gap > max(FAR_DAYS, RETOLD_DAYS) or not late_ok):
        return PairScore(score, feats, "date")
    if gap is not None and gap >= NEAR_DAYS and corroborated and not running:
        score = round(score + WEIGHTS["date"] * 0.5, 3)  # credit the corroborated late report
    return PairScore(score, feats)
