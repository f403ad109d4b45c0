"""Who makes the claim: speech verbs and their subjects, attribution markers, statements that run
over several sentences, headline forms, relays; null when the outlet states it itself."""


def src(claims_of, text):
    return [(c.kind, c.value, c.source, c.relay) for c in claims_of(text)]


def test_speech_verb_subject(claims_of):
    assert src(claims_of, "قال المرصد السوري لحقوق الإنسان إن 16 مدنيا قتلوا في الغارة.") == [
        ("killed", 16, "Syrian Observatory for Human Rights (SOHR)", None)]


def test_speech_verb_with_time_words_before_the_subject(claims_of):
    assert src(claims_of, "أعلنت الأحد وزارة الداخلية الأردنية مقتل ثلاثة إرهابيين.") == [
        ("killed", 3, "Interior Ministry of Jordan", None)]


def test_according_to_after_the_figure(claims_of):
    assert src(claims_of, "قتل 16 مدنيا في غارة تركية، بحسب المرصد السوري لحقوق الإنسان.") == [
        ("killed", 16, "Syrian Observatory for Human Rights (SOHR)", None)]


def test_according_to_with_verb(claims_of):
    text = "قُتل ضابط و3 جنود في انفجار عبوة ناسفة، حسبما أعلن المتحدث العسكري للقوات المسلحة."
    assert src(claims_of, text) == [("killed", 1, "Military spokesman", None),
                                    ("killed", 3, "Military spokesman", None)]


def test_unknown_speaker_keeps_its_words(claims_of):
    got = claims_of("وقال العميد أحمد سمير إن 4 جنود قتلوا.")
    assert [(c.source, c.source_text) for c in got] == [("العميد أحمد سمير", "العميد أحمد سمير")]


def test_outlet_states_it_itself(claims_of):
    assert src(claims_of, "قتل 11 جنديا في هجوم للتنظيم في ديالى.") == [("killed", 11, None, None)]


def test_statement_runs_over_sentences(claims_of):
    text = ("وقالت القيادة العامة لقوى الأمن الداخلي في بيان حول الهجوم إن الخلايا حاولت اقتحام السجن.\n"
            "وتابع البيان قائلا: نتيجة لذلك جُرِحَ ٧ أعضاء من قواتنا.")
    assert src(claims_of, text) == [("injured", 7, "Asayish (Internal Security Forces)", None)]


def test_pronoun_speaker_continues(claims_of):
    text = ("قالت وزارة الداخلية التركية إن الانفجار عمل إرهابي. "
            "وأضافت أن 27 شخصا قتلوا. وأعلنت الوزارة إصابة 100 آخرين.")
    assert src(claims_of, text) == [("killed", 27, "Interior Ministry of Turkey", None),
                                    ("injured", 100, "Interior Ministry of Turkey", None)]


def test_quote_left_open_keeps_its_speaker(claims_of):
    text = ('ونقلت الخلية في بيان: "تابعت القيادة مجريات المحاولة. '
            'وتبين أن 400 عنصر من الإرهابيين فروا من السجن".')
    got = claims_of("أعلنت خلية الإعلام الأمني الخبر.\n" + text)
    assert [(c.kind, c.value, c.source) for c in got] == [("escaped", 400, "Security Media Cell (Iraq)")]


def test_headline_form(claims_of):
    text = "الخارجية الإيطالية: اختطاف أربعة من مواطنينا في ليبيا\n\nوقع الحادث قرب مليتة."
    assert src(claims_of, text) == [("abducted", 4, "Foreign Ministry of Italy", None)]


def test_relay_keeps_the_closest_speaker(claims_of):
    text = ("ونقلت صحيفة نيويورك تايمز الأميركية عن مسؤول أميركي كبير إن الهدف تحرير القادة، "
            "مرجحاً هروب نحو 200 سجين.")
    got = claims_of(text)
    assert [(c.kind, c.value, c.source_text, c.relay) for c in got] == [
        ("escaped", 200, "مسؤول أميركي كبير", "New York Times")]


def test_agency_told_is_a_relay(claims_of):
    text = "قالت مصادر طبية يمنية لوكالة فرانس برس إن 12 مدنيا قتلوا."
    assert src(claims_of, text) == [("killed", 12, "Medical source", "Agence France-Presse (AFP)")]


def test_colon_statement_runs_to_the_paragraph_end(claims_of):
    text = ("صرح المتحدث الأمني بوزارة الداخلية : بأن الجهات الأمنية أطاحت بتنظيم. وقد تم ضبط 97 موقوفا. "
            "واستشهد في العمليات 37 من رجال الأمن.\nوفي سياق آخر قتل 5 أشخاص في حادث.")
    assert [(c.value, c.source) for c in claims_of(text)] == [
        (97, "Interior Ministry"), (37, "Interior Ministry"), (5, None)]


def test_named_source_over_the_words_around_it(claims_of):
    assert src(claims_of, "وذكر مراسل الجزيرة أن 5 أشخاص قتلوا.") == [("killed", 5, "Al Jazeera", None)]


def test_agency_told_after_la_with_quotes(claims_of):
    text = 'قال مسؤول أمني عراقي لـ"رويترز" إن انتحاريا فجر نفسه ما أسفر عن مقتل 18 شخصا.'
    assert src(claims_of, text) == [("killed", 18, "Security source", "Reuters")]


def test_relay_with_quoted_speech(claims_of):
    text = "ونقلت وكالة رويترز عن مصادر أمنية قولها إن 4 جنود قتلوا."
    assert src(claims_of, text) == [("killed", 4, "Security source", "Reuters")]
