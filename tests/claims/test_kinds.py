"""What happened to the people counted: triggers in both orders and at a distance, passives, vague
quantities, and figures that are not claims at all."""

import pytest

CASES = [
    # trigger before the figure
    ("أسفر الهجوم عن مقتل 7 من المليشيات الكردية.", [("killed", 7, None, "exact")]),
    # the figure first, then its verb (active, passive, idiom)
    ("قال المرصد إن 43 مدنيا قتلوا في قصف مدفعي.", [("killed", 43, None, "exact")]),
    ("وقال إن 121 شخصا قضوا خلال المعارك.", [("killed", 121, None, "exact")]),
    ("وقال إن 18 شخصاً على الأقل لقوا مصرعهم.", [("killed", 18, None, "at_least")]),
    ("وقالت إن 374من عناصر التنظيم ممن شاركوا في الهجوم قتلوا.",
     [("killed", 374, None, "exact")]),
    # count nouns right after the figure
    ("وأضاف أن هناك 374 جثة من جثث المهاجمين.", [("killed", 374, None, "exact")]),
    ("الهجوم أوقع 30 قتيلا و100 جريح.", [("killed", 30, None, "exact"), ("injured", 100, None, "exact")]),
    # verb, subject-less figure, at a distance
    ("وأضافوا أنهم قتلوا 28 عنصر من داعش، بينما نجح 89 سجينا على الأقل من الفرار.",
     [("killed", 28, None, "exact"), ("escaped", 89, None, "at_least")]),
    ("وقد استشهد في العمليات الأمنية ضد تلك الخلايا 37 ما بين رجال أمن ومواطنين.",
     [("killed", 37, None, "exact")]),
    # passive
    ("جُرح 7 أشخاص على الأقل في انفجار عبوة.", [("injured", 7, None, "at_least")]),
    ("ألقي القبض على ثلاثة من أعضاء الخلية.", [("arrested", 3, None, "exact")]),
    ("خُطف أربعة مواطنين إيطاليين في ليبيا.", [("abducted", 4, None, "exact")]),
    # other kinds
    ("أعلنت الشرطة العثور على 15 مفقودا.", [("missing", 15, None, "exact")]),
    ("وأفرجت السلطات عن 150 معتقلا.", [("freed", 150, None, "exact")]),
    ("أطلقت السلطات سراح 150 معتقلا.", [("freed", 150, None, "exact")]),
    ("أسفرت الاشتباكات عن سقوط 22 بين قتيل وجريح.", [("casualties", 22, None, "exact")]),
    ("يتخذ المسلحون من 700 طفل دروعا بشرية.", [("abducted", 700, None, "exact")]),
    ("ويضم السجن نحو 3500 سجين من عناصر التنظيم.", [("held", 3500, None, "about")]),
    # an attempt is not an event: the state word decides
    ("كانت محاولة لإطلاق سراح 4400 عنصر من الإرهابيين المحتجزين.", [("held", 4400, None, "exact")]),
    # a total takes the kind of its breakdown
    ("قالت مصادر طبية إن 12 مدنيا بينهم خمسة أطفال قتلوا.",
     [("killed", 12, None, "exact"), ("killed", 5, None, "exact")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_kinds(figures, text, expected):
    assert figures(text) == expected


def test_vague_quantities_have_no_value(claims_of):
    got = claims_of("وأسفر القصف عن مقتل العشرات وإصابة مئات المدنيين.")
    assert [(c.kind, c.value, c.vague) for c in got] == [
        ("killed", None, "tens"), ("injured", None, "hundreds")]


NOT_CLAIMS = [
    "وقع الهجوم مساء 20 يناير 2022 على سجن الصناعة.",  # date and year
    "وبدأ الهجوم في الـ20 من كانون الثاني.",  # date with the article
    "قتل طفل عمره 12 عاما في القصف.",  # age
    "وبعد سبعة أيام من الاشتباكات، أعلنت قسد السيطرة على السجن.",  # duration
    "وقتل المسلحون بعد أن فجروا سيارتين مفخختين و3 عبوات.",  # vehicles, weapons
    "اعتقلت الشرطة المشتبه به وضبطت 3 سيارات و200 ألف دولار.",  # money
    "شن الطيران 40 غارة وقتل عدد من المسلحين.",  # count of raids
    "تلاه هجوم من ثلاثة محاور على السجن.",  # no trigger reaches the figure
    "وقع الانفجار عند الساعة 10 صباحا.",  # time
    "2 - حادث إطلاق النار على دورية بتاريخ 19/6/1436 واستشهاد قائدها.",  # list marker and Hijri date
]


@pytest.mark.parametrize("text", NOT_CLAIMS)
def test_not_claims(figures, text):
    assert [f for f in figures(text) if f[1] is not None and f[1] != 1] == []


SINGULARS = [
    ("مقتل رجل أمن وجرح ستة آخرين في انفجار.",
     [("killed", 1, "Security forces"), ("injured", 6, "Security forces")]),
    ("قُتل ضابط و3 جنود بالجيش المصري.",
     [("killed", 1, "Military Forces of Egypt"), ("killed", 3, "Military Forces of Egypt")]),
    ("استشهاد رضيع فلسطيني حرقا.", [("killed", 1, "Children")]),
    # the count noun of a figure is not a figure of one
    ("11 قتيلاً مدنياً في قصف جوي.", [("killed", 11, "Civilians")]),
]


@pytest.mark.parametrize("text,expected", SINGULARS)
def test_singular_noun_is_one(claims_of, text, expected):
    assert [(c.kind, c.value, c.who) for c in claims_of(text)] == expected


def test_event_verb_over_state_count_noun(figures):
    assert figures("أعلن الجيش النيجيري أنه حرر 76 رهينة.") == [("freed", 76, None, "exact")]


def test_time_phrase_does_not_close_the_clause(figures):
    text = "وقتل في الحرب المستمرة منذ 10 سنوات أكثر من 350 ألف شخص."
    assert figures(text) == [("killed", 350000, None, "more_than")]


def test_adjectival_one_is_not_a_figure(figures):
    assert figures("وأسفر القصف عن مقتل 4 أشخاص من عائلة واحدة.") == [("killed", 4, None, "exact")]


def test_delegation_counts_are_not_claims(figures):
    assert figures("ووصل وفد يضم 5 أشخاص إلى المدينة.") == []
