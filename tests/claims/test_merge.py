"""One claim per distinct figure: a headline repeated in the body keeps all its spans; offsets are
in the original text."""


def test_headline_and_body_repeat_is_one_claim_with_two_spans(claims_of):
    text = ("العراق: مقتل أكثر من 350 عنصرا بـ داعش خلال محاولة الفرار\n\n"
            "أعلنت خلية الإعلام الأمني في العراق عن مقتل أكثر من 350 عنصرا في تنظيم \"داعش\" الإرهابي.")
    got = claims_of(text)
    assert len(got) == 1
    c = got[0]
    assert (c.kind, c.value, c.qualifier, c.who, c.source) == (
        "killed", 350, "more_than", "Islamic State (ISIS)", "Security Media Cell (Iraq)")
    assert len(c.spans) == 2
    assert [text[s.start:s.end] for s in c.spans] == [s.text for s in c.spans]
    assert all("350" in s.text for s in c.spans)
    assert c.spans[0].start < text.index("\n") < c.spans[1].start
    # the claim's own offsets are the body mention
    assert text[c.start:c.end] == c.spans[1].text


def test_offsets_survive_diacritics_and_tatweel(claims_of):
    text = "قُتِلَ ثـلاثـة جُنُودٍ وأُصِيبَ ٤ آخرون."
    got = claims_of(text)
    assert [(c.kind, c.value) for c in got] == [("killed", 3), ("injured", 4)]
    assert "ثـلاثـة" in text[got[0].start:got[0].end]
    assert "٤" in text[got[1].start:got[1].end]


def test_different_groups_with_the_same_figure_stay_apart(claims_of):
    got = claims_of("قتل 3 جنود في الهجوم. وقتل 3 مدنيين في قصف آخر.")
    assert [(c.value, c.who) for c in got] == [(3, "Military forces"), (3, "Civilians")]


def test_boilerplate_is_skipped(nlp):
    from marsad import pipeline
    from marsad.model import Article

    text = "مقتل 5 مدنيين في قصف\n\nاقرأ أيضا: مقتل 40 شخصا في انفجار سابق"
    doc = nlp.make_doc(text)
    doc._.article = Article(id="t", text=text)
    cut = text.index("اقرأ")
    doc._.boilerplate = [(cut, len(text))]
    for name, proc in nlp.pipeline:
        if name != "marsad_boilerplate":
            doc = proc(doc)
    assert [c.value for c in doc._.claims] == [5]
    assert pipeline  # imported for the pipeline's components
