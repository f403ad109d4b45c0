"""Relevance: reports that narrate a current incident keep their event; reports that talk about one
(a statement, a trial, a weapons test, an anniversary, a sport "battle", a disaster) produce none, and
say why. The reports are written for these tests in the style of the feeds, not taken from a gold set.
The whole pipeline runs (real claims, dates and gazetteer)."""

from __future__ import annotations

import pytest

from marsad import pipeline
from marsad.extract.relevance import off_section
from marsad.model import Article


@pytest.fixture(scope="module")
def nlp():
    return pipeline.build()


def run(nlp, text: str, published: str = "2018-05-14", url: str | None = None):
    art = Article(id="r1", text=text, published=published, url=url)
    return next(pipeline.process(nlp, [art]))


INCIDENT = (
    "مقتل 6 مدنيين في قصف مدفعي على بلدة كفرنبل بريف إدلب\n\n"
    "قتل ستة مدنيين بينهم طفلان، مساء الأحد، في قصف مدفعي لقوات النظام السوري استهدف الأحياء السكنية "
    "في بلدة كفرنبل بريف إدلب الجنوبي، بحسب ما أفاد الدفاع المدني. "
    "وأضاف أن فرق الإنقاذ انتشلت الجثث من تحت الأنقاض ونقلت الجرحى إلى مشاف ميدانية."
)

TALK = {
    "statement": (
        "وزير الخارجية الفرنسي يدعو إلى وقف القصف على إدلب\n\n"
        "دعا وزير الخارجية الفرنسي، الأحد، خلال مؤتمر صحفي في باريس إلى وقف القصف على محافظة إدلب، "
        "محذرا من كارثة إنسانية إذا استمرت العمليات العسكرية. "
        "وقال الوزير إن بلاده ستبحث الملف مع شركائها في مجلس الأمن الأسبوع المقبل."
    ),
    "trial": (
        "السجن 15 عاما لرجل أدين بالتخطيط لتفجير في برلين\n\n"
        "قضت محكمة ألمانية، الاثنين، بسجن رجل 15 عاما بعد إدانته بالتخطيط لتفجير عبوة ناسفة في سوق "
        "بالعاصمة برلين قبل عامين. "
        "وقال القاضي إن المتهم اعترف أمام المحكمة بشراء مواد متفجرة عبر الإنترنت."
    ),
    "missile test": (
        "كوريا الشمالية تجري تجربة صاروخية جديدة\n\n"
        "أجرت كوريا الشمالية، الأحد، تجربة صاروخية جديدة أطلقت خلالها صاروخا باليستيا سقط في البحر، "
        "بحسب ما أعلنت هيئة الأركان في سيول. "
        "وقالت الهيئة إن الصاروخ قطع نحو 450 كيلومترا قبل أن يسقط في المياه."
    ),
    "anniversary": (
        "العراقيون يحيون الذكرى الرابعة لمجزرة سبايكر\n\n"
        "أحيا مئات العراقيين، الأحد، الذكرى الرابعة لمجزرة قاعدة سبايكر التي قتل فيها تنظيم داعش نحو "
        "1700 طالب عسكري عام 2014 قرب مدينة تكريت. "
        "ورفع المشاركون صور الضحايا وطالبوا بمحاسبة المتورطين."
    ),
    "sport battle": (
        "ليفربول يحسم معركة الصدارة أمام مانشستر سيتي\n\n"
        "حسم فريق ليفربول، الأحد، معركة صدارة الدوري الإنجليزي الممتاز لكرة القدم بفوزه على مانشستر "
        "سيتي بثلاثة أهداف مقابل هدف على ملعب أنفيلد. "
        "وسجل محمد صلاح هدفين في الشوط الثاني، فيما اكتفى الضيوف بهدف من ركلة جزاء."
    ),
    "disaster": (
        "مقتل 12 شخصا في زلزال ضرب شرق إيران\n\n"
        "لقي 12 شخصا مصرعهم وأصيب العشرات، الأحد، في زلزال بقوة 5.9 درجات ضرب محافظة خراسان الرضوية "
        "شرقي إيران، بحسب ما أعلنت هيئة الإسعاف. "
        "وقالت السلطات إن فرق الإنقاذ تواصل البحث تحت أنقاض المنازل المنهارة."
    ),
    "inquiry": (
        "لجنة تحقيق أممية تبدأ عملها في قصف مستشفى بمدينة حلب\n\n"
        "بدأت لجنة تحقيق تابعة للأمم المتحدة، الثلاثاء، النظر في قصف استهدف مستشفى في مدينة حلب وأدى إلى "
        "مقتل تسعة أشخاص. "
        "وقال رئيس اللجنة إن المحققين سيستمعون إلى شهادات الأطباء والسكان خلال الأسابيع المقبلة."
    ),
    "hint": (
        "وزير الدفاع يلمح إلى ضربة عسكرية ضد مواقع المتمردين في الشمال\n\n"
        "ألمح وزير الدفاع، الأربعاء، في كلمة أمام البرلمان إلى احتمال توجيه ضربة عسكرية ضد مواقع المتمردين "
        "في الشمال، مؤكدا أن جميع الخيارات مطروحة. "
        "وقال الوزير إن بلاده لن تسمح لأحد بتهديد أمنها."
    ),
}


def test_a_current_incident_stays_and_says_why(nlp):
    doc = run(nlp, INCIDENT)
    assert [e.sub_event_type for e in doc._.events] == ["Shelling/artillery/missile attack"]
    rel = doc._.events[0].relevance[0]
    assert rel["relevant"] is True and rel["doc_id"] == "r1"
    assert rel["score"] >= 2.5
    assert any(r.startswith("+2.0 headline names it") for r in rel["reasons"])
    assert any(r.startswith("+2.0 people killed") for r in rel["reasons"])
    assert doc._.relevance["events"] == 1 and doc._.relevance["dropped"] == []


@pytest.mark.parametrize("shape", sorted(TALK))
def test_talk_about_an_incident_is_no_event(nlp, shape):
    doc = run(nlp, TALK[shape])
    assert doc._.events == []
    # the decision is kept with its reasons: what was dropped, and why
    record = doc._.relevance
    if record is not None:  # a report with no incident unit at all has nothing to explain
        assert record["events"] == 0
        assert all(d["relevant"] is False and d["score"] < 2.5 for d in record["dropped"])


@pytest.mark.parametrize("shape,reason", [
    ("trial", "trial"), ("missile test", "test"), ("anniversary", "anniversary"),
    ("sport battle", "topic sport"), ("statement", "statement governs the trigger"),
    ("inquiry", "inquiry"),
])
def test_the_reason_names_the_kind_of_talk(nlp, shape, reason):
    record = run(nlp, TALK[shape])._.relevance
    assert record is not None and record["dropped"]
    assert any(r.split(" ", 1)[1].startswith(reason) for d in record["dropped"] for r in d["reasons"])


def test_an_off_news_section_weighs_against_an_event(nlp):
    kept = run(nlp, INCIDENT)._.events[0].relevance[0]["score"]
    doc = run(nlp, INCIDENT, url="https://www.example.com/sport/2018/05/14/article-1")
    rel = (doc._.events or [None])[0]
    record = rel.relevance[0] if rel is not None else doc._.relevance["dropped"][0]
    assert record["score"] == pytest.approx(kept - 3.0)
    assert "-3.0 section sport" in record["reasons"]


def test_crime_without_a_political_side_is_flagged_not_kept(nlp):
    text = ("الشرطة تعتقل رجلا قتل زوجته طعنا في مدينة الزرقاء\n\n"
            "اعتقلت الشرطة الأردنية، الأحد، رجلا قتل زوجته طعنا بسكين داخل منزلهما في مدينة الزرقاء "
            "إثر خلافات عائلية، بحسب ما أفاد مصدر أمني. "
            "وأضاف المصدر أن التحقيق جار لمعرفة ملابسات الجريمة.")
    doc = run(nlp, text)
    assert doc._.events == []
    assert any(d.get("crime") for d in doc._.relevance["dropped"])


@pytest.mark.parametrize("url,section", [
    ("https://www.bbc.com/arabic/sports-44123456", "sports"),
    ("https://www.alarabiya.net/ar/aswaq/2018/05/14/x.html", "aswaq"),
    ("https://arabic.cnn.com/tech/article/2018/05/14/x", "tech"),
    ("https://www.bbc.com/arabic/middleeast-44123456", None),
    ("https://www.skynewsarabia.com/middle-east/1045678-x", None),
    (None, None),
    ("not a url at all", None),
])
def test_off_section_from_url(url, section):
    assert off_section(url) == section


FOLLOW_UP = (
    "مقتل 4 جنود في هجوم على حاجز للجيش قرب مدينة العريش\n\n"
    "قتل أربعة جنود مصريين وأصيب سبعة آخرون، يوم 2 مايو، في هجوم شنه مسلحون على حاجز للجيش قرب "
    "مدينة العريش في شمال سيناء، بحسب ما أفاد مصدر أمني. "
    "وأضاف المصدر أن قوات الأمن طاردت المهاجمين في المناطق المحيطة بالحاجز."
)


def test_an_incident_weeks_before_the_report_is_no_current_news(nlp):
    fresh = run(nlp, FOLLOW_UP, published="2018-05-03")._.events[0].relevance[0]
    assert "+1.0 own date (2 مايو)" in fresh["reasons"]
    assert not any("not current" in r for r in fresh["reasons"])
    late = run(nlp, FOLLOW_UP, published="2018-05-24")._.events[0].relevance[0]
    # its own day now counts against it: no +1 for the date, -3 for the three weeks
    assert "-3.0 not current (2 مايو: 22 days before the report)" in late["reasons"]
    assert late["score"] == pytest.approx(fresh["score"] - 4.0)


def test_the_learned_model_speaks_in_the_reasons(nlp):
    # marsad/data/relevance_model.npz: a headline and lead of narration earn a point, a court's cost 3
    kept = run(nlp, INCIDENT)._.events[0].relevance[0]["reasons"]
    assert "+1.0 model reads narration (p=0.92)" in kept
    record = run(nlp, TALK["trial"])._.relevance
    assert record["model"] == 0.215
    assert all("-3.0 model reads talk (p=0.22)" in d["reasons"] for d in record["dropped"])


def test_an_inquiry_in_a_report_with_no_headline_line_costs_nothing(nlp):
    # one paragraph, no headline: its first sentence is the lead, where an inquiry follows many an incident
    text = ("قتل ستة مدنيين، مساء الأحد، في قصف مدفعي استهدف بلدة كفرنبل بريف إدلب، وباشرت السلطات المحلية "
            "التحقيق في الحادث. وأضاف الدفاع المدني أن فرق الإنقاذ انتشلت الجثث من تحت الأنقاض.")
    [ev] = run(nlp, text)._.events
    assert not any("inquiry" in r for r in ev.relevance[0]["reasons"])
    titled = run(nlp, "لجنة تحقيق في القصف\n\n" + text)._.relevance
    assert any(r.startswith("-5.0 inquiry") for d in titled["dropped"] for r in d["reasons"])


def _reasons(doc) -> list[str]:
    """Every reason of every unit, kept or dropped."""
    kept = [r for e in doc._.events for r in e.relevance[0]["reasons"]]
    record = doc._.relevance or {"dropped": []}
    return kept + [r for d in record["dropped"] for r in d["reasons"]]


def test_the_singular_battle_names_a_campaign_not_a_fight(nlp):
    # `معركة` in a speech: a war's name, counted like a generic word; the plural narrates clashes
    speech = ("الرئيس: نخوض معركة طويلة ضد الإرهاب في الشمال\n\n"
              "قال الرئيس، الأحد، في كلمة أمام قادة الجيش في العاصمة إن البلاد تخوض معركة طويلة ضد الإرهاب "
              "في المحافظات الشمالية، وإن المعركة لن تنتهي قبل القضاء على آخر خلية. "
              "ودعا الرئيس المواطنين إلى الوقوف خلف القوات المسلحة.")
    doc = run(nlp, speech)
    assert doc._.events == []
    assert "+1.0 headline names it (معركة)" in _reasons(doc)
    clashes = ("معارك عنيفة بين الجيش ومسلحين قرب مدينة العريش\n\n"
               "اندلعت معارك عنيفة، مساء الأحد، بين قوات الجيش ومسلحين قرب مدينة العريش في شمال سيناء، "
               "بحسب ما أفاد مصدر أمني.")
    assert "+2.0 headline names it (معارك)" in _reasons(run(nlp, clashes))


def test_a_war_toll_is_no_harm_of_an_incident(nlp):
    text = ("سبع سنوات من الحرب في سوريا\n\n"
            "يدخل النزاع السوري، الخميس، عامه الثامن بعد أن أودى بحياة أكثر من 350 ألف شخص وشرد الملايين، "
            "فيما تتواصل المعارك في الغوطة الشرقية قرب دمشق.")
    doc = run(nlp, text)
    assert doc._.events == []
    assert not any("people killed" in r for r in _reasons(doc))


def test_no_political_side_weighs_against_an_explosion(nlp):
    plant = ("انفجار في مصنع للكيماويات يقتل 5 عمال في مدينة ليون\n\n"
             "قتل خمسة عمال وأصيب ثلاثة آخرون، صباح الأحد، في انفجار وقع داخل مصنع للمواد الكيماوية في مدينة "
             "ليون الفرنسية، بحسب ما أفادت فرق الإطفاء.")
    why = "-1.0 no political side (no armed party, no political word in the lead)"
    assert why in _reasons(run(nlp, plant))
    # a named armed party (the Syrian army's shelling) is a political side
    assert not any("no political side" in r for r in _reasons(run(nlp, INCIDENT)))


def test_the_chemical_weapons_watchdog_is_no_chemical_attack(nlp):
    text = ("خبراء منظمة حظر الأسلحة الكيميائية يصلون إلى دمشق\n\n"
            "وصل فريق من خبراء منظمة حظر الأسلحة الكيميائية، الأحد، إلى العاصمة السورية دمشق لبدء مهمته، "
            "بحسب ما أعلنت المنظمة في بيان.")
    assert run(nlp, text)._.events == []


def test_an_identity_is_no_place(nlp):
    # `هوية` (identity) is also the Arabic spelling of Hue, Vietnam: an ordinary word needs place context
    text = ("الشرطة تكشف هوية منفذ هجوم الطعن\n\n"
            "أعلنت الشرطة، الأحد، تحديد هوية منفذ هجوم الطعن الذي أسفر عن مقتل شخصين وإصابة ثلاثة في محطة "
            "قطارات، مؤكدة أنه كان معروفا لدى أجهزة الأمن بتطرفه.")
    [ev] = run(nlp, text)._.events
    assert ev.location is None


def test_a_further_incident_weeks_old_is_history(nlp):
    text = ("مقتل 3 جنود بتفجير عبوة ناسفة قرب مدينة العريش\n\n"
            "قتل ثلاثة جنود مصريين، مساء الأحد، في تفجير عبوة ناسفة استهدف دورية للجيش قرب مدينة العريش في "
            "شمال سيناء، بحسب ما أفاد مصدر أمني.\n"
            "وفي 2 أبريل الماضي، قصف مسلحون مطار مدينة رفح بقذائف الهاون، ما أسفر عن مقتل ضابطين.")
    doc = run(nlp, text)
    assert [e.location for e in doc._.events] == ["Al-Arish"]
    [old] = doc._.relevance["dropped"]
    assert "-6.0 not current (2 أبريل الماضي: 42 days before the report)" in old["reasons"]


@pytest.mark.parametrize("headline,dropped", [
    ("إنفوغرافيك.. تفاصيل الغارات على مواقع المسلحين في ريف إدلب", True),
    ("غارات على مواقع المسلحين في ريف إدلب.. وإنفوغرافيك للمحاور", False),
])
def test_an_analysis_format_opening_the_headline_is_talk(nlp, headline, dropped):
    text = (headline + "\n\n"
            "شنت طائرات حربية، مساء الأحد، غارات على مواقع المسلحين في بلدة خان شيخون بريف إدلب الجنوبي، "
            "بحسب ما أفاد المرصد السوري لحقوق الإنسان.")
    reasons = _reasons(run(nlp, text))
    assert any(r.startswith("-4.0 analysis") for r in reasons) is dropped


def test_an_explosion_with_no_political_side_is_an_accident(nlp):
    plant = ("انفجار في مصنع للكيماويات يقتل 5 عمال في مدينة ليون\n\n"
             "قتل خمسة عمال وأصيب ثلاثة آخرون، صباح الأحد، في انفجار وقع داخل مصنع للمواد الكيماوية في مدينة "
             "ليون الفرنسية، بحسب ما أفادت فرق الإطفاء.")
    doc = run(nlp, plant)
    assert doc._.events == []
    assert "-4.0 an explosion with no political side: an accident" in _reasons(doc)
    # a bombing (`تفجير`) is set off by someone: no accident, even with no group named
    bombing = plant.replace("انفجار في", "تفجير في").replace("في انفجار وقع", "في تفجير وقع")
    assert not any("accident" in r for r in _reasons(run(nlp, bombing)))


def test_a_condition_governs_its_trigger(nlp):
    threat = ("موسكو: رد حازم إذا قصفت واشنطن مواقع الجيش السوري\n\n"
              "قال وزير الدفاع الروسي، الثلاثاء، في مؤتمر صحفي في موسكو إن بلاده سترد بحزم إذا قصفت الولايات "
              "المتحدة مواقع الجيش السوري في ريف دمشق.")
    doc = run(nlp, threat)
    assert doc._.events == []
    assert any(r.startswith("-2.5 future governs the trigger (اذا)") for r in _reasons(doc))
    # `فيما إذا` asks whether, after strikes that happened: no condition
    asked = ("غزة: لم يعرف بعد فيما إذا أسفرت الغارات عن ضحايا\n\n"
             "شنت طائرات حربية إسرائيلية، فجر الأحد، غارات على مواقع شرق مدينة غزة، بحسب ما أفاد شهود.")
    assert not any("future governs" in r for r in _reasons(run(nlp, asked)))


def test_weapons_inspectors_and_a_defence_system_are_no_use_of_weapons(nlp):
    text = ("خبراء الأسلحة الكيميائية يصلون إلى مدينة دوما\n\n"
            "وصل خبراء الأسلحة الكيميائية، الثلاثاء، إلى مدينة دوما في ريف دمشق، فيما قال وزير الدفاع إن "
            "بلاده نشرت نظام الدفاع الصاروخي الجديد قرب العاصمة.")
    assert run(nlp, text)._.events == []


def test_a_collapse_of_defences_is_no_disaster(nlp):
    # `انهيار` alone is figurative in war news (defences, talks, a currency); a building's collapse is not
    text = ("انهيار دفاعات المسلحين وتقدم للجيش في ريف حماة\n\n"
            "تقدمت قوات الجيش، مساء الأحد، في ريف حماة الشمالي بعد اشتباكات عنيفة مع المسلحين أسفرت عن مقتل "
            "12 منهم، بحسب ما أفاد مصدر عسكري.")
    assert not any("disaster" in r for r in _reasons(run(nlp, text)))


def test_a_crashed_aircraft_is_no_air_strike(nlp):
    crash = ("مقتل 3 طيارين في تحطم مروحية عسكرية قرب أنقرة\n\n"
             "تحطمت مروحية تابعة للجيش التركي، صباح الثلاثاء، أثناء رحلة تدريب قرب العاصمة أنقرة، ما أدى إلى "
             "مقتل ثلاثة طيارين، بحسب ما أعلنت وزارة الدفاع.")
    assert run(nlp, crash, published="2018-05-15")._.events == []
    # a shoot-down still names its strike
    downed = ("مسلحون يسقطون مروحية عسكرية في ريف حماة\n\n"
              "أسقط مسلحون، صباح الثلاثاء، مروحية تابعة للجيش السوري بصاروخ حراري في ريف حماة الشمالي، "
              "ما أدى إلى مقتل طاقمها، بحسب ما أفاد مصدر عسكري.")
    assert run(nlp, downed, published="2018-05-15")._.events != []


def test_mines_cleared_or_laid_are_no_explosion(nlp):
    clearing = ("فرق الهندسة تواصل نزع الألغام في مديرية حيس\n\n"
                "واصلت فرق الهندسة العسكرية، الأحد، نزع الألغام في مديرية حيس، وقال قائد ميداني إن الفرق "
                "انتزعت مئات من الألغام زرعها المسلحون في الطرقات والمزارع خلال الأشهر الماضية.")
    assert run(nlp, clearing)._.events == []
    blast = ("مقتل طفلين بانفجار لغم في مديرية حيس\n\n"
             "قتل طفلان، مساء الأحد، بانفجار لغم أرضي زرعه المسلحون في مزرعة بمديرية حيس، بحسب ما أفاد "
             "مصدر طبي.")
    assert run(nlp, blast)._.events != []


def test_a_unit_dated_after_its_report_is_scheduled(nlp):
    # published on a Thursday: tomorrow's march is in the organisers' calendar, not in the news
    text = ("تظاهرة حاشدة في ساحة التحرير ببغداد\n\n"
            "يخرج آلاف العراقيين غدا الجمعة في تظاهرة حاشدة في ساحة التحرير وسط بغداد، للمطالبة بتحسين "
            "الخدمات، بحسب ما أعلن منظموها.")
    doc = run(nlp, text, published="2018-05-24")
    assert doc._.events == []
    assert "-3.0 after the report (غدا الجمعة: 1 days later)" in _reasons(doc)
    # the same march told the day after it
    done = text.replace("يخرج", "خرج").replace("غدا الجمعة", "أمس الجمعة")
    assert run(nlp, done, published="2018-05-26")._.events != []


def test_a_court_governs_its_whole_clause(nlp):
    # the protesters are nine words after the court: its ruling, not a protest
    text = ("المحكمة الدستورية العليا تقر قانونا يسمح للشرطة باستخدام القوة ضد المتظاهرين\n\n"
            "أقرت المحكمة الدستورية العليا، الخميس، قانونا يسمح للشرطة باستخدام القوة ضد المتظاهرين في "
            "العاصمة، بعد طعن قدمته منظمات حقوقية.")
    doc = run(nlp, text, published="2018-05-24")
    assert doc._.events == []
    assert any(r.startswith("-2.0 trial governs the trigger (المحكمه)") for r in _reasons(doc))


def test_in_protest_at_is_a_motive_and_a_strike_is_a_protest(nlp):
    recall = ("الرباط تستدعي سفير الجزائر احتجاجا على تصريحات وزير خارجيتها\n\n"
              "استدعت وزارة الخارجية المغربية، الخميس، سفير الجزائر في الرباط احتجاجا على تصريحات "
              "أدلى بها وزير الخارجية الجزائري بشأن الصحراء الغربية.")
    assert run(nlp, recall, published="2018-05-24")._.events == []
    strike = ("إضراب عام في مدن الضفة الغربية احتجاجا على قانون جديد\n\n"
              "عم إضراب شامل، الخميس، مدن الضفة الغربية احتجاجا على قانون أقره البرلمان الإسرائيلي، وأغلقت "
              "المحال التجارية والمدارس أبوابها في نابلس ورام الله والخليل.")
    events = run(nlp, strike, published="2018-05-24")._.events
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


@pytest.mark.parametrize("text", [
    ("ريبورتاج: سكان الموصل القديمة يعودون إلى بيوت دمرتها المعارك\n\n"
     "يتحدث سكان ومسؤولون محليون، الثلاثاء، عن أوضاع المدينة بعد أشهر من المعارك والقصف، فيما تنتشر "
     "قوات الأمن في الشوارع الرئيسية وتتواصل أعمال إزالة الأنقاض."),
    ("ترقب لقصف تركي على مواقع المسلحين في سنجار\n\n"
     "يسود الترقب، الثلاثاء، قضاء سنجار بعد أن حشد الجيش التركي مدفعيته لقصف مواقع مسلحي حزب العمال "
     "الكردستاني في جبل سنجار، بحسب مسؤولين محليين."),
    ("أنقرة تلوح بقصف مواقع المسلحين في سنجار\n\n"
     "لوحت أنقرة، الثلاثاء، بقصف مواقع مسلحي حزب العمال الكردستاني في جبل سنجار، وقال مسؤول تركي إن "
     "الجيش مستعد لضرب المسلحين في أي لحظة."),
])
def test_a_reportage_a_wait_and_a_threat_are_no_incident(nlp, text):
    assert run(nlp, text)._.events == []


def test_a_further_incident_is_governed_in_its_own_clause(nlp):
    # past the lead, the body's threat (a condition) is what Paris would do: no event of its own
    text = ("مقتل 7 مدنيين بغارات على ريف إدلب\n\n"
            "قتل سبعة مدنيين، مساء الأحد، في غارات جوية استهدفت بلدة سراقب في ريف إدلب، بحسب الدفاع المدني.\n"
            "وأضاف الدفاع المدني أن فرق الإنقاذ انتشلت الضحايا من تحت الأنقاض ونقلت الجرحى إلى مستشفيات.\n"
            "وقال سكان إن الطائرات حلقت فوق البلدة لساعات قبل أن تقصف السوق الرئيسية.\n"
            "وتشهد المحافظة تصعيدا منذ أسابيع، بحسب ناشطين.\n"
            "وفي سياق متصل، هدد الرئيس الفرنسي بشن غارات على مواقع الجيش السوري في مدينة حمص في حال ثبوت "
            "استخدام الأسلحة الكيماوية مجددا.")
    doc = run(nlp, text)
    assert [e.location for e in doc._.events] == ["Saraqib"]
    assert any(r.startswith("-2.5 future governs the trigger (في حال)") for r in _reasons(doc))


def test_press_sources_give_no_political_side(nlp):
    # 'press sources' and 'a press conference' source the report; they are no journalist hurt or held
    text = ("إصابات بانفجار داخل مصنع في ولاية أوهايو الأمريكية\n\n"
            "أدى انفجار داخل مصنع في ولاية أوهايو الأمريكية إلى إصابة عدد من العمال، بحسب ما قالت مصادر "
            "صحفية، وقال مسؤول في مؤتمر صحفي إن أسباب الانفجار لم تعرف بعد.")
    doc = run(nlp, text, published="2018-06-26")
    assert doc._.events == []
    assert "-1.0 no political side (no armed party, no political word in the lead)" in _reasons(doc)


def test_a_trigger_dated_years_back_is_recalled(nlp):
    # the news is Monday's burial; the abduction the nearest date tells is of 2015
    text = ("دفن رفات صيادين قطريين في الدوحة\n\n"
            "دفنت عائلات قطرية، الاثنين، في الدوحة رفات 12 صيادا خطفهم مسلحون في جنوب العراق عام 2015، بعد "
            "العثور عليهم في مقبرة جماعية قرب مدينة السماوة.")
    doc = run(nlp, text, published="2018-04-02")
    assert doc._.events == []
    assert any(r.startswith("-3.0 its trigger is dated in the past (عام 2015)") for r in _reasons(doc))


def test_a_rights_report_or_a_toll_over_a_period_is_no_incident(nlp):
    # an organisation's report counts detentions over a year: no day of an incident of its own
    text = ("منظمة حقوقية: اعتقال 300 ناشط في مصر منذ بداية العام\n\n"
            "قالت منظمة حقوقية دولية في تقريرها السنوي، الخميس، إن قوات الأمن المصرية اعتقلت أكثر من 300 "
            "ناشط في محافظات عدة منذ بداية العام، ودعت السلطات إلى الإفراج عنهم.")
    doc = run(nlp, text, published="2018-07-12")
    assert doc._.events == []
    assert any(r.startswith("-3.5 a report or a toll over a period, no day of its own")
               for r in _reasons(doc))
    # the same words beside an incident with a day of its own: an incident
    text = ("اعتقال 30 ناشطا في القاهرة\n\n"
            "اعتقلت قوات الأمن المصرية، مساء الأربعاء، 30 ناشطا خلال احتجاج وسط القاهرة، وقالت منظمة حقوقية "
            "إن عدد المعتقلين بلغ 300 منذ بداية العام.")
    doc = run(nlp, text, published="2018-07-12")
    assert [e.sub_event_type for e in doc._.events] == ["Arrests"]


def test_a_plan_adjective_after_the_trigger_makes_it_planned(nlp):
    # the police deploy before protests set for Saturday: the protest has not happened
    text = ("الشرطة الفرنسية تنشر آلاف العناصر قبل المظاهرات المقررة في ليون\n\n"
            "نشرت الشرطة الفرنسية، الخميس، آلاف العناصر في مدينة ليون تحسبا للمظاهرات المقررة يوم السبت ضد "
            "قانون العمل الجديد، بحسب ما أعلنت المحافظة.")
    doc = run(nlp, text, published="2018-05-17")
    assert doc._.events == []
    assert any(r.startswith("-2.5 future governs the trigger (المقرره)") for r in _reasons(doc))
    # the same protest told as done: an event
    text = ("مظاهرات في مدينة ليون ضد قانون العمل\n\n"
            "تظاهر آلاف الأشخاص، الخميس، في مدينة ليون ضد قانون العمل الجديد، وأغلق المحتجون الطرق الرئيسية "
            "في وسط المدينة، بحسب ما أعلنت المحافظة.")
    doc = run(nlp, text, published="2018-05-17")
    assert [e.sub_event_type for e in doc._.events] == ["Peaceful protest"]


def test_a_headline_that_asks_is_analysis(nlp):
    # the question mark, not an interrogative word, says the headline asks: an analysis of a battle
    text = ("ما أهداف الأطراف المتحاربة في معارك ريف حماة؟\n\n"
            "يرى محللون أن كلا من قوات النظام السوري وفصائل المعارضة في ريف حماة الشمالي يسعى إلى تحسين "
            "موقعه قبل المفاوضات المقبلة.")
    doc = run(nlp, text, published="2018-05-17")
    assert doc._.events == []
    assert "-2.0 feature (؟)" in _reasons(doc)
    # the same words as a statement headline: no question cue
    text = text.replace("ما أهداف الأطراف المتحاربة في معارك ريف حماة؟",
                        "أهداف الأطراف المتحاربة في معارك ريف حماة")
    doc = run(nlp, text, published="2018-05-17")
    assert [e.sub_event_type for e in doc._.events] == ["Armed clash"]
    assert "-2.0 feature (؟)" not in _reasons(doc)


def test_a_court_case_governs_the_trigger_it_names(nlp):
    # `بقضية تفجير`: the news is the case, the bombing is its subject
    text = ("تأجيل النظر بقضية تفجير كنيسة في أسيوط\n\n"
            "أرجأت السلطات المصرية، الأحد، النظر في قضية تفجير كنيسة بمحافظة أسيوط إلى الشهر المقبل بطلب من "
            "الدفاع.")
    doc = run(nlp, text, published="2018-05-14")
    assert doc._.events == []
    assert "-2.0 case governs the trigger (بقضيه)" in _reasons(doc)
    # `بقضية` with no trigger after it is a cause: the bombing stays an event
    text = ("تفجير كنيسة في أسيوط يقتل 12 شخصا\n\n"
            "قتل 12 شخصا، الأحد، في تفجير استهدف كنيسة بمحافظة أسيوط، بحسب ما أعلنت وزارة الداخلية المصرية "
            "التي قالت إن المنفذين يؤمنون بقضية متطرفة.")
    doc = run(nlp, text, published="2018-05-14")
    assert [e.sub_event_type for e in doc._.events] == ["Remote explosive/landmine/IED"]
    assert not any("case" in r for r in _reasons(doc))


def test_the_muftis_sermon_is_no_court(nlp):
    # `للمفتي` after a speech noun is the mufti's own word, not Egypt's referral of a sentence to him
    text = ("صواريخ على الرياض والمفتي يندد\n\n"
            "اعترضت الدفاعات الجوية السعودية، مساء الأحد، ثلاثة صواريخ أطلقت على الرياض، وقال المفتي في كلمة "
            "للمفتي بثتها الإذاعة إن الهجوم عدوان آثم.")
    assert not any(r.split(" ", 1)[1].startswith("trial") for r in _reasons(run(nlp, text)))
    text = text.replace("في كلمة للمفتي بثتها الإذاعة", "في إحالة للمفتي")
    assert any(r.split(" ", 1)[1].startswith("trial (للمفتي)") for r in _reasons(run(nlp, text)))


def test_a_threat_in_the_headline_is_no_narration_of_its_trigger(nlp):
    # the headline threatens strikes if a gas attack is proven; the body only reports what was said
    text = ("رئيس الوزراء يهدد بضربات جوية إذا ثبت استخدام أسلحة كيماوية في الغوطة\n\n"
            "قال رئيس الوزراء للصحفيين في لندن، الأربعاء، إن بلاده لن تتردد في الرد. "
            "وأضاف أن المخابرات لم تجمع بعد أدلة كافية، وأن قرار الرد يعود إلى الحكومة.")
    doc = run(nlp, text, published="2018-02-14")
    assert doc._.events == []
    # the same body under a headline that narrates the strikes: an event
    text = text.replace("رئيس الوزراء يهدد بضربات جوية إذا ثبت استخدام أسلحة كيماوية في الغوطة",
                        "مقتل 9 مدنيين في ضربات جوية على بلدة حمورية في الغوطة")
    doc = run(nlp, text, published="2018-02-14")
    assert [e.sub_event_type for e in doc._.events] == ["Air/drone strike"]
    assert not any("governs the headline" in r for r in _reasons(doc))


def test_a_running_count_since_the_start_of_protests_is_no_incident(nlp):
    # the marches are where a toll's count begins, weeks before the report: no incident of its day
    since = ("حصيلة جديدة في غزة\n\nارتفع إلى 40 عدد الفلسطينيين الذين قتلوا منذ بدء مسيرات احتجاجية على "
             "حدود قطاع غزة، بحسب ما أعلنت وزارة الصحة في غزة، الاثنين.")
    doc = run(nlp, since, published="2018-05-01")
    assert doc._.events == []
    assert "-2.5 since governs the trigger (منذ بدء)" in _reasons(doc)
    # marches of the day, told with the same words: an event, no `since`
    today = ("حصيلة جديدة في غزة\n\nقتل فلسطينيان، الاثنين، في مسيرات احتجاجية على حدود قطاع غزة، بحسب "
             "وزارة الصحة في غزة.")
    doc = run(nlp, today, published="2018-05-01")
    assert [e.sub_event_type for e in doc._.events] == ["Peaceful protest"]
    assert not any("since" in r for r in _reasons(doc))


def test_a_recalled_toll_is_no_harm_of_the_unit(nlp):
    # the 12 dead belong to last year's attack the report compares with, not to Sunday's blast
    recalled = ("انفجار عبوة ناسفة قرب حاجز للجيش في مدينة العريش\n\n"
                "انفجرت عبوة ناسفة، مساء الأحد، قرب حاجز لقوات الجيش في مدينة العريش بشمال سيناء، في هجوم "
                "مماثل لهجوم العام الماضي الذي أسفر عن مقتل 12 جنديا.")
    assert not any("people killed" in r for r in _reasons(run(nlp, recalled)))
    # the same toll told as the blast's own
    own = recalled.replace("في هجوم مماثل لهجوم العام الماضي الذي أسفر", "ما أسفر")
    assert "+2.0 people killed (12)" in _reasons(run(nlp, own))


def test_a_model_leaning_to_talk_weighs_only_where_nothing_anchors_the_unit(nlp, monkeypatch):
    # a minister's remarks on strikes: no one hurt, no violence in the headline; the model's doubt decides
    remarks = ("الوزير: لا يمكننا منع التصعيد في الجنوب\n\n"
               "قال وزير الخارجية، الاثنين، إن بلاده لا تستطيع منع الضربات الجوية على مدينة درعا، في رد على "
               "سؤال للصحفيين في موسكو.")
    monkeypatch.setattr("marsad.extract.relevance.probability", lambda _text: 0.6)
    assert any("place" in r for r in _reasons(run(nlp, remarks)))
    assert not any("model leans" in r for r in _reasons(run(nlp, remarks)))
    monkeypatch.setattr("marsad.extract.relevance.probability", lambda _text: 0.4)
    doc = run(nlp, remarks)
    assert "-1.0 model leans to talk (p=0.40), no harm, no headline trigger" in _reasons(doc)
    # people killed anchor the unit: the same doubt counts nothing
    killed = remarks.replace("في رد على سؤال للصحفيين في موسكو", "التي قتلت 7 مدنيين صباح الاثنين")
    assert not any("model leans" in r for r in _reasons(run(nlp, killed)))


def test_a_feared_arrest_or_attack_is_no_incident(nlp):
    # the families who stay away fear arrests that have not happened
    feared = ("عودة آلاف النازحين إلى قرى ريف حمص\n\n"
              "عاد آلاف النازحين، الثلاثاء، إلى قرى في ريف حمص الشمالي، فيما تجنب شبان المرور بحواجز "
              "القوات الحكومية في مدينة الرستن خوفا من اعتقالهم.")
    doc = run(nlp, feared, published="2018-05-15")
    assert [e.sub_event_type for e in doc._.events] == []
    assert any(r.startswith("-2.5 future governs the trigger (خوفا من)") for r in _reasons(doc))
    # the arrests told as done stay
    done = feared.replace("تجنب شبان المرور بحواجز القوات الحكومية في مدينة الرستن خوفا من اعتقالهم",
                          "اعتقلت القوات الحكومية عشرة شبان على حاجز في مدينة الرستن")
    assert [e.sub_event_type for e in run(nlp, done, published="2018-05-15")._.events] == ["Arrests"]


def test_halting_flights_or_a_broadcast_is_no_arrest(nlp):
    grounded = ("الجيش يوقف تحليق مقاتلاته بعد عطل في إحداها\n\n"
                "أعلن الجيش، الخميس، توقيف تحليق مقاتلات من طراز واحد في قاعدة قرب العاصمة بعد اكتشاف عيوب "
                "في إحداها، كما أوقفت هيئة الإعلام بث قناة محلية.")
    assert [e.sub_event_type for e in run(nlp, grounded, published="2018-10-11")._.events] == []
    # the same verbs before people still hold them
    held = ("الشرطة توقف خمسة مشتبه بهم بالانتماء لتنظيم داعش في مدينة ليون\n\n"
            "أوقفت الشرطة، الخميس، خمسة مشتبه بهم بالانتماء لتنظيم داعش في مدينة ليون، "
            "وأعلنت توقيف سادس مساء.")
    assert [e.sub_event_type for e in run(nlp, held, published="2018-10-11")._.events] == ["Arrests"]


STORMS = ("عواصف ترابية تقتل 40 شخصا في ولاية بيهار الهندية\n\n"
          "قتل 40 شخصا على الأقل وأصيب العشرات، مساء الثلاثاء، بعد أن اجتاحت عواصف ترابية قوية قرى في "
          "ولاية بيهار شرقي الهند، وفق ما أعلنت السلطات المحلية.")


def test_storms_in_the_plural_are_a_disaster(nlp):
    doc = run(nlp, STORMS)
    assert [e.sub_event_type for e in doc._.events] == []
    assert "-3.0 disaster (عواصف)" in _reasons(doc)


def test_a_drug_seizure_is_crime(nlp):
    seized = ("الشرطة الإسبانية تضبط طنين من الكوكايين في ميناء الجزيرة الخضراء\n\n"
              "ضبطت الشرطة الإسبانية، الأحد، نحو طنين من الكوكايين مخبأة في حاوية موز بميناء الجزيرة "
              "الخضراء، واعتقلت ثلاثة أشخاص، بحسب وزارة الداخلية.")
    doc = run(nlp, seized)
    assert [e.sub_event_type for e in doc._.events] == []
    assert "-8.0 drugs (الكوكايين)" in _reasons(doc)


def test_an_opinion_columns_byline_makes_it_a_feature(nlp):
    column = ("سامر خليل يكتب لـCNN: احتجاجات الخبز تضع حكومة السودان أمام امتحان صعب\n\n"
              "لم تكن الاحتجاجات التي شهدتها مدينة عطبرة مفاجئة لمن يتابع أوضاع السودانيين، فالأزمة "
              "الاقتصادية تتفاقم منذ أشهر والحكومة عاجزة عن كبح الأسعار.")
    doc = run(nlp, column)
    assert [e.sub_event_type for e in doc._.events] == []
    assert "-2.0 feature (يكتب)" in _reasons(doc)
    # the same words under a plain headline are the protests' news
    plain = column.replace("سامر خليل يكتب لـCNN: ", "")
    assert [e.sub_event_type for e in run(nlp, plain)._.events] == ["Peaceful protest"]
