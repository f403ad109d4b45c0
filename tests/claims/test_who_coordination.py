"""Who a figure counts when the text names two parties together or one of the counted (issue 9/11,
estimates round): the first party of "X and Y" is the group, "one of them" opens a subgroup, and the
dual "others" (آخران) refers back like the plural."""

import pytest

CASES = [
    # two parties counted together: the state's forces named first, not their ally
    ("وأدى الانفجار إلى مقتل 9 من عناصر الجيش والحشد الشعبي في البلدة.", "Military forces"),
    ("قتل 12 من أفراد الشرطة والجيش في الكمين.", "Security forces"),
    # a named group first is kept as before
    ("قتل 6 من عناصر داعش والمسلحين المتحالفين معه.", "Islamic State (ISIS)"),
    # "one of them" is a part of the dead, not their group
    ("وقتل ثلاثة أشخاص أحدهم مسلح في تبادل إطلاق النار.", "Unidentified persons"),
    ("وأسفر الحادث عن إصابة 4 أشخاص أحدهما جندي.", "Unidentified persons"),
]


@pytest.mark.parametrize("text,who", CASES)
def test_who_of_coordinated_and_partitioned_groups(claims_of, text, who):
    assert [c.who for c in claims_of(text)][:1] == [who]


def test_dual_others_counts_the_group_before(claims_of):
    claims = claims_of("قتل ثلاثة جنود في الهجوم على الحاجز. ثم قتل اثنان آخران في كمين على الطريق.")
    assert [(c.kind, c.value, c.who) for c in claims] == [
        ("killed", 3, "Military forces"), ("killed", 2, "Military forces")]


def test_dead_counted_with_their_attacker_are_no_civilian_toll():
    from marsad.extract.who import attacker_among
    from marsad.model import Claim, Event, Span
    from marsad.reconcile.groups import group_names

    text = "قتل ثلاثة أشخاص بينهم المهاجم في هجوم بسكين على سوق المدينة"
    with_attacker = Claim(doc_id="a", kind="killed", value=3, who=None, evidence=text,
                          spans=[Span(0, 15, "قتل ثلاثة أشخاص")])
    named = Claim(doc_id="b", kind="killed", value=2, who="Civilians", evidence="قتل مدنيان")
    ev = Event(event_type="Violence against civilians", actors=["Civilians"])
    out = group_names(ev, [with_attacker, named], {"a": "2020-01-02", "b": "2020-01-01"})
    assert (out[id(with_attacker)], out[id(named)]) == (["Unidentified persons"], ["Civilians"])
    # "one of them" is one of the two attacks here, not one of the injured
    other = Claim(doc_id="c", kind="injured", value=9, evidence="أصيب 9 آخرون في هجومين نفذ أحدهما انتحاري",
                  spans=[Span(0, 6, "أصيب 9")])
    assert not attacker_among(other)
