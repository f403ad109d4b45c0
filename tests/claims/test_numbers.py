"""Figures as Arabic news writes them: digits, Arabic-Indic digits, glued numbers, number words with
clitics and in construct, duals, scale words, ranges and qualifiers."""

import pytest

CASES = [
    # digits, qualifier before
    ("أعلنت الخلية عن مقتل أكثر من 350 عنصرا في تنظيم داعش.", [("killed", 350, None, "more_than")]),
    # Arabic-Indic digits
    ("نتيجة لذلك جُرِحَ ٧ أعضاء من قواتنا.", [("injured", 7, None, "exact")]),
    ("ومعهم نحو ٥٠٠ من الأطفال المخطوفين.", [("abducted", 500, None, "about")]),
    # numbers glued to the word after them, and to و before them
    ("بالإضافة إلى مقتل 20عنصراً من قسد و5 مدنيين.",
     [("killed", 20, None, "exact"), ("killed", 5, None, "exact")]),
    ("كما أشارت إلى أن 121 شخصا قضوا خلال المعارك منهم 77 من موظفي السجن و40من مقاتليهم.",
     [("killed", 121, None, "exact"), ("killed", 77, None, "exact"), ("killed", 40, None, "exact")]),
    ("وتم اعتقال 200سجين بعد الهجوم.", [("arrested", 200, None, "exact")]),
    # number words, with clitics and in construct
    ("الاشتباكات أدت إلى مقتل أربعة مدنيين.", [("killed", 4, None, "exact")]),
    ("أسفرت الغارة عن مقتل عشرة مقاتلين.", [("killed", 10, None, "exact")]),
    ("وأعلن التنظيم خطف عناصره لعشرين شخصا من العمال.", [("abducted", 20, None, "exact")]),
    ("يضم السجن نحو خمسة آلاف معتقل.", [("held", 5000, None, "about")]),
    ("قتل إثنا عشر جنديا في الهجوم.", [("killed", 12, None, "exact")]),
    ("وأسفر القصف عن مقتل ثلاثمئة وخمسين شخصا.", [("killed", 350, None, "exact")]),
    ("بينهم ستون مسيحيًا على الأقل خطفهم التنظيم.", [("abducted", 60, None, "at_least")]),
    ("ومئة جريح في الهجوم.", [("injured", 100, None, "exact")]),
    ("قتل تسعة عشر شخصا.", [("killed", 19, None, "exact")]),
    ("وقتل ١٬٢٠٠ شخص خلال الأسبوع.", [("killed", 1200, None, "exact")]),
    ("وأصيب أكثر من ألف شخص.", [("injured", 1000, None, "more_than")]),
    ("نزح عشرون ألفا من السكان.", [("displaced", 20000, None, "exact")]),
    # duals
    ("نزح ألفا شخص من القرية.", [("displaced", 2000, None, "exact")]),
    ("قُتل جنديان في الهجوم.", [("killed", 2, None, "exact")]),
    ("أسفر الانفجار عن مقتل شخصين.", [("killed", 2, None, "exact")]),
    ("واستشهاد رجلي أمن.", [("killed", 2, None, "exact")]),
    ("أعلن المرصد مقتل عنصرين من الوحدات.", [("killed", 2, None, "exact")]),
    # digits with a scale word
    ("ويقدر عدد النازحين بنحو 12 ألف نازح.", [("displaced", 12000, None, "about")]),
    ("نزح 1.5 مليون شخص من المدينة.", [("displaced", 1500000, None, "exact")]),
    ("نزح أكثر من 150 ألف مدني من عفرين.", [("displaced", 150000, None, "more_than")]),
    # ranges
    ("ويوجد ما بين 11 إلى 12 ألف مقاتل تابع لداعش محتجزون.", [("held", 11000, 12000, "range")]),
    ("تعرض ما بين 20 و25 شخصا لإصابات.", [("injured", 20, 25, "range")]),
    ("قتل الكثيرون بين 20 أو 30.", [("killed", 20, 30, "range")]),
    ("وقتل من 10 إلى 15 مدنيا.", [("killed", 10, 15, "range")]),
    ("وأسفر الهجوم عن سقوط 15 قتيلا وجريحا.", [("casualties", 15, None, "exact")]),
    ("وأسفرت الغارات عن مقتل وإصابة 22 شخصا.", [("casualties", 22, None, "exact")]),
    # qualifiers
    ("قتل 9 أشخاص على الأقل في الغارة.", [("killed", 9, None, "at_least")]),
    ("وتشير الأرقام إلى مقتل ما لا يقل عن 118 عنصرا.", [("killed", 118, None, "at_least")]),
    ("وأسفر الهجوم عن إصابة حوالي 10 أشخاص.", [("injured", 10, None, "about")]),
    ("قتل قرابة 40 شخصا.", [("killed", 40, None, "about")]),
    ("أصيب ما يزيد على 60 شخصا.", [("injured", 60, None, "more_than")]),
    ("أدى القصف إلى نزوح ما يصل إلى 3000 شخص.", [("displaced", 3000, None, "up_to")]),
    ("أعتقد أن عدد المصابين يتجاوز 50.", [("injured", 50, None, "more_than")]),
    # a scale with a smaller part joined by و; a negated "exceeds" is at most
    ("وقتل أكثر من 3 آلاف و200 شخص منذ بداية النزاع.", [("killed", 3200, None, "more_than")]),
    ("وقال إن عدد القتلى لم يتجاوز 61 شخصا.", [("killed", 61, None, "up_to")]),
    ("ونزح ١٢٬٥٠٠ شخص من المدينة.", [("displaced", 12500, None, "exact")]),
    ("وقال إن عدد النازحين في المحافظة تجاوز مليوني شخص.", [("displaced", 2000000, None, "more_than")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_figures(figures, text, expected):
    assert figures(text) == expected


def test_number_text_and_offsets_point_into_original(claims_of):
    text = "قالت الوزارة إن ثلاثة جنود قُتلوا و٤ أصيبوا."
    got = claims_of(text)
    assert [(c.kind, c.value, c.number_text) for c in got] == [("killed", 3, "ثلاثة"), ("injured", 4, "٤")]
    for c in got:
        assert c.number_text in text[c.start:c.end]
        assert c.evidence == text
