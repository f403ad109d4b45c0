"""Incidents of an article: several incidents, background history, the event's place and date,
normalised actors, and which incident each claim belongs to. Sentences are from real reports."""

from __future__ import annotations

import pytest

SURUC_KOBANI = (
    "32 قتيلاً في هجومين انتحاريين على جانبي الحدود التركية - السورية\n\n"
    "ندد الرئيس التركي رجب طيب أردوغان بالهجوم الانتحاري الذي أوقع أمس 30 قتيلاً على الأقل ومئة جريح "
    "في مدينة سوروتش التركية قرب الحدود السورية. "
    "وقال في مؤتمر صحافي عقده في انقرة «ان العناصر الاولى للتحقيق تكشف ان التفجير ناجم عن اعتداء "
    "انتحاري قام به داعش» في اشارة الى تسمية سابقة مختصرة للتنظيم. "
    "وكانت كوباني مسرحا لواحدة من أكبر المعارك ضد تنظيم داعش العام الماضي. "
    "وبالتزامن مع هجوم سوروتش فجر انتحاري نفسه امس في سيارة مفخخة في جنوب مدينة كوباني السورية، "
    "مشيرا الى مقتل عنصرين من الوحدات."
)
SURUC_DATES = {"أمس": ("2015-07-20", "2015-07-20"), "امس": ("2015-07-20", "2015-07-20"),
               "bg:العام الماضي": ("2014-01-01", "2014-12-31")}


def test_two_incidents_in_two_countries(run_events):
    doc = run_events(SURUC_KOBANI, published="2015-07-21", dates=SURUC_DATES,
                     claims=[("30 قتيلاً", "killed", 30, "Civilians"),
                             ("عنصرين من الوحدات", "killed", 2, "People's Protection Units (YPG)")])
    evs = doc._.events
    assert [(e.country, e.location, e.date) for e in evs] == [
        ("TUR", "Suruc", "2015-07-20"), ("SYR", "Ayn al Arab", "2015-07-20")]
    assert [e.sub_event_type for e in evs] == ["Suicide bomb", "Suicide bomb"]
    # each claim points at its own incident
    assert [c.event_index for c in doc._.claims] == [0, 1]


def test_press_conference_city_and_history_are_not_incidents(run_events):
    """Ankara (where a statement was made) and last year's battle for Kobani are no events."""
    text = SURUC_KOBANI[:SURUC_KOBANI.index("وبالتزامن")]
    doc = run_events(text, published="2015-07-21", dates=SURUC_DATES)
    assert [(e.country, e.location) for e in doc._.events] == [("TUR", "Suruc")]


def test_earlier_incident_after_ghadat_is_its_own_event(run_events):
    """`وذلك غداة تفجير الفحيص ... يوم الجمعة`: the Friday bombing in Fuheis is a second incident."""
    text = ("مقتل رجال أمن أردنيين بمداهمة ضد إرهابيين في السلط\n\n"
            "قتل ثلاثة من رجال الأمن، السبت، في مداهمة لموقع في مدينة السلط غربي العاصمة عمان تحصن فيه "
            "مسلحون وفجروا منزلا، وذلك غداة تفجير الفحيص الذي استهدف دورية للدرك الأردني راح ضحيته رجل أمن "
            "يوم الجمعة.")
    doc = run_events(text, published="2018-08-11",
                     dates={"السبت": ("2018-08-11", "2018-08-11"), "الجمعة": ("2018-08-10", "2018-08-10")})
    got = [(e.location, e.date, e.event_type) for e in doc._.events]
    assert got == [("Salt", "2018-08-11", "Battles"), ("Fuheis", "2018-08-10", "Explosions/Remote violence")]


def test_event_place_is_the_site_not_the_reference_city(run_events):
    """`في مدينة السلط غربي العاصمة عمان`: Salt, not Amman."""
    text = "قتل ثلاثة من رجال الأمن في مداهمة لموقع في مدينة السلط غربي العاصمة عمان تحصن فيه مسلحون"
    doc = run_events(text, published="2018-08-11")
    assert doc._.events[0].location == "Salt"
    assert doc._.events[0].geo_precision == 1


def test_province_only_gives_region_precision(run_events):
    text = "مقتل 11 جنديا في هجوم لداعش على موقع للجيش العراقي في محافظة ديالى"
    ev = run_events(text, published="2022-01-21")._.events[0]
    assert (ev.country, ev.location, ev.geo_precision) == ("IRQ", "Diyala", 3)


def test_province_alone_is_placed_at_its_capital(run_events):
    """ACLED codes an event known only by its province at the province capital's coordinates."""
    text = "مقتل صالح الصماد في غارة جوية للتحالف على محافظة الحديدة غرب اليمن"
    ev = run_events(text, published="2018-04-23")._.events[0]
    assert (ev.location, ev.geo_precision) == ("Al Hudaydah", 3)
    # the city's coordinates, not the province centroid (14.95, 43.35)
    assert (ev.latitude, ev.longitude) == (pytest.approx(14.80, abs=0.02), pytest.approx(42.95, abs=0.02))


def test_date_defaults_to_publication(run_events):
    text = "مقتل خمسة مدنيين بقصف مدفعي على أطراف عفرين"
    ev = run_events(text, published="2018-03-17")._.events[0]
    assert (ev.date, ev.date_end) == ("2018-03-17", "2018-03-17")


def test_incident_date_not_the_date_it_was_announced(run_events):
    """`أعلن الحوثيون، الإثنين، مقتل ... في غارة ... الخميس`: the strike was on Thursday."""
    text = ("الحوثيون يعلنون مقتل رئيس المجلس السياسي بغارة للتحالف العربي\n\n"
            "أعلن الحوثيون، الإثنين، عن مقتل رئيس ما يسمى بالمجلس السياسي الأعلى، صالح الصماد، والذي قتل في "
            "غارة جوية للتحالف العربي، الخميس.")
    doc = run_events(text, published="2018-04-23",
                     dates={"الإثنين": ("2018-04-23", "2018-04-23"), "الخميس": ("2018-04-19", "2018-04-19")})
    assert doc._.events[0].date == "2018-04-19"


def test_same_place_other_day_is_another_incident(run_events):
    """Afrin on Saturday, and the Friday strike on its hospital: two incidents, one place."""
    text = ("11 قتيلاً مدنياً في قصف جوي تركي على مدينة عفرين\n\n"
            "قُتل 11 مدنياً، السبت، في غارة تركية استهدفت مدينة عفرين.\n"
            "وقتل مساء الجمعة 16 مدنياً في غارة تركية استهدفت بشكل مباشر المستشفى الوحيد في مدينة عفرين.")
    doc = run_events(text, published="2018-03-17",
                     dates={"السبت": ("2018-03-17", "2018-03-17"), "الجمعة": ("2018-03-16", "2018-03-16")},
                     claims=[("11 مدنياً،", "killed", 11, "Civilians"),
                             ("16 مدنياً", "killed", 16, "Civilians")])
    assert [(e.location, e.date) for e in doc._.events] == [("Afrin", "2018-03-17"), ("Afrin", "2018-03-16")]
    assert [c.event_index for c in doc._.claims] == [0, 1]


def test_background_claims_belong_to_no_incident(run_events):
    text = ("مقتل خمسة مدنيين بقصف مدفعي على أطراف عفرين\n\n"
            "وكانت المدينة قد شهدت في مارس 2017 قصفا أدى إلى مقتل 20 مدنيا.")
    doc = run_events(text, published="2018-03-17", dates={"bg:مارس 2017": ("2017-03-01", "2017-03-31")},
                     claims=[("خمسة مدنيين", "killed", 5, "Civilians"),
                             ("20 مدنيا", "killed", 20, "Civilians")])
    assert len(doc._.events) == 1
    assert [c.event_index for c in doc._.claims] == [0, None]


def test_actors_normalised_across_spellings(run_events):
    """داعش and تنظيم الدولة are one actor; the forces it fought are the other."""
    text = ("اشتباكات بين قوات سوريا الديمقراطية وتنظيم الدولة في الحسكة\n\n"
            "اندلعت اشتباكات عنيفة بين قسد ومسلحي داعش في محيط سجن الحسكة.")
    ev = run_events(text, published="2022-01-21")._.events[0]
    assert sorted(ev.actors) == ["Islamic State (ISIS)", "Syrian Democratic Forces (SDF)"]
    assert {ev.inter1, ev.inter2} == {2} and ev.interaction == 22


def test_separate_attack_in_another_country_opens_an_incident(run_events):
    """`بالتوازي مع هجوم آخر للتنظيم في محافظة ديالى بالعراق، أسفر عن مقتل 11 جنديا`: a generic word, but
    marked as another attack, elsewhere, with casualties; the group is the one the article is about."""
    text = ("هاجمت عناصر من داعش سجن الحسكة السورية، حيث أسفر الهجوم عن مقتل 7 من الحراس.\n"
            "بدأ الهجوم بانفجار سيارة مفخخة خارج السجن ثم هاجمت عناصر من داعش القوات التي تحرس السجن.\n"
            "وقال قائد القوات إنهم صدوا الهجوم.\n"
            "وتأتي تلك الهجمات بالتوازي مع هجوم آخر للتنظيم في محافظة ديالى بالعراق، أسفر عن مقتل 11 جنديا.")
    doc = run_events(text, published="2022-01-22",
                     claims=[("7 من الحراس", "killed", 7, "Prison staff"),
                             ("11 جنديا", "killed", 11, "Military forces")])
    evs = doc._.events
    assert [(e.country, e.location) for e in evs] == [("SYR", "Al-Hasakah"), ("IRQ", "Diyala")]
    assert evs[1].event_type == "Battles"
    assert "Islamic State (ISIS)" in evs[1].actors and "Military Forces of Iraq" in evs[1].actors
    assert [c.event_index for c in doc._.claims] == [0, 1]


def test_dateline_city_is_not_the_place(run_events):
    """`عمان، الأردن (CNN) --`: the city the report was filed from is not where it happened."""
    text = ("مقتل ثلاثة من رجال الأمن في مداهمة بالسلط\n\n"
            "عمان، الأردن (CNN) -- قتل ثلاثة من رجال الأمن في مداهمة لموقع تحصن فيه مسلحون.")
    ev = run_events(text, published="2018-08-11")._.events[0]
    assert ev.location == "Salt"


def test_nationality_adjective_is_not_a_place_and_names_the_attacker(run_events):
    """`غارة تركية`: Turkish forces struck; no place is called `تركية`."""
    text = "11 قتيلاً مدنياً في غارة تركية على مدينة عفرين"
    doc = run_events(text, published="2018-03-17", claims=[("11 قتيلاً مدنياً", "killed", 11, "Civilians")])
    ev = doc._.events[0]
    assert (ev.country, ev.location) == ("SYR", "Afrin")
    assert ev.actor1 == "Military Forces of Turkey" and ev.actor2 == "Civilians (Syria)"
    assert (ev.inter1, ev.inter2, ev.interaction) == (8, 7, 78)


def test_yesterday_dates_an_undated_incident(run_events):
    """No date in the lead, `أمس الاثنين` further down: the incident is dated the day before."""
    text = ("خطف أربعة إيطاليين في ليبيا\n\n"
            "قالت وزارة الخارجية الإيطالية إن أربعة مواطنين إيطاليين خطفوا في ليبيا.\n"
            "وأضافت في بيان صدر أمس الاثنين أن الأربعة موظفون في شركة للبناء.")
    doc = run_events(text, published="2015-07-21", dates={"أمس الاثنين": ("2015-07-20", "2015-07-20")})
    assert doc._.events[0].date == "2015-07-20"


def test_verbal_attack_is_no_event(run_events):
    """`شن هجوما حادا على المعارضة`: a generic word of conflict, nobody hurt."""
    text = "الرئيس التركي يشن هجوما حادا على المعارضة في انقرة\n\nوقال أردوغان إن المعارضة تعرقل عمل الحكومة."
    assert run_events(text, published="2015-07-21")._.events == []


def test_related_report_from_a_nearby_town_is_another_incident(run_events):
    """`وفي سياق متصل` and another town of the same province: shelling of Sarmin, a Russian strike
    on Ariha; each incident keeps its own type, attacker and claims."""
    text = ("قصف مدفعي لقوات النظام على ريف إدلب\n\n"
            "قتل ثلاثة مدنيين، اليوم الاثنين، جراء قصف مدفعي لقوات النظام السوري على بلدة سرمين.\n"
            "وفي سياق متصل، قتل طفلان في غارة جوية روسية على مدينة أريحا.")
    doc = run_events(text, published="2020-02-10", dates={"اليوم الاثنين": ("2020-02-10", "2020-02-10")},
                     claims=[("ثلاثة مدنيين", "killed", 3, "Civilians"), ("طفلان", "killed", 2, "Children")])
    got = [(e.location, e.sub_event_type, e.actor1) for e in doc._.events]
    assert got == [("Sarmin", "Shelling/artillery/missile attack", "Military Forces of Syria"),
                   ("Ariha", "Air/drone strike", "Military Forces of Russia")]
    assert [c.event_index for c in doc._.claims] == [0, 1]


def test_protesters_killed_is_excessive_force(run_events):
    text = ("مقتل متظاهرين في بغداد\n\n"
            "قتل ثلاثة متظاهرين برصاص قوات الأمن خلال تظاهرات وسط بغداد، وفق مصادر طبية.")
    doc = run_events(text, published="2019-10-05", claims=[("ثلاثة متظاهرين", "killed", 3, "Protesters")])
    ev = doc._.events[0]
    assert (ev.event_type, ev.sub_event_type) == ("Protests", "Excessive force against protesters")
    assert ev.disorder_type == "Political violence; Demonstrations"
    # security forces at home: the police; protesters with the country, as ACLED names them
    assert set(ev.actors) == {"Police Forces of Iraq", "Protesters (Iraq)"}


def test_protesters_wounded_by_gunfire_is_excessive_force(run_events):
    """Protesters hurt in a clause that says they were shot: excessive force, though nobody died."""
    text = ("جرحى في احتجاجات الكوت\n\n"
            "أصيب سبعة محتجين بالرصاص الحي أمام مبنى المحافظة في الكوت اليوم الأحد، وفق مصادر طبية.")
    doc = run_events(text, published="2018-07-22", claims=[("سبعة محتجين", "injured", 7, "Protesters")])
    assert [(e.event_type, e.sub_event_type) for e in doc._.events] == [
        ("Protests", "Excessive force against protesters")]


def test_tear_gas_without_casualties_is_intervention(run_events):
    text = ("تفريق اعتصام في عمان\n\n"
            "اعتصم مئات المعلمين أمام وزارة التربية في عمان، "
            "وأطلقت الشرطة الغاز المسيل للدموع لتفريق المتظاهرين.")
    doc = run_events(text, published="2018-06-05")
    got = [(e.event_type, e.sub_event_type) for e in doc._.events]
    assert got == [("Protests", "Protest with intervention")]


def test_peaceful_march_stays_peaceful(run_events):
    text = ("مسيرة في الرباط\n\n"
            "تظاهر آلاف المغاربة في الرباط اليوم الأحد تضامنا مع المعتقلين، "
            "ورفعوا لافتات تطالب بالإفراج عنهم.")
    doc = run_events(text, published="2018-06-10")
    got = [(e.event_type, e.sub_event_type) for e in doc._.events]
    assert got == [("Protests", "Peaceful protest")]


def test_running_toll_of_a_protest_movement_is_not_its_day(run_events):
    """`منذ بدء الاحتجاجات أصيب ... برصاص`: the movement's toll, not today's march (tear gas today)."""
    text = ("تظاهرات جديدة في الخرطوم\n\n"
            "تظاهر مئات السودانيين في الخرطوم اليوم الخميس "
            "وأطلقت الشرطة الغاز المسيل للدموع لتفريق المتظاهرين.\n"
            "ومنذ بدء الاحتجاجات أصيب 40 شخصا برصاص قوات الأمن.")
    doc = run_events(text, published="2018-12-27",
                     claims=[("40 شخصا", "injured", 40, "Unidentified persons")])
    got = [(e.event_type, e.sub_event_type) for e in doc._.events]
    assert got == [("Protests", "Protest with intervention")]


def test_suspects_of_an_earlier_bombing_do_not_date_the_raid(run_events):
    """`مجموعة يشتبه بضلوعها في هجوم ... الجمعة`: Friday belongs to the earlier attack; the raid is
    dated by its own report (Sunday), and the Friday bombing recalled below is its own incident."""
    text = ("الأردن: انتشال جثث ثلاثة إرهابيين والقبض على خمسة آخرين في عملية مداهمة بالسلط\n\n"
            "أعلنت السلطات الأردنية الأحد مقتل ثلاثة إرهابيين واعتقال خمسة آخرين خلال مداهمة قوات أمنية "
            "لمبنى "
            "تحصنت فيه مجموعة يشتبه بضلوعها في هجوم استهدف دورية أمنية الجمعة.\n"
            "وقال مسؤول إن العملية انتهت.\n"
            "وكانت وزارة الداخلية الأردنية قد أعلنت السبت مقتل رجل أمن وجرح ستة آخرين الجمعة في انفجار عبوة "
            "ناسفة زرعت تحت حافلة للدرك في الفحيص.")
    doc = run_events(text, published="2018-08-12",
                     dates={"الأحد": ("2018-08-12", "2018-08-12"), "السبت": ("2018-08-11", "2018-08-11"),
                            "الجمعة": ("2018-08-10", "2018-08-10")},
                     claims=[("ثلاثة إرهابيين", "killed", 3, "Militants"),
                             ("رجل أمن", "killed", 1, "Security forces")])
    got = [(e.location, e.date, e.event_type) for e in doc._.events]
    assert got == [("Salt", "2018-08-12", "Battles"),
                   ("Fuheis", "2018-08-10", "Explosions/Remote violence")]
    assert [c.event_index for c in doc._.claims] == [0, 1]


def test_suspicion_clause_dates_the_bombing_the_headline_names(run_events):
    """`اعتقال مشتبه بهم بتفجير جنين` ... `المشتبه بتورطهم في تفجير وقع السبت`: the suspects' bombing is
    the headline's own bombing, so Saturday dates it (one event), not the day the arrests were told."""
    text = ("الشرطة تعتقل عددا من المشتبه بهم بتفجير جنين\n\n"
            "أفادت الشرطة، اليوم، بأن عددا من "
            "المشتبه بتورطهم في تفجير وقع السبت في المدينة، أوقع ثلاثة قتلى من عناصرها، اعتقلوا.\n"
            "وكان التفجير قد استهدف دورية عند مدخل جنين.")
    doc = run_events(text, published="2018-05-15",
                     dates={"اليوم": ("2018-05-15", "2018-05-15"), "السبت": ("2018-05-12", "2018-05-12")},
                     claims=[("ثلاثة قتلى", "killed", 3, "Police")])
    got = [(e.location, e.date, e.event_type) for e in doc._.events]
    assert got == [("Jenin", "2018-05-12", "Explosions/Remote violence")]


def test_after_clause_names_another_incident_not_the_date_of_this_one(run_events):
    """`بعد يوم من تفجير ...`: by its words an earlier incident, so its day does not date the new one."""
    text = ("تفجير في جنين بعد يوم من هجوم في السلط\n\n"
            "قتل شرطيان في تفجير عبوة ناسفة استهدف دورية في جنين، "
            "بعد يوم من تفجير عبوة ناسفة قرب مركز شرطة في السلط الأحد.")
    doc = run_events(text, published="2018-05-14",
                     dates={"الأحد": ("2018-05-13", "2018-05-13")},
                     claims=[("شرطيان", "killed", 2, "Police")])
    got = [(e.location, e.date) for e in doc._.events]
    assert got[0] == ("Jenin", "2018-05-14")


def test_a_generic_verb_with_its_own_day_dates_an_incident_told_days_later(run_events):
    """`أكدت الحكومة الأحد فقدان طلاب بعد هجوم` is dated only by the statement; `ومساء الخميس، فر
    الطلاب حين اقتحم مسلحون المدرسة` narrates the attack with its day: the event is Thursday's."""
    text = ("الحكومة تؤكد فقدان 20 طالبا بعد هجوم على مدرستهم\n\n"
            "أكدت الحكومة الأحد أن 20 طالبا ما زالوا مفقودين بعد هجوم على مدرستهم في جنين.\n"
            "وقال وزير الداخلية إن قوات إضافية أرسلت إلى المنطقة للبحث عنهم.\n"
            "ومساء الخميس، فر الطلاب من المدرسة حين اقتحم مسلحون المبنى.")
    doc = run_events(text, published="2018-05-13",
                     dates={"الأحد": ("2018-05-13", "2018-05-13"),
                            "مساء الخميس": ("2018-05-10", "2018-05-10")},
                     claims=[("20 طالبا ما", "missing", 20, "Students")])
    assert [(e.location, e.date) for e in doc._.events] == [("Jenin", "2018-05-10")]


def test_another_strike_in_the_same_sentence_is_its_own_incident(run_events):
    """`... موضحا أن الطائرات نفذت ضربة أخرى في أريحا`: another strike told inside the sentence of the
    first one, at another town, is another incident with its own figure, and a strike like the first
    though the clause names no weapon of its own (its dead are of no armed side)."""
    text = ("غارات جوية على سرمين\n\n"
            "قال الدفاع المدني إن طائرات حربية شنت غارة جوية على سوق في سرمين أسفرت عن مقتل 6 مدنيين، "
            "موضحا أن الطائرات نفذت ضربة أخرى في أريحا أدت إلى مقتل 3 أشخاص.")
    doc = run_events(text, published="2018-03-17",
                     claims=[("6 مدنيين", "killed", 6, "Civilians"), ("3 أشخاص", "killed", 3, None)])
    evs = doc._.events
    assert [e.location for e in evs] == ["Sarmin", "Ariha"]
    assert [e.sub_event_type for e in evs] == ["Air/drone strike", "Air/drone strike"]
    assert [c.event_index for c in doc._.claims] == [0, 1]


def test_a_part_of_a_toll_over_several_provinces_is_its_own_incident(run_events):
    """A lead counting the dead over two provinces (`في سرمين وعفرين`) is a round-up: a later sentence giving
    fewer dead of it at a town of its own (`مقتل 12 منهم جراء استهداف مقر في مدينة كوباني`), though its word
    of violence is generic, is another incident. With one place in the lead, the same sentence stays a
    side remark about somewhere else."""
    def run(lead_places: str):
        text = ("مقتل 30 مسلحا بغارات للتحالف\n\n"
                "قال المرصد إن 30 من مسلحي التنظيم قتلوا في غارات للتحالف على مواقعهم في "
                f"{lead_places} خلال يومين.\n"
                "وأضاف أن بين القتلى قادة ميدانيين.\n"
                "وأشار المرصد إلى مقتل 12 منهم جراء استهداف مقر لهم في مدينة كوباني.")
        return run_events(text, published="2018-03-17",
                          claims=[("30 من مسلحي", "killed", 30, "Militants"),
                                  ("12 منهم", "killed", 12, "Militants")])
    doc = run("سرمين وعفرين")
    assert [e.location for e in doc._.events] == ["Sarmin", "Ayn al Arab"]
    assert [c.event_index for c in doc._.claims] == [0, 1]
    doc = run("سرمين")
    assert [e.location for e in doc._.events] == ["Sarmin"]
    assert [c.event_index for c in doc._.claims] == [0, None]
