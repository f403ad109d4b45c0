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
