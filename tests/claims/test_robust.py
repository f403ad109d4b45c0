"""Any text: the claims stage never fails, and every offset it reports lies inside the text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = ["مقتل", "قتل", "إصابة", "جرحى", "اعتقال", "نحو", "أكثر", "من", "على", "الأقل", "و", "بين", "إلى",
         "ثلاثة", "آلاف", "ألف", "عشرات", "جنديين", "مدنيين", "داعش", "قال", "المرصد", "إن", "نفى", "بحسب",
         "أنباء", "عن", "منهم", "آخرين", "12", "٧", "1.5", "20عنصراً", "و40من", ":", "،", ".", "\n", "\"",
         "«", "»", "ـ", "ُ", "(", ")", "/", "2022", "يناير", "عاما", "سيارات", "لعشرين", "قتيلا", "العراق"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=40))
def test_never_fails_and_offsets_are_inside(claims_of, words):
    text = " ".join(words)
    for c in claims_of(text):
        assert 0 <= c.start < c.end <= len(text)
        assert c.kind in {"killed", "injured", "casualties", "arrested", "escaped", "missing", "abducted",
                          "freed", "held", "displaced"}
        assert c.stance in {"asserted", "denied", "unconfirmed"}
        assert (c.value is None) == (c.vague is not None) or c.value is not None
        for s in c.spans:
            assert text[s.start:s.end] == s.text


def test_empty_and_blank_texts(claims_of):
    assert claims_of("") == []
    assert claims_of("\n\n  \n") == []
    assert claims_of("12") == []
