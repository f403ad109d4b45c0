"""Date resolution on sentences in the style of Arabic conflict news, against fixed publication dates."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.extract.dates import DateMention, find_dates, resolve_date_text
from marsad.model import Article
from marsad.text.nlp import make_nlp

D = dt.date
MON_24_JAN_2022 = D(2022, 1, 24)  # a Monday


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def _doc(nlp, text: str, published: str | None):
    doc = nlp(text)
    doc._.article = Article(id="t", text=text, published=published)
    return doc


@pytest.mark.parametrize(("text", "pub", "first", "last", "precision"), [
    # absolute dates, every way they are written
    ("هاجم مسلحو التنظيم السجن في 20 يناير", MON_24_JAN_2022, D(2022, 1, 20), D(2022, 1, 20), 1),
    ("بدأ الهجوم مساء الخميس 21/يناير/2022 على السجن", MON_24_JAN_2022, D(2022, 1, 21), D(2022, 1, 21), 1),
    ("أعلنت قسد في 31 كانون الثاني/ يناير السيطرة", D(2022, 2, 1), D(2022, 1, 31), D(2022, 1, 31), 1),
    ("تاريخ النشر 2022-01-20", MON_24_JAN_2022, D(2022, 1, 20), D(2022, 1, 20), 1),
    ("نشر في 2022/1/20", MON_24_JAN_2022, D(2022, 1, 20), D(2022, 1, 20), 1),
    ("وقع التفجير بتاريخ 20/1/2022 في المدينة", MON_24_JAN_2022, D(2022, 1, 20), D(2022, 1, 20), 1),
    ("قُتل جندي في 5 شباط 2021 بهجوم مماثل", MON_24_JAN_2022, D(2021, 2, 5), D(2021, 2, 5), 1),
    ("كمين في 8 جويلية قرب جندوبة", D(2018, 7, 9), D(2018, 7, 8), D(2018, 7, 8), 1),
    ("في الأول من يوليو (تموز) الحالي هاجم التنظيم الكمائن", D(2015, 7, 23), D(2015, 7, 1), D(2015, 7, 1), 1),
    ("في 20 من الشهر الجاري", MON_24_JAN_2022, D(2022, 1, 20), D(2022, 1, 20), 1),
    # a month without a year is the nearest occurrence on or before publication
    ("قصف مماثل في 28 ديسمبر", MON_24_JAN_2022, D(2021, 12, 28), D(2021, 12, 28), 1),
    ("في 12 تشرين الأول", MON_24_JAN_2022, D(2021, 10, 12), D(2021, 10, 12), 1),
    ("هجوم مماثل في مايو الماضي", D(2015, 7, 23), D(2015, 5, 1), D(2015, 5, 31), 3),
    ("خلال شهر أوت 2021", MON_24_JAN_2022, D(2021, 8, 1), D(2021, 8, 31), 3),
    ("منذ يوليو (تموز) 2013", D(2015, 7, 23), D(2013, 7, 1), D(2015, 7, 23), 3),
    # weekdays: the most recent such day on or before publication
    ("قال مصدر الخميس إن الهجوم فشل", MON_24_JAN_2022, D(2022, 1, 20), D(2022, 1, 20), 1),
    ("وأعلن المركز الإعلامي، مساء أمس الأحد، أن", MON_24_JAN_2022, D(2022, 1, 23), D(2022, 1, 23), 1),
    ("هاجم مسلحون السجن ليلة أمس الخميس", D(2022, 1, 21), D(2022, 1, 20), D(2022, 1, 20), 1),
    ("قصفت المدفعية مواقع التنظيم فجر اليوم", MON_24_JAN_2022, MON_24_JAN_2022, MON_24_JAN_2022, 1),
    ("وبدأ الهجوم الأربعاء الماضي", D(2022, 1, 31), D(2022, 1, 26), D(2022, 1, 26), 1),
    # "أمس الأربعاء" in a paper dated Friday: written on Thursday, the weekday decides
    ("لقوا مصرعهم مساء أول أمس الاربعاء اثر اصطدام مركب", D(2015, 7, 24), D(2015, 7, 22), D(2015, 7, 22), 1),
    # relative days and periods
    ("قتل ثلاثة مدنيين أمس", MON_24_JAN_2022, D(2022, 1, 23), D(2022, 1, 23), 1),
    ("اعتقلت القوات أول أمس خمسة أشخاص", MON_24_JAN_2022, D(2022, 1, 22), D(2022, 1, 22), 1),
    ("اختطفوا قبل يومين", MON_24_JAN_2022, D(2022, 1, 22), D(2022, 1, 22), 1),
    ("وصلت التعزيزات قبل عدة أيام", MON_24_JAN_2022, D(2022, 1, 17), D(2022, 1, 23), 2),
    ("يحاصر التنظيم البلدة منذ أيام", MON_24_JAN_2022, D(2022, 1, 17), MON_24_JAN_2022, 2),
    ("سيطر التنظيم على المدينة الليلة الماضية", D(2015, 8, 7), D(2015, 8, 6), D(2015, 8, 6), 1),
    ("تتواصل الاشتباكات منذ الخميس", MON_24_JAN_2022, D(2022, 1, 20), MON_24_JAN_2022, 1),
    ("قتل 40 عنصرا خلال الأيام العشرة الماضية", MON_24_JAN_2022, D(2022, 1, 14), MON_24_JAN_2022, 2),
    ("على مدى الأيام الثلاثة الماضية", MON_24_JAN_2022, D(2022, 1, 21), MON_24_JAN_2022, 2),
    ("استمرت المعارك من 20 حتى 23 يناير", MON_24_JAN_2022, D(2022, 1, 20), D(2022, 1, 23), 2),
    ("خلال الشهر الجاري", MON_24_JAN_2022, D(2022, 1, 1), D(2022, 1, 31), 3),
    ("هجمات العام الماضي", MON_24_JAN_2022, D(2021, 1, 1), D(2021, 12, 31), 3),
    # Hijri
    ("الخميس 17 جمادى الآخرة 1443 هـ", MON_24_JAN_2022, D(2022, 1, 20), D(2022, 1, 20), 1),
    # `اليوم الاثنين` in a report published on Wednesday: the weekday wins over `اليوم`
    ("قتل 3 فلسطينيين في مخيم جنين اليوم الاثنين", D(2023, 7, 5), D(2023, 7, 3), D(2023, 7, 3), 1),
    ("قتل 3 فلسطينيين في مخيم جنين اليوم الأربعاء", D(2023, 7, 5), D(2023, 7, 5), D(2023, 7, 5), 1),
    # a weekday before a numeric date is the date's own (Friday 4 Sha'ban 1436 = 22 May 2015)
    ("نقل المنتحر صباح يوم الجمعة 4/8/1436 إلى القطيف", D(2015, 7, 21), D(2015, 5, 22), D(2015, 5, 22), 1),
    # a day of this month named with the month and الجاري keeps its day
    ("قتل جندي في 3 آب/أغسطس الجاري", D(2019, 8, 6), D(2019, 8, 3), D(2019, 8, 3), 1),
    ("قتل جندي في 20 يوليو الماضي", D(2019, 8, 6), D(2019, 7, 20), D(2019, 7, 20), 1),
    # a numeric date with a Hijri year (19 Jumada II 1436 = 8 April 2015)
    ("استهدف التفجير مسجدا في صنعاء يوم 19/6/1436 هـ", D(2015, 4, 10), D(2015, 4, 8), D(2015, 4, 8), 1),
    # years alone
    ("يسيطر التنظيم على المنطقة منذ 2014", MON_24_JAN_2022, D(2014, 1, 1), MON_24_JAN_2022, 3),
    ("وفي عام 2013 قتل 52 شخصا", D(2015, 7, 21), D(2013, 1, 1), D(2013, 12, 31), 3),
])
def test_resolve(text, pub, first, last, precision):
    assert resolve_date_text(text, pub) == (first, last, precision)


@pytest.mark.parametrize("text", [
    "يضم السجن 4400 عنصر من التنظيم",  # a count is not a year
    "قال المرصد إن الوضع متوتر",
    "ألقى القبض على 20 مسلحا",  # a number with no month is no date
    "يخرج المتظاهرون كل يوم جمعة في مدينة درعا",  # a habit, not a day
    "تنظم الحركة مسيرات أيام الجمعة للمطالبة بالإفراج عن المعتقلين",
])
def test_no_date(text):
    assert resolve_date_text(text, MON_24_JAN_2022) is None


def test_outlet_names_are_not_dates():
    pub = D(2015, 8, 7)
    assert resolve_date_text("عين اليوم – بيروت", pub) is None
    thursday = (D(2015, 8, 6), D(2015, 8, 6), 1)
    assert resolve_date_text("وقال لروسيا اليوم إن الهجوم وقع الخميس", pub) == thursday


def test_relative_needs_publication_date():
    assert resolve_date_text("قتل ثلاثة مدنيين أمس", None) is None
    assert resolve_date_text("في 20 يناير", None) is None
    assert resolve_date_text("في 20 يناير 2022", None) == (D(2022, 1, 20), D(2022, 1, 20), 1)


def test_find_dates_offsets_flags_and_boilerplate(nlp):
    text = ("مشاركة عبر فيسبوك الأربعاء 19 يناير\n"
            "هاجم مسلحو تنظيم داعش سجن غويران مساء الخميس 20 يناير 2022، بعد هجوم مماثل في مارس 2019.\n"
            "وقالت قسد أمس إن الاشتباكات مستمرة.")
    doc = _doc(nlp, text, "2022-01-24T10:00:00")
    doc._.boilerplate = [(0, text.index("\n"))]
    found = find_dates(doc)
    assert doc._.dates == found
    assert all(isinstance(m, DateMention) for m in found)
    assert [m.text for m in found] == ["الخميس 20 يناير 2022", "مارس 2019", "أمس"]
    for m in found:
        assert text[m.start:m.end] == m.text
    thursday, march, yesterday = found
    assert (thursday.date, thursday.precision, thursday.relative, thursday.background) == (
        D(2022, 1, 20), 1, False, False)
    assert (march.date, march.date_end, march.precision, march.background) == (
        D(2019, 3, 1), D(2019, 3, 31), 3, True)
    assert (yesterday.date, yesterday.relative, yesterday.background) == (D(2022, 1, 23), True, False)


def test_find_dates_without_publication_keeps_absolute_only(nlp):
    doc = _doc(nlp, "قتل جنديان أمس في هجوم، وكان هجوم سابق وقع في 3 مارس 2019.", None)
    assert [(m.text, m.date) for m in find_dates(doc)] == [("3 مارس 2019", D(2019, 3, 3))]


def test_levantine_and_egyptian_names_agree():
    pub = D(2022, 6, 30)
    pairs = [("كانون الثاني", "يناير"), ("شباط", "فبراير"), ("آذار", "مارس"), ("نيسان", "أبريل"),
             ("أيار", "مايو"), ("حزيران", "يونيو"), ("تموز", "يوليو"), ("آب", "أغسطس"), ("أيلول", "سبتمبر"),
             ("تشرين الأول", "أكتوبر"), ("تشرين الثاني", "نوفمبر"), ("كانون الأول", "ديسمبر")]
    for month, (levant, egypt) in enumerate(pairs, start=1):
        want = (D(2021, month, 3), D(2021, month, 3), 1)
        assert resolve_date_text(f"في 3 {levant} 2021", pub) == want
        assert resolve_date_text(f"في 3 {egypt} 2021", pub) == want


@pytest.mark.parametrize(("text", "first", "last", "precision"), [
    # a month in both its names is a date with no preposition before it
    ("قال إن الاشتباك يشبه هجوم تموز/يوليو على القاعدة", D(2021, 7, 1), D(2021, 7, 31), 3),
    ("حصيلة كانون الثاني/يناير كانت الأعلى", D(2021, 1, 1), D(2021, 1, 31), 3),
    # compound ordinal days, and the Maghrebi 'first'
    ("أطلق سراحه في السابع عشر من آب/أغسطس الماضي", D(2021, 8, 17), D(2021, 8, 17), 1),
    ("وقعت المواجهات في الثالث والعشرين من أيار", D(2021, 5, 23), D(2021, 5, 23), 1),
    ("عاد الوفد في الفاتح من أيلول", D(2021, 9, 1), D(2021, 9, 1), 1),
    # a day number glued to its preposition
    ("أغلقت الطرق في12 تشرين الأول/أكتوبر قرب الحدود", D(2021, 10, 12), D(2021, 10, 12), 1),
])
def test_month_pairs_compound_ordinals_and_glued_days(text, first, last, precision):
    assert resolve_date_text(text, D(2021, 10, 20)) == (first, last, precision)


def test_glued_since_runs_to_publication():
    pub = D(2021, 10, 20)
    assert resolve_date_text("تحاصر القوات البلدة منذ3 تموز/يوليو", pub) == (D(2021, 7, 3), pub, 1)


@pytest.mark.parametrize("text", [
    "مارس الوزير ضغوطا على الحكومة",  # a single name without a lead is the verb 'practised'
    "شاب في العشرين من عمره",  # an ordinal with no month after it
    "الكافي12 تموز",  # a preposition glued to a number must start its word
])
def test_month_pair_and_ordinals_not_overread(text):
    assert resolve_date_text(text, D(2021, 10, 20)) is None
