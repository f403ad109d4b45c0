"""A report that tells several incidents often opens with its total ("19 militants killed" over a raid
that killed 15 and a strike that killed 4): that total is the report's, never one incident's best.
Sentences written for these tests."""

from __future__ import annotations

from marsad.model import Article, Claim, Event
from marsad.reconcile.estimates import reconcile, summed_claims

ISIS, ARMY, POLICE, CIV = ("Islamic State (ISIS)", "Military Forces of Afghanistan",
                           "Police Forces of Afghanistan", "Civilians")


def _claim(doc: str, text: str, needle: str, kind: str, value: int, who: str, index: int) -> Claim:
    start = text.index(needle)
    sentence = next(s for s in text.replace("\n", ".").split(".") if needle in s).strip()
    return Claim(doc_id=doc, kind=kind, value=value, who=who, start=start, end=start + len(needle),
                 evidence=sentence, event_index=index, event_id=f"E{index}")


def _two_attacks():
    text = ("مقتل 11 من قوات الأمن في هجومين شمالي البلاد\n\n"
            "قتل 11 من الجنود ورجال الشرطة في هجومين متزامنين شنهما مسلحون ليلة السبت. "
            "وقال المتحدث إن سبعة جنود قتلوا في الهجوم على نقطة للجيش في الوادي، "
            "بينما قتل أربعة من رجال الشرطة في هجوم آخر على مركز في البلدة.")
    art = Article("a1", text, published="2024-03-02")
    claims = [_claim("a1", text, "11 من الجنود", "killed", 11, ARMY, 0),
              _claim("a1", text, "سبعة جنود", "killed", 7, ARMY, 0),
              _claim("a1", text, "أربعة من رجال الشرطة", "killed", 4, POLICE, 1)]
    return art, claims


def test_a_total_over_two_incidents_is_neither_incident_s_best():
    art, claims = _two_attacks()
    assert summed_claims(claims) == {id(claims[0])}
    post, station = Event(event_id="E0", event_type="Battles"), Event(event_id="E1", event_type="Battles")
    reconcile([post, station], claims, {art.id: art})
    army = next(e for e in post.estimates if e.kind == "killed")
    assert (army.who, army.best, army.low, army.high) == (ARMY, 7, 7, 7)
    assert [(o["value"], o["outlier"]) for o in army.outliers] == [(11, "sum of incidents")]
    assert [(e.who, e.best) for e in station.estimates] == [(POLICE, 4)]


def test_a_subgroup_or_an_arrest_count_is_no_part_of_a_sum():
    text = ("قتل 43 شخصا على الأقل في القصف بينهم سبعة أطفال. وفي منطقة أخرى قتل 36 شخصا في غارات. "
            "واعتقلت الشرطة 12 شخصا، منهم خمسة في المدينة وسبعة في الريف.")
    claims = [_claim("b1", text, "43 شخصا", "killed", 43, CIV, 0),
              _claim("b1", text, "سبعة أطفال", "killed", 7, "Children", 0),
              _claim("b1", text, "36 شخصا", "killed", 36, CIV, 1),
              _claim("b1", text, "12 شخصا", "arrested", 12, "Unidentified persons", 0),
              _claim("b1", text, "خمسة", "arrested", 5, "Unidentified persons", 0),
              _claim("b1", text, "وسبعة", "arrested", 7, "Unidentified persons", 1)]
    # 43 = 36 + 7 only by counting the children inside the toll; 12 arrests are one announcement
    assert summed_claims(claims) == set()


def test_a_figure_of_a_round_up_lead_is_its_total_whatever_its_parts():
    text = ("قتل 31 شخصا في هجمات متفرقة شنها مسلحون في ثلاث محافظات. "
            "ففي كركوك قتل 12 شخصا بتفجير سيارة مفخخة.")
    claims = [_claim("c1", text, "31 شخصا", "killed", 31, CIV, 0),
              _claim("c1", text, "12 شخصا", "killed", 12, CIV, 0)]
    assert summed_claims(claims) == {id(claims[0])}  # the items told (12) need not add up to it
