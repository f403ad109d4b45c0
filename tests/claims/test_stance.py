"""Stance: denied figures with the denier as source, unconfirmed reports and estimates, asserted."""


def stance(claims_of, text):
    return [(c.kind, c.value, c.stance, c.source) for c in claims_of(text)]


def test_denied_with_denier_as_source(claims_of):
    text = "نفت القيادة العامة لقوات سوريا الديمقراطية الأنباء التي تحدثت عن هروب نحو 200 عنصر لتنظيم داعش."
    assert stance(claims_of, text) == [("escaped", 200, "denied", "Syrian Democratic Forces (SDF)")]


def test_denial_after_the_figure_adds_the_deniers_claim(claims_of):
    text = "وقتل 16 مدنيا في غارة استهدفت المشفى، بحسب المرصد، الأمر الذي نفاه الجيش التركي."
    assert stance(claims_of, text) == [
        ("killed", 16, "asserted", "Syrian Observatory for Human Rights (SOHR)"),
        ("killed", 16, "denied", "Military Forces of Turkey")]


def test_denial_predicate(claims_of):
    text = "وقال المتحدث إن الأنباء عن مقتل 30 جنديا غير صحيحة."
    assert [c.stance for c in claims_of(text)] == ["denied"]


def test_unnamed_reports_are_unconfirmed(claims_of):
    text = "وأشارت تقارير إلى أن سجناء داعش سيطروا على السجن وهروب أكثر من 80 ارهابيا."
    assert stance(claims_of, text) == [("escaped", 80, "unconfirmed", "Reports")]


def test_hedge_verbs(claims_of):
    text = "وقال أحد الشهود: أعتقد أن عدد المصابين يتجاوز 50."
    assert [c.stance for c in claims_of(text)] == ["unconfirmed"]
    assert [c.stance for c in claims_of("ورجح المسؤول هروب نحو 200 سجين.")] == ["unconfirmed"]
    text = "ولم يتسن التأكد من مقتل 12 شخصا في القصف."
    assert [c.stance for c in claims_of(text)] == ["unconfirmed"]


def test_hedge_after_the_claim_does_not_count(claims_of):
    text = "وأضافت أن 223 من سجناء تنظيم داعش مفقودين، يرجح أنهم ضمن أعداد القتلى."
    assert [(c.kind, c.value, c.stance) for c in claims_of(text)] == [("missing", 223, "asserted")]


def test_asserted_by_default(claims_of):
    assert [c.stance for c in claims_of("وأعلن الجيش مقتل 5 مسلحين.")] == ["asserted"]


def test_denial_in_the_next_sentence(claims_of):
    text = "قتل 16 مدنيا في غارة تركية على عفرين. ونفى الجيش التركي ذلك."
    assert stance(claims_of, text) == [("killed", 16, "asserted", None),
                                       ("killed", 16, "denied", "Military Forces of Turkey")]


def test_claiming_verb_is_unconfirmed(claims_of):
    text = "وأكد المتحدث باسم حركة الشباب مسؤولية الحركة عن الهجوم، مدعيا مقتل 20 جنديا."
    assert stance(claims_of, text) == [("killed", 20, "unconfirmed", "Al Shabaab")]


def test_news_agency_name_is_not_a_hedge(claims_of):
    text = "وذكرت وكالة الأنباء السورية أن 7 أشخاص قتلوا في انفجار."
    assert stance(claims_of, text) == [("killed", 7, "asserted", "SANA")]


def test_unverifiable_next_sentence_makes_figures_unconfirmed(claims_of):
    text = ("مقتل 25 مدنيا في قصف على إدلب\n\n"
            "قال ناشطون إن 25 مدنيا قتلوا في القصف. ولم يتسن لرويترز التحقق من صحة الأرقام بشكل مستقل.")
    got = claims_of(text)
    assert stance(claims_of, text) == [("killed", 25, "unconfirmed", "Activists")]
    assert len(got[0].spans) == 2  # the headline is the same claim
