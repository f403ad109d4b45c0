"""Issue 9's dates: coming days stay coming, tomorrow words, named dates of history, a weekday "last" on
that same weekday, a weekday of last week, anaphoric days. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from marsad.extract.dates import find_dates, resolve_date_text
from marsad.model import Article
from marsad.text.nlp import make_nlp

D = dt.date
THU_5_APR_2018 = D(2018, 4, 5)  # a Thursday


@pytest.mark.parametrize(("text", "pub", "first"), [
    # a day and month a few days ahead is a schedule of this year, not last year's day
    ("تبدأ المحاكمة يوم 17 أبريل", THU_5_APR_2018, D(2018, 4, 17)),
    # ... but a day months ahead of publication is last year's
    ("قتل جندي في 20 ديسمبر", D(2018, 1, 10), D(2017, 12, 20)),
    # tomorrow words
    ("يعقد المجلس جلسة طارئة غدا", THU_5_APR_2018, D(2018, 4, 6)),
    ("تنطلق المفاوضات بعد غد في جنيف", THU_5_APR_2018, D(2018, 4, 7)),
    # "last Thursday" said on a Thursday is a week earlier
    ("وقع الهجوم الخميس الماضي", THU_5_APR_2018, D(2018, 3, 29)),
    # a weekday of last week (weeks run Saturday to Friday)
    ("انفجرت العبوة ليلة الأربعاء من الأسبوع الماضي", THU_5_APR_2018, D(2018, 3, 28)),
    ("انفجرت العبوة ليلة الأربعاء من الأسبوع الماضي", D(2018, 4, 7), D(2018, 4, 4)),
    # named dates of history are not this year's
    ("منذ هجمات 11 سبتمبر تغيرت السياسة", THU_5_APR_2018, D(2001, 9, 11)),
    ("في ذكرى ثورة 25 يناير", THU_5_APR_2018, D(2011, 1, 25)),
])
def test_issue9_resolution(text, pub, first):
    got = resolve_date_text(text, pub)
    assert got is not None and got[0] == first


def test_named_history_and_anaphoric_days(tmp_path):
    nlp = make_nlp()
    text = "أحيا المتظاهرون ذكرى 14 آذار، وفي اليوم التالي اعتقلت الشرطة عشرة منهم."
    doc = nlp(text)
    doc._.article = Article(id="t", text=text, published="2018-03-20")
    found = find_dates(doc)
    # the anniversary is history whatever year it resolves to; `اليوم التالي` is no publication day
    assert [(m.text, m.background) for m in found] == [("14 آذار", True)]
