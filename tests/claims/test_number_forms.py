"""Issue #14 point 6 / #9 item 7: decimals, commas, dotted dates, addresses and overlong digit strings
never crash the claims stage, and a decimal or a percentage is never a count of people."""

import pytest

from marsad.extract.numbers import _digits

# Sentences written for these tests (not from any gold set), each around a digit form that threw.
NO_CRASH = [
    "وقدرت المنظمة عدد النازحين ما بين 500 و1.5 مليون شخص في المنطقة.",
    "وقتل ثلاثة مدنيين يوم 21.01.2022 في قصف على القرية.",
    "ولد القائد في 22.3.1974 وقتل في غارة أمس.",
    "وتضم المخيمات 1.200.000 نازح بحسب الأمم المتحدة.",
    "وقال المهاجمون إن الخادم 192.168.1.1 تعطل وقتل شخصان.",
    "وقتل " + "9" * 309 + " شخص في الهجوم.",
    "وارتفعت الأسعار 13.4 في المئة وقتل 4 أشخاص.",
    "وأصيب 2,5 من السكان بحسب التقرير ونزح 43,9 ألف شخص.",
]


@pytest.mark.parametrize("text", NO_CRASH)
def test_digit_forms_never_crash(claims_of, text):
    for c in claims_of(text):
        assert 0 <= c.start < c.end <= len(text)


@pytest.mark.parametrize("text,expected", [
    ("وتضم المخيمات 1.200.000 نازح بحسب الأمم المتحدة.", [("displaced", 1200000, None, "exact")]),
    ("وأحصت الأمم المتحدة 1.486.958 نازحا في المحافظة.", [("displaced", 1486958, None, "exact")]),
    ("ونزح ما بين 500 ألف و1.5 مليون شخص من المدينة.", [("displaced", 500000, 1500000, "range")]),
    ("ونزح 2,5 مليون شخص من المدينة.", [("displaced", 2500000, None, "exact")]),
    # a decimal alone is a rate or a measure, never a count of people
    ("وأصيب 2,5 من السكان بحسب التقرير.", []),
    ("وقتل 13.4 من الأطفال في المنطقة.", []),
    # dotted dates, addresses and overlong digit strings are no figure at all
    ("وقتل ثلاثة مدنيين يوم 21.01.2022 في قصف على القرية.", [("killed", 3, None, "exact")]),
    ("وقتل " + "9" * 309 + " شخص في الهجوم.", []),
    # a percentage is not a count of people
    ("وقتل 20 بالمئة من السكان في الهجوم.", []),
    # an hour in another time zone (AFP's ت غ, بتوقيت غرينتش) is no count of the people after it
    ("وقتل المسلحون الساعة 22,00 (21,00 ت غ) خمسة رعاة في القرية.", [("killed", 5, None, "exact")]),
    ("وانفجرت العبوة بعد منتصف الليل (2330 بتوقيت غرينتش) ما أدى إلى إصابة ثلاثة أشخاص.",
     [("injured", 3, None, "exact")]),
    # a spelled Latin letter or a maker's prefix before a figure makes it a model or a name
    ("وأعلنت موسكو أنها ستبدأ تسليم منظومة إس-400 إلى الجيش خلال أسبوعين.", []),
    ("وقالت القيادة إن طيارين في طائرة سي-130 أصيبا إصابات طفيفة.", []),
    ("ونقلت وكالة عن موقع \"تي 24\" أن الشرطة أفرجت عن ثلاثة صحافيين.", [("freed", 3, None, "exact")]),
    ("وسقطت مروحية من طراز ميغ-31 ما أدى إلى مقتل طيارين اثنين.", [("killed", 2, None, "exact")]),
    # the letter-like Arabic words stay words: في and إن before a figure leave it a count
    ("وقالت الوزارة إن 12 جنديا قتلوا في الهجوم.", [("killed", 12, None, "exact")]),
])
def test_digit_forms_values(figures, text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("token,value", [
    ("13.4", 13.4), ("2,5", 2.5), ("43,9", 43.9), ("1.486.958", 1486958), ("1,200,000", 1200000),
    ("1.200.000", 1200000), ("1,200", 1200), ("22.3.1974", None), ("21.01.2022", None),
    ("192.168.1.1", None), ("9" * 309, None), ("1.200,5", None), ("31.074.2038", None),
])
def test_digit_token_values(token, value):
    assert _digits(token) == value
