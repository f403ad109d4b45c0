"""End-to-end (real gazetteer, dates and claims) on realistic sentences from other countries and years:
the crash regression, denied incidents, attacks on worshippers, city-for-government metonymy,
sub-districts named relative to a city, neighbourhoods inside their town, the coalition by theatre."""

from __future__ import annotations

import pytest

from marsad import pipeline
from marsad.model import Article
from marsad.run import process_articles


@pytest.fixture(scope="module")
def nlp():
    return pipeline.build()


def events(nlp, text: str, published: str):
    [result] = process_articles([Article(id="g1", text=text, published=published)], nlp)
    assert result.error is None
    return result.events


def test_toll_headline_and_arrest_do_not_crash(nlp):
    """A headline toll (deaths) next to an arrest once made `Armed clash` a missing score key."""
    text = ("جنين: 12 شهيدا و143 جريحا حصيلة العدوان.. ونزوح 3 آلاف من المخيم\n"
            "اعتقلت قوات الأمن العراقية 30 مطلوبا في الموصل.")
    evs = events(nlp, text, "2023-07-05")
    assert [e.sub_event_type for e in evs] == ["Arrests"]


def test_a_denied_abduction_does_not_type_the_clash(nlp):
    text = ("نفت وزارة الداخلية في حكومة صنعاء اختطاف صحفيين في مأرب. وقتل ثلاثة جنود في اشتباكات مع مسلحين "
            "قبليين في مديرية صرواح بمحافظة مأرب أمس الخميس.")
    [ev] = events(nlp, text, "2019-03-15")
    assert (ev.event_type, ev.sub_event_type) == ("Battles", "Armed clash")
    assert (ev.location, ev.admin1, ev.date) == ("Sirwah", "Ma'rib", "2019-03-14")


def test_denying_responsibility_leaves_the_shelling(nlp):
    text = ("صنعاء تنفي مسؤوليتها عن قصف مأرب\nقتل خمسة مدنيين بينهم طفلان في قصف صاروخي استهدف حيا سكنيا "
            "في مدينة مأرب مساء أمس.")
    [ev] = events(nlp, text, "2019-03-15")
    assert (ev.sub_event_type, ev.admin1, ev.date) == ("Shelling/artillery/missile attack", "Ma'rib",
                                                      "2019-03-14")


@pytest.mark.parametrize("text", [
    "قتل 15 مصليا وأصيب 40 آخرون عندما اقتحم مسلحون مسجدا في بلدة بئر العبد بشمال سيناء وفتحوا النار على "
    "المصلين وفجروا عبوة ناسفة أثناء صلاة الجمعة.",
    "قتل 235 شخصا على الأقل في هجوم استهدف مسجد الروضة في شمال سيناء، حيث فتح مسلحون النار على المصلين "
    "بعد تفجير عبوة ناسفة.",
])
def test_gunmen_and_a_bomb_against_worshippers_is_an_attack(nlp, text):
    [ev] = events(nlp, text, "2017-11-24")
    assert (ev.event_type, ev.sub_event_type, ev.country) == ("Violence against civilians", "Attack", "EGY")
    assert "Civilians (Egypt)" in ev.actors


def test_a_bomb_at_a_checkpoint_stays_an_explosion(nlp):
    text = "قتل ثلاثة جنود في انفجار عبوة ناسفة استهدفت دورية للجيش وأطلق مسلحون النار عليها في العريش."
    [ev] = events(nlp, text, "2017-11-24")
    assert ev.event_type != "Violence against civilians"


def test_the_accusing_and_accused_capitals_are_not_the_site(nlp):
    text = ("دمشق تتهم أنقرة بقصف مواقع في ريف حلب\nقتل سبعة مدنيين في قصف مدفعي تركي على بلدة تل رفعت شمال "
            "حلب اليوم الاثنين.")
    [ev] = events(nlp, text, "2016-02-01")
    assert (ev.country, ev.location, ev.actor1) == ("SYR", "Tell Rifaat", "Military Forces of Turkey")


def test_government_of_a_city_is_not_a_place(nlp):
    from marsad.extract.places import find_places

    doc = nlp("قال المتحدث باسم حكومة صنعاء إن طيران التحالف شن غارات على مديرية صرواح")
    assert [(m.text, m.metonym) for m in find_places(doc)] == [("صنعاء", True), ("مديرية صرواح", False)]


def test_sub_district_beats_the_city_it_lies_south_of(nlp):
    text = "قتل ثلاثة عناصر من الشرطة في هجوم لتنظيم داعش على نقطة تفتيش في ناحية الرشاد جنوب كركوك."
    [ev] = events(nlp, text, "2022-06-10")
    assert (ev.location, ev.admin1, ev.geo_precision) == ("Al-Rashad", "Kirkuk", 2)
    assert {ev.actor1, ev.actor2} == {"Islamic State (ISIS)", "Police Forces of Iraq"}  # police, not army


def test_neighbourhood_far_from_its_named_town_gives_way_to_the_town(nlp):
    text = "استشهد مواطنان في غارة إسرائيلية استهدفت منزلا في حي المسلخ بمدينة النبطية جنوب لبنان."
    [ev] = events(nlp, text, "2023-10-20")
    assert (ev.location, ev.country, ev.sub_event_type) == ("Nabatieh", "LBN", "Air/drone strike")


@pytest.mark.parametrize(("text", "coalition"), [
    ("نفذ التحالف غارات جوية على مواقع لتنظيم داعش في مدينة الرقة، ما أسفر عن مقتل 20 مدنيا.",
     "International coalition against ISIS"),
    ("شن طيران التحالف غارات جوية على مديرية صرواح في محافظة مأرب ما أسفر عن مقتل 4 مدنيين.",
     "Saudi-led coalition"),
])
def test_the_coalition_by_theatre(nlp, text, coalition):
    [ev] = events(nlp, text, "2017-06-10")
    assert ev.actor1 == coalition


def test_a_place_by_a_town_abroad_is_not_the_foreign_homonym(nlp):
    """`صلاح الدين` is an Iraqi name; south of Tripoli it is a Libyan district the gazetteer lacks."""
    text = ("اندلعت اشتباكات عنيفة بين قوات حكومة الوفاق الوطني ومسلحي اللواء السابع في منطقة صلاح الدين "
            "جنوب طرابلس، ما أسفر عن مقتل 12 شخصا.")
    [ev] = events(nlp, text, "2018-09-03")
    assert (ev.country, ev.location, ev.sub_event_type) == ("LBY", "Tripoli", "Armed clash")


def test_a_clash_between_two_named_forces_names_both(nlp):
    text = "اشتبكت قوات الجيش الوطني الليبي مع قوات حكومة الوفاق في محيط مطار طرابلس الدولي."
    [ev] = events(nlp, text, "2019-04-12")
    assert {ev.actor1, ev.actor2} == {"Libyan National Army (LNA)", "Military Forces of Libya"}


def test_a_toll_update_takes_the_day_the_recalled_blast_happened(nlp):
    text = ("ارتفعت حصيلة ضحايا التفجير الذي استهدف حافلة للشرطة في إسطنبول إلى 11 قتيلا.\n"
            "وكان انفجار سيارة مفخخة قد استهدف الحافلة مساء أمس في حي بيازيد.")
    [ev] = events(nlp, text, "2016-06-08")
    assert (ev.date, ev.date_text, ev.location) == ("2016-06-07", "مساء أمس", "Istanbul")


def test_a_recalled_blast_of_last_month_stays_background(nlp):
    text = ("قتل ثلاثة جنود في انفجار عبوة ناسفة استهدف دوريتهم في العريش اليوم.\n"
            "وكان انفجار سيارة مفخخة قد استهدف حاجزا في رفح في 3 مايو الماضي.")
    evs = events(nlp, text, "2016-06-08")
    assert [ev.date for ev in evs if not ev.background] == ["2016-06-08"]


def test_a_denial_headline_leaves_the_lead_incident(nlp):
    """With the headline's only trigger denied, soldiers killed at a checkpoint are still an incident."""
    text = "صنعاء تنفي اختطاف صحفيين\nقتل ثلاثة جنود في هجوم على نقطة تفتيش في مديرية حريب أمس."
    [ev] = events(nlp, text, "2019-03-15")
    assert (ev.event_type, ev.location, ev.date) == ("Battles", "Harib", "2019-03-14")


def test_a_city_liberated_is_the_government_regaining_it(nlp):
    text = "أعلن رئيس الوزراء العراقي حيدر العبادي تحرير مدينة الموصل بالكامل من سيطرة تنظيم داعش."
    [ev] = events(nlp, text, "2017-07-09")
    assert (ev.sub_event_type, ev.location) == ("Government regains territory", "Mosul")
    assert (ev.actor1, ev.actor2) == ("Military Forces of Iraq", "Islamic State (ISIS)")


def test_people_killed_in_fighting_between_unknown_groups_are_no_party(nlp):
    text = "قتل 32 شخصا على الأقل في اشتباكات بين مجموعات مسلحة في العاصمة الليبية طرابلس، وفق وزارة الصحة."
    [ev] = events(nlp, text, "2022-08-28")
    assert (ev.sub_event_type, ev.country) == ("Armed clash", "LBY")
    assert not any(a.startswith("Civilians") for a in ev.actors)


def test_a_town_of_a_separate_incident_does_not_place_the_main_one(nlp):
    text = ("قتل جنديان في هجوم لمسلحين على كمين للجيش في شمال سيناء. وفي حادثة منفصلة، قتل مدني في انفجار "
            "عبوة ناسفة في مدينة العريش.")
    evs = events(nlp, text, "2017-05-02")
    assert [(e.location, e.event_type) for e in evs] == [
        ("North Sinai", "Battles"), ("Al-Arish", "Explosions/Remote violence")]


@pytest.mark.parametrize(("text", "country"), [
    ("قتل أربعة جنود مصريين في انفجار عبوة ناسفة استهدفت مدرعة للجيش في رفح.", "EGY"),
    ("أعلن الجيش المصري مقتل 4 من جنوده في هجوم بمدينة رفح، وقال المتحدث العسكري إن مسلحين هاجموا كمينا "
     "بالعريش.", "EGY"),
    ("استشهد 5 فلسطينيين في غارة إسرائيلية على منزل في رفح جنوب قطاع غزة.", "PSE"),
    ("شنت طائرات إسرائيلية غارة على منزل في رفح.", "PSE"),
])
def test_rafah_by_the_people_and_places_of_the_report(nlp, text, country):
    [ev] = events(nlp, text, "2015-07-23")
    assert (ev.location, ev.country) == ("Rafah", country)


def test_a_jailbreak_in_another_town_is_its_own_incident(nlp):
    text = ("قتل 5 عناصر من قوات الأمن في اشتباكات مع مسلحي داعش في حي الزهور بمدينة الحسكة. "
            "وفي حادثة منفصلة، فر 20 سجينا من سجن في مدينة القامشلي.")
    evs = events(nlp, text, "2022-01-21")
    assert [(e.event_type, e.location) for e in evs] == [
        ("Battles", "Al-Hasakah"), ("Strategic developments", "Al-Qamishli")]


def test_a_jailbreak_amid_fighting_is_a_battle(nlp):
    text = "قتل 12 عنصرا من الحراس في اشتباكات مع مسلحي داعش خلال محاولة الفرار من سجن الحسكة."
    [ev] = events(nlp, text, "2022-01-21")
    assert ev.event_type == "Battles"


def test_forces_named_as_attackers_are_not_the_target(nlp):
    """`هجوم لقوات الدعم السريع على قرية` killing civilians: an attack on civilians, not a clash."""
    text = ("الفاشر - قتل 15 مدنيا في هجوم لقوات الدعم السريع على قرية شقرة غرب مدينة الفاشر "
            "بولاية شمال دارفور، أمس الثلاثاء.")
    [ev] = events(nlp, text, "2023-06-14")
    assert (ev.event_type, ev.sub_event_type) == ("Violence against civilians", "Attack")
    assert ev.date == "2023-06-13"
    assert (ev.actor1, ev.actor2) == ("Rapid Support Forces (RSF)", "Civilians (Sudan)")


def test_the_drone_of_a_strike_names_its_forces(nlp):
    text = ("استشهد ثلاثة مدنيين، بينهم طفلان، في غارة شنتها مسيّرة إسرائيلية على سيارة في بلدة "
            "النبطية الفوقا جنوبي لبنان، مساء الأربعاء.")
    [ev] = events(nlp, text, "2024-02-15")
    assert (ev.actor1, ev.actor2, ev.date) == ("Military Forces of Israel", "Civilians (Lebanon)",
                                               "2024-02-14")


def test_an_opening_dateline_is_not_the_site(nlp):
    text = ("القاهرة - قتل ضابط شرطة وأصيب ثلاثة آخرون أثناء محاولتهم تفكيك عبوة ناسفة بالقرب من مسجد في "
            "مدينة نصر شرق القاهرة، السبت الماضي.")
    [ev] = events(nlp, text, "2019-01-22")
    assert (ev.location, ev.date) == ("Nasr City", "2019-01-19")
    # the bomb went off while it was being defused: an explosion, not a disrupted weapon
    assert ev.sub_event_type == "Remote explosive/landmine/IED"


def test_an_agency_dateline_is_not_the_site(nlp):
    text = ("بغداد (رويترز) - قالت الشرطة إن سيارة ملغومة انفجرت في حي الشعلة شمال غرب العاصمة العراقية "
            "بغداد يوم الخميس مما أسفر عن مقتل سبعة أشخاص.")
    [ev] = events(nlp, text, "2017-03-09")
    assert (ev.location, ev.sub_event_type) == ("Shuala", "Remote explosive/landmine/IED")


def test_gunmen_storming_a_mosque_are_attackers_not_an_armed_target(nlp):
    text = ("قتل 12 مصليا وأصيب 20 آخرون عندما اقتحم عدد من المسلحين مسجدا في قرية بشمال سيناء وأطلقوا النار "
            "على المصلين.")
    [ev] = events(nlp, text, "2018-01-05")
    assert (ev.event_type, ev.sub_event_type) == ("Violence against civilians", "Attack")
    assert ev.actor2 == "Civilians (Egypt)"


def test_gunmen_attacking_a_checkpoint_is_a_battle(nlp):
    [ev] = events(nlp, "قتل 5 جنود في هجوم شنه مسلحون على حاجز للجيش في العريش.", "2018-01-05")
    assert (ev.event_type, ev.actor2) == ("Battles", "Military Forces of Egypt")


def test_a_suicide_truck_bomb_is_a_suicide_bombing(nlp):
    text = ("العراق: 213 قتيلا في تفجير الكرادة وداعش يتبنى\n"
            "ارتفعت حصيلة ضحايا التفجير الانتحاري الذي استهدف حي الكرادة المزدحم وسط بغداد فجر الأحد إلى 213 "
            "قتيلا و200 جريح، بحسب مصادر طبية وأمنية.\n"
            "وتبنى تنظيم داعش الهجوم في بيان نشر على الإنترنت، قائلا إن انتحاريا فجر شاحنة مفخخة.")
    [ev] = events(nlp, text, "2016-07-04")
    assert (ev.sub_event_type, ev.location, ev.date) == ("Suicide bomb", "Karrada", "2016-07-03")
    assert (ev.actor1, ev.actor2) == ("Islamic State (ISIS)", "Civilians (Iraq)")


def test_an_intercepted_missile_is_a_disrupted_attack(nlp):
    text = ("أطلقت جماعة الحوثي صاروخا باليستيا باتجاه العاصمة السعودية الرياض، واعترضته الدفاعات الجوية "
            "السعودية شمال شرق المدينة.")
    [ev] = events(nlp, text, "2017-11-05")
    assert (ev.sub_event_type, ev.actor1) == ("Disrupted weapons use", "Houthis (Ansar Allah)")


def test_a_missile_that_killed_is_a_strike_even_with_others_intercepted(nlp):
    text = ("قتل مدنيان في سقوط صاروخ أطلقه الحوثيون على مدينة جازان، فيما اعترضت الدفاعات الجوية صاروخا "
            "آخر.")
    [ev] = events(nlp, text, "2018-03-26")
    assert ev.sub_event_type == "Shelling/artillery/missile attack"


def test_a_place_inside_an_actor_name_is_not_the_site(nlp):
    """`سرايا القدس` is an armed group, not Jerusalem; Palestinians killed are Civilians."""
    text = ("غزة - استشهد 10 فلسطينيين بينهم قيادي في سرايا القدس وطفلة، وأصيب 55 آخرون في سلسلة غارات "
            "إسرائيلية على قطاع غزة، اليوم الجمعة.")
    [ev] = events(nlp, text, "2022-08-06")
    assert (ev.location, ev.date) == ("Gaza Strip", "2022-08-05")
    assert (ev.actor1, ev.actor2) == ("Military Forces of Israel", "Civilians (Palestine)")


@pytest.mark.parametrize("text", [
    "أحبطت قوات الأمن العراقية هجوما انتحاريا كان يستهدف سوقا شعبيا في كركوك، وقتلت الانتحاري قبل أن يفجر "
    "حزامه الناسف.",
    "فككت فرق الهندسة عبوة ناسفة زرعت على طريق عام في الرمادي.",
])
def test_a_foiled_attack_is_disrupted_weapons_use(nlp, text):
    [ev] = events(nlp, text, "2019-05-01")
    assert (ev.event_type, ev.sub_event_type) == ("Strategic developments", "Disrupted weapons use")
