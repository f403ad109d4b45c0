"""A bare total (no group noun of its own) counts people in general: it never borrows the group of a
figure in another sentence, of a subgroup (بينهم N أطفال), of the source or of the attacker."""

import pytest

UNIDENTIFIED = "Unidentified persons"


def _who(claims_of, text):
    return [(c.kind, c.value, c.who) for c in claims_of(text)]


def test_total_does_not_borrow_from_an_earlier_sentence(claims_of):
    text = "قتل خمسة جنود سودانيين في الهجوم على المعسكر. وارتفعت حصيلة القتلى إلى 64."
    assert _who(claims_of, text) == [("killed", 5, "Military Forces of Sudan"), ("killed", 64, UNIDENTIFIED)]


def test_toll_after_a_group_in_the_same_sentence_is_the_whole_toll(claims_of):
    text = "قتل ثلاثة جنود، لترتفع حصيلة القتلى في المنطقة إلى 41."
    assert _who(claims_of, text)[1] == ("killed", 41, UNIDENTIFIED)


def test_injured_after_a_children_subgroup_keep_the_generic_group(claims_of):
    text = "ارتفع عدد الشهداء إلى 15 بينهم 6 أطفال، فيما أصيب 87."
    assert _who(claims_of, text) == [("killed", 15, UNIDENTIFIED), ("killed", 6, "Children"),
                                     ("injured", 87, UNIDENTIFIED)]


def test_injured_joined_by_waw_after_a_subgroup_of_another_kind(claims_of):
    text = "ارتفع عدد الشهداء إلى 15 بينهم 6 أطفال وأصيب 87."
    assert _who(claims_of, text)[2] == ("injured", 87, UNIDENTIFIED)


def test_martyrs_without_a_group_are_not_children(claims_of):
    text = "استشهد طفلان في القصف على المخيم. وارتفع عدد الشهداء منذ الصباح إلى 23."
    assert _who(claims_of, text) == [("killed", 2, "Children"), ("killed", 23, UNIDENTIFIED)]


def test_a_subgroup_in_a_min_phrase_is_its_own_claim(claims_of):
    text = "ارتفع عدد الضحايا إلى 19 بينهم 7 من الأطفال."
    assert _who(claims_of, text) == [("killed", 19, UNIDENTIFIED), ("killed", 7, "Children")]


def test_figure_after_a_source_naming_health_workers(claims_of):
    text = "أعلنت لجنة أطباء السودان مقتل 3 من الكوادر الطبية. وأصيب 112، بحسب اللجنة."
    assert _who(claims_of, text) == [("killed", 3, "Health workers"), ("injured", 112, UNIDENTIFIED)]


@pytest.mark.parametrize("text", [
    "ارتفعت حصيلة القتلى إلى 73 قتيلا جراء المعارك بين الجيش السوداني وقوات الدعم السريع.",
    "ارتفعت حصيلة القتلى إلى 73 قتيلا في هجمات شنتها القوات المسلحة السودانية.",
    "قتل 73 بنيران قوات الدعم السريع في الفاشر.",
    "حصيلة الاشتباكات في طرابلس بلغت 73 قتيلا بحسب وزارة الصحة الليبية.",
    "وقالت نقابة أطباء السودان إن 73 أصيبوا في القصف.",
])
def test_named_party_or_source_is_not_the_group_of_a_bare_total(claims_of, text):
    assert [c.who for c in claims_of(text)][:1] == [UNIDENTIFIED]


def test_a_figure_listed_with_a_group_still_shares_it(claims_of):
    assert _who(claims_of, "قتل 4 مدنيين في الغارة، وأصيب 11.") == [("killed", 4, "Civilians"),
                                                                   ("injured", 11, "Civilians")]


@pytest.mark.parametrize("text", [
    "قتل 9 أشخاص من قبل قوات الدعم السريع في القرية.",
    "قتل 9 أشخاص وفق الجيش السوداني.",
    "أصيب 9 أشخاص بحسب قوات الدعم السريع.",
    "قتل 9 أشخاص خلال مواجهات مع الجيش السوداني.",
    "قتل 9 أشخاص إثر استهداف الحوثيين لحي سكني في تعز.",
    "قتل 9 أشخاص بقذائف أطلقتها قوات الدعم السريع.",
    "قتل 9 أشخاص بينهم عناصر من الجيش.",
])
def test_people_are_not_the_attacker_the_source_or_a_subgroup(claims_of, text):
    assert [c.who for c in claims_of(text)][:1] == [UNIDENTIFIED]


def test_gunmen_of_a_named_group_are_that_group(claims_of):
    assert [c.who for c in claims_of("قتل 9 مسلحين من الحوثيين في الغارة.")] == ["Houthis (Ansar Allah)"]
    assert [c.who for c in claims_of("قتل 9 مسلحين في الغارة.")] == ["Unidentified Armed Group"]


@pytest.mark.parametrize("text", [
    "أصيب 198 شخصا في إحصائية للجنة أطباء السودان.",
    "أصيب 198 شخصا في حصيلة لنقابة الأطباء.",
])
def test_doctors_named_as_a_body_are_not_the_injured(claims_of, text):
    assert [c.who for c in claims_of(text)] == [UNIDENTIFIED]


def test_doctors_union_is_a_source_and_doctors_are_still_a_group(claims_of):
    c = claims_of("قالت شبكة أطباء السودان إن 40 شخصا قتلوا.")[0]
    assert (c.who, c.source) == (UNIDENTIFIED, "شبكة أطباء السودان")
    assert [c.who for c in claims_of("أصيب 6 أشخاص من الأطباء.")] == ["Health workers"]
    assert [c.who for c in claims_of("قتل 3 أطباء في القصف.")] == ["Health workers"]


def test_others_under_the_same_verb_are_other_people(claims_of):
    assert _who(claims_of, "قتل 6 أطفال و11 آخرين في الغارة.") == [("killed", 6, "Children"),
                                                                  ("killed", 11, UNIDENTIFIED)]
    # a verb of their own: the same group as the figure before (رجل أمن وجرح ستة آخرين)
    assert _who(claims_of, "قتل 6 جنود وجرح 11 آخرين.")[1] == ("injured", 11, "Military forces")


@pytest.mark.parametrize("text,who", [
    # the country's army named as the attacker does not make the soldiers its own
    ("قتل 4 جنود في قصف للجيش الإسرائيلي على موقع حدودي.", "Military forces"),
    ("قتل 4 عسكريين في هجوم شنه الجيش السوداني على معسكر.", "Military forces"),
    ("قتل 4 جنود بنيران الجيش الإسرائيلي.", "Military forces"),
    # named as the target or as the speaker, it is still theirs
    ("قتل 4 جنود في قصف إسرائيلي على موقع للجيش اللبناني.", "Military Forces of Lebanon"),
    ("قتل 4 جنود في هجوم على الجيش السوداني.", "Military Forces of Sudan"),
    ("قال الجيش السوداني إن 4 جنود قتلوا.", "Military Forces of Sudan"),
])
def test_soldiers_take_the_country_of_the_target_not_of_the_attacker(claims_of, text, who):
    assert [c.who for c in claims_of(text)] == [who]


@pytest.mark.parametrize("text,who", [
    ("ارتفع عدد قتلى الجيش السوداني في المعارك إلى 16.", "Military Forces of Sudan"),
    ("ارتفعت حصيلة القتلى في صفوف قوات الدعم السريع إلى 16 قتيلا.", "Rapid Support Forces (RSF)"),
    ("ارتفع عدد القتلى المدنيين إلى 16.", "Civilians"),
    # the victims of a party, or an attack a party made, do not name the group
    ("ارتفعت حصيلة ضحايا الدعم السريع إلى 16.", UNIDENTIFIED),
    ("ارتفعت حصيلة ضحايا القصف الذي شنته قوات الدعم السريع إلى 16 قتيلا.", UNIDENTIFIED),
    ("ارتفع عدد الشهداء إلى 16 في غزة.", UNIDENTIFIED),
])
def test_group_named_inside_the_toll(claims_of, text, who):
    assert [c.who for c in claims_of(text)] == [who]


@pytest.mark.parametrize("text,who", [
    ("قتل 7 عناصر من القوات السودانية في الهجوم.", "Military Forces of Sudan"),
    ("أسفرت الاشتباكات عن 7 قتلى من أفراد القوات اليمنية.", "Military Forces of Yemen"),
    ("قتل 7 عناصر من القوات في الهجوم.", "Fighters"),
])
def test_members_of_forces_of_a_nationality(claims_of, text, who):
    assert [c.who for c in claims_of(text)] == [who]
