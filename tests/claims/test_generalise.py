"""Patterns of Arabic news from other countries and outlets: sources named at the end of the sentence,
organisations and parties as speakers, datelines, denials of the figure just given, hedged and
negated qualifiers, and kinds carried by lost homes, coordinated verbs, counts of detainees and
deaths in custody. Sentences written for these tests (not taken from the gold sets)."""

import pytest


def _rows(claims_of, text):
    return [(c.kind, c.value, c.qualifier, c.source, c.stance) for c in claims_of(text)]


SOURCES = [
    # the attribution closes the sentence, after a report noun and a clitic (لوزارة)
    ("قتل 23 شخصا في قصف على مخيم للنازحين، وفق حصيلة أولية لوزارة الصحة العامة.",
     [("killed", 23, "exact", "Health Ministry", "asserted")]),
    # a body not in the actor table is named by its words, a casualty noun inside the name kept
    ("نزحت 340 عائلة من القرى الجنوبية خلال يومين، وفق الوحدة التنفيذية لإدارة مخيمات النازحين.",
     [("displaced", 340, "exact", "الوحدة التنفيذية لإدارة مخيمات النازحين", "asserted")]),
    ("وقال مكتب توثيق الشهداء في درعا إن 8 أشخاص قتلوا تحت التعذيب.",
     [("killed", 8, "exact", "مكتب توثيق الشهداء", "asserted")]),
    # an organisation of doctors speaks as itself, not as "health workers"
    ("وقالت لجنة أطباء السودان المركزية إن 12 متظاهرا قتلوا برصاص قوات الأمن.",
     [("killed", 12, "exact", "لجنة أطباء السودان المركزية", "asserted")]),
    # a new spokesman is a new speaker, not the one before
    ("قال الجيش إن قواته قتلت 20 مسلحا. وقال الناطق باسم جهاز الإسعاف والطوارئ إن 4 مسعفين أصيبوا.",
     [("killed", 20, "exact", "Military forces", "asserted"),
      ("injured", 4, "exact", "Medical source", "asserted")]),  # the ambulance service speaks
    # the accused party is the object, not part of the speaker
    ("واتهمت حكومة عبد ربه منصور هادي جماعة الحوثي بقتل 11 مدنيا في تعز.",
     [("killed", 11, "exact", "Government of Yemen", "asserted")]),
    # a party's spokesman speaks for the party
    ("وقال المتحدث العسكري باسم الحوثيين إن قواتهم قتلت 30 جنديا سعوديا.",
     [("killed", 30, "exact", "Houthis (Ansar Allah)", "asserted")]),
    # unnamed local sources are not a local official
    ("وقالت مصادر محلية إن 7 أشخاص قتلوا.", [("killed", 7, "exact", "Local sources", "asserted")]),
    # a place before a headline colon is a dateline: the outlet speaks
    ("غزة: 17 شهيدا في غارات إسرائيلية على خان يونس", [("killed", 17, "exact", None, "asserted")]),
    # the statement's author named before (أصدرت وزارة الداخلية بيانا) speaks on (وأشار البيان)
    ("أصدرت وزارة الداخلية بيانا حول الهجوم. وأشار البيان إلى مقتل 6 من عناصر الشرطة.",
     [("killed", 6, "exact", "Interior Ministry", "asserted")]),
]


@pytest.mark.parametrize("text,expected", SOURCES)
def test_sources(claims_of, text, expected):
    assert _rows(claims_of, text) == expected


def test_denial_of_previous_sentence_then_own_figures(claims_of):
    text = ("قتل 14 مدنيا في غارة على سوق شعبي. ونفت وزارة الدفاع هذه الحصيلة، وقالت إن عدد القتلى "
            "لم يتجاوز 5 أشخاص، بينهم اثنان من المسلحين.")
    assert _rows(claims_of, text) == [
        ("killed", 14, "exact", None, "asserted"),
        ("killed", 14, "exact", "Defence Ministry", "denied"),
        ("killed", 5, "up_to", "Defence Ministry", "asserted"),
        ("killed", 2, "exact", "Defence Ministry", "asserted"),
    ]


STANCE_AND_KIND = [
    # two coordinated verbs make casualties; a participle after the figure hedges it
    ("وأعلنت الجماعة أنها قتلت وأصابت 18 عنصرا من القوات الحكومية، زاعمة أنها دمرت آليتين.",
     [("casualties", 18, "exact", "الجماعة", "unconfirmed")]),
    # a count of detainees that "may reach" a figure: arrested, up to, unconfirmed
    ("وقالت منظمة حقوقية إن أعداد المعتقلين قد تصل إلى 60 شخصا.",
     [("arrested", 60, "up_to", "منظمة حقوقية", "unconfirmed")]),
    ("وأضافت أن عدد المعتقلين تجاوز 150 منذ بدء الاحتجاجات.",
     [("arrested", 150, "more_than", None, "asserted")]),
    # families who lost their homes are displaced, not missing
    ("وقالت المفوضية إن نحو 400 أسرة فقدت منازلها جراء الفيضانات والقصف.",
     [("displaced", 400, "about", "المفوضية", "asserted")]),
    # deaths in custody are deaths
    ("وقالت المنظمة إن أربع نساء توفين أثناء الاحتجاز في سجن النساء.",
     [("killed", 4, "exact", "المنظمة", "asserted")]),
    # motorbikes and flights are not people
    ("وضبطت الشرطة ثلاث دراجات نارية كان يستخدمها المسلحون.", []),
    ("وقال المسؤول إن أربع رحلات جوية نقلت المعتقلين المفرج عنهم إلى صنعاء.", []),
    # a dual woman noun in a breakdown counts two
    ("قتل سبعة مدنيين، بينهم خمسة أطفال وسيدتان، في قصف على بلدة في ريف إدلب.",
     [("killed", 7, "exact", None, "asserted"), ("killed", 5, "exact", None, "asserted"),
      ("killed", 2, "exact", None, "asserted")]),
    # a group mourning its members announces their death
    ("ونعت حركة الجهاد الإسلامي أربعة من عناصرها.",
     [("killed", 4, "exact", "Palestinian Islamic Jihad", "asserted")]),
]


@pytest.mark.parametrize("text,expected", STANCE_AND_KIND)
def test_stance_and_kind(claims_of, text, expected):
    assert _rows(claims_of, text) == expected


def _whos(claims_of, text):
    return [(c.kind, c.value, c.who) for c in claims_of(text)]


WHO_AND_KIND = [
    # a dual soldier noun is its own group: the attackers named after an attack word are not
    ("أعلن الجيش النيجيري عن مقتل جنديين في هجوم شنه مسلحون على قاعدة عسكرية.",
     [("killed", 2, "Military Forces of Nigeria")]),
    # officers of no country named: the one country's forces the article names
    ("وقتل ضابطان في هجوم على دورية للجيش العراقي غرب الأنبار.", [("killed", 2, "Military Forces of Iraq")]),
    # Iraqi "members" of the security forces, and the others wounded with them
    ("وأسفر الهجوم عن مقتل 27 من منتسبي القوات الأمنية وإصابة 3 آخرين.",
     [("killed", 27, "Security forces"), ("injured", 3, "Security forces")]),
    ("وأصيب ثلاثة من عناصر الإسعاف خلال محاولتهم إخلاء الجرحى.", [("injured", 3, "Health workers")]),
    ("وقتل متظاهرين اثنين برصاص قوات الأمن في أم درمان.", [("killed", 2, "Protesters")]),
    # the ranks named after the figure; a side the actor table lacks keeps its words
    ("وسقط أكثر من 30 بين قتيل وجريح في صفوف القوات الموالية للتحالف.",
     [("casualties", 30, "القوات الموالية للتحالف")]),
    ("وقتل خمسة جنود في صفوف قوات النظام.", [("killed", 5, "Military Forces of Syria")]),
    ("وقتل ستة أفراد من عائلة واحدة في غارة على منزلهم.", [("killed", 6, "Civilians")]),
    # the part of a whole takes the clause's last verb and the whole's group
    ("وأكدت الشرطة أن 83 من أصل 95 طالبة خطفهن مسلحون من مدرستهن قد أطلق سراحهن.",
     [("freed", 83, "Students"), ("abducted", 95, "Students")]),
    # an exchange frees both sides
    ("وأفرجت الحركة عن 240 أسيرا مقابل 105 من مقاتليها.",
     [("freed", 240, "Prisoners"), ("freed", 105, "Unidentified persons")]),
    # missing after being taken away: abducted
    ("وقال شهود إن مصير 12 آخرين لا يزال مجهولا بعد أن اقتادهم المسلحون إلى جهة غير معلومة.",
     [("abducted", 12, "Unidentified persons")]),
    # the verb of the event beats the state noun
    ("وشنت القوات هجوما على المخبأ وحررت 12 رهينة.", [("freed", 12, "Unidentified persons")]),
    # the doers of a deed are no victims
    ("وخطف أربعة مسلحين ملثمين الكاهن من منزله في البلدة.", []),
    ("وقام ثلاثة مسلحين في يونيو الماضي بخطف الأب من الدير.", []),
    # but fighters killed by a verb are counted
    ("وقتل أربعة مسلحين في الاشتباكات.", [("killed", 4, "Unidentified Armed Group")]),
]


@pytest.mark.parametrize("text,expected", WHO_AND_KIND)
def test_who_and_kind(claims_of, text, expected):
    assert _whos(claims_of, text) == expected


def test_local_sources_take_over_from_the_army(claims_of):
    text = "وقال الجيش إن جنديين قتلا في الاشتباك، بينما تحدثت مصادر محلية عن 3 مفقودين."
    assert [(c.kind, c.value, c.source) for c in claims_of(text)] == [
        ("killed", 2, "Military forces"), ("missing", 3, "Local sources")]


MORE = [
    # a number after a plural of time is a duration, the figure after it is the claim
    ("وقتل خلال الساعات الأربع والعشرين الماضية 14 شخصا في الغارات.",
     [("killed", 14, "Unidentified persons")]),
    # a militia the actor table does not know is named by its words, not as generic fighters
    ("وقتل عنصرين من ميليشيا لواء الباقر في كمين قرب تدمر.", [("killed", 2, "ميليشيا لواء الباقر")]),
    # a group the table now knows (mined): its canonical name
    ("وقتل 4 من عناصر ميليشيات الدفاع الوطني في الهجوم.", [("killed", 4, "National Defence Forces (NDF)")]),
    ("وقتل 4 من عناصر ميليشيات درع القلمون في الهجوم.", [("killed", 4, "ميليشيات درع القلمون")]),
    # a known group after the head stays the known group
    ("وقتل 4 من عناصر تنظيم داعش في الهجوم.", [("killed", 4, "Islamic State (ISIS)")]),
    # the accused are suspects, whatever they are accused of belonging to
    ("واعتقلت الشرطة 9 متهمين بالانتماء إلى خلية إرهابية.", [("arrested", 9, "Suspects")]),
]


@pytest.mark.parametrize("text,expected", MORE)
def test_more_groups(claims_of, text, expected):
    assert _whos(claims_of, text) == expected


HEADS = [
    # the head of the phrase speaks; the government it belongs to only says whose ministry it is
    ("أعلنت وزارة الصحة في حكومة الوحدة الوطنية الليبية ارتفاع الحصيلة إلى 32 قتيلا.",
     [("killed", 32, "exact", "Health Ministry", "asserted")]),
    # officials of the police speak for the police
    ("قتل تسعة أشخاص على الأقل، وفق ما أفاد به مسؤولون في الشرطة.",
     [("killed", 9, "at_least", "Security forces", "asserted")]),
    # a group claiming an attack speaks; the attack is its object; a participle hedges its figure
    ("وتبنت حركة الشباب المتطرفة الهجوم في بيان، زاعمة أنها قتلت 15 عنصرا من القوات الحكومية.",
     [("killed", 15, "exact", "Al Shabaab", "unconfirmed")]),
    # a denial opened by a connective still points back; the denier's own figure is asserted
    ("وقالت الوزارة إن ثلاثة مدنيين قتلوا. في المقابل، نفى المتحدث باسم الجهاز صحة هذه الأرقام، وقال إن عدد "
     "القتلى لا يتجاوز 12 شخصا.",
     [("killed", 3, "exact", "الوزارة", "asserted"), ("killed", 3, "exact", "المتحدث باسم الجهاز", "denied"),
      ("killed", 12, "up_to", "المتحدث باسم الجهاز", "asserted")]),
]


@pytest.mark.parametrize("text,expected", HEADS)
def test_speaker_heads(claims_of, text, expected):
    assert _rows(claims_of, text) == expected


def test_own_people_of_an_unlisted_body(claims_of):
    text = "وذكر مركز طب الطوارئ والدعم أن 4 من عناصره أصيبوا أثناء إسعاف الجرحى."
    assert [(c.kind, c.value, c.who, c.source) for c in claims_of(text)] == [
        ("injured", 4, "مركز طب الطوارئ والدعم", "مركز طب الطوارئ والدعم")]


def test_part_after_its_total(claims_of):
    text = "أعلنت وزارة الصحة استشهاد 12 مواطنا وإصابة أكثر من 100 آخرين، 20 منهم بحالة خطيرة."
    assert _whos(claims_of, text) == [("killed", 12, "Civilians"), ("injured", 100, "Civilians"),
                                      ("injured", 20, "Civilians")]


def test_soldier_of_the_army_named_in_the_sentence(claims_of):
    text = "قال الجيش الإسرائيلي إنه اعتقل 30 مطلوبا خلال العملية، مشيرا إلى مقتل جندي من وحدة النخبة."
    assert _whos(claims_of, text) == [("arrested", 30, "Suspects"),
                                      ("killed", 1, "Military Forces of Israel")]


LAST = [
    # the wounded who died are dead
    ("وقالت مصادر في المستشفى إن 3 جرحى توفوا متأثرين بإصاباتهم.",
     [("killed", 3, "exact", "Medical source", "asserted")]),
    # lost contact with soldiers: missing, said by the army about its own
    ("وقالت قيادة الجيش في بيان إنها فقدت الاتصال بـ 4 من جنودها.",
     [("missing", 4, "exact", "Military forces", "asserted")]),
    # the relayed source's words end before "its saying"
    ("ونقلت وكالة رويترز عن مصادر طبية قولها إن 14 شخصا قتلوا.",
     [("killed", 14, "exact", "Medical source", "asserted")]),
]


@pytest.mark.parametrize("text,expected", LAST)
def test_last_patterns(claims_of, text, expected):
    assert _rows(claims_of, text) == expected


def test_relay_source_text_is_clean(claims_of):
    (c,) = claims_of("ونقلت وكالة رويترز عن مصادر طبية قولها إن 14 شخصا قتلوا.")
    assert (c.source_text, c.relay) == ("مصادر طبية", "Reuters")


TRAILING = [
    ("قتل خمسة أشخاص في الهجوم، قال مسؤول محلي.", [("killed", 5, "exact", "Local official", "asserted")]),
    ("وقتل 12 جنديا في كمين نصبه مسلحون، على ما أعلنت وزارة الدفاع.",
     [("killed", 12, "exact", "Defence Ministry", "asserted")]),
    ("ولقي 6 أشخاص حتفهم، وفقا لما ذكرته وكالة الأنباء الرسمية.",
     [("killed", 6, "exact", "State media", "asserted")]),
    # a coordinated clause after the comma is no attribution
    ("وأسفر الهجوم عن مقتل 12 شخصا، وأعلن تنظيم الدولة الإسلامية مسؤوليته عنه.",
     [("killed", 12, "exact", None, "asserted")]),
    # a missing perpetrator is no hedge
    ("قتل 3 جنود، دون أن تذكر الوكالة الجهة المنفذة للهجوم.", [("killed", 3, "exact", None, "asserted")]),
]


@pytest.mark.parametrize("text,expected", TRAILING)
def test_trailing_attribution(claims_of, text, expected):
    assert _rows(claims_of, text) == expected


def test_soldiers_of_a_nationality_and_a_party_spokesman(claims_of):
    text = ("أعلنت جماعة أنصار الله مقتل 20 جنديا سعوديا في هجوم على موقع عسكري. وقال المتحدث العسكري باسم "
            "الجماعة إن قواتها أسرت 5 جنود.")
    assert [(c.kind, c.value, c.who, c.source) for c in claims_of(text)] == [
        ("killed", 20, "Military Forces of Saudi Arabia", "Houthis (Ansar Allah)"),
        # the incident is placed by the Saudi forces it names: its unnamed soldiers are theirs
        ("arrested", 5, "Military Forces of Saudi Arabia", "Houthis (Ansar Allah)")]


def test_mourned_members_end_the_speaker(claims_of):
    (c,) = claims_of("ونعى حزب الله اثنين من عناصره.")
    assert (c.kind, c.value, c.who, c.source, c.source_text) == \
        ("killed", 2, "Hezbollah", "Hezbollah", "حزب الله")


OCCUPATIONS = [
    ("وقتل 15 صيادا في هجوم لبوكو حرام قرب بحيرة تشاد.", [("killed", 15, "Civilians")]),
    ("وأصيب 9 من المارة في الانفجار.", [("injured", 9, "Civilians")]),
    ("وقتل 8 من مقاتلي هيئة تحرير الشام.", [("killed", 8, "Hayat Tahrir al-Sham (HTS)")]),
]


@pytest.mark.parametrize("text,expected", OCCUPATIONS)
def test_occupations_and_fighters_of(claims_of, text, expected):
    assert _whos(claims_of, text) == expected


def _sources(claims_of, text):
    return [(c.kind, c.value, c.source, c.source_text, c.relay) for c in claims_of(text)]


def test_source_told_an_unlisted_outlet(claims_of):
    assert _sources(claims_of, 'وأفادت مصادر محلية لـ"عنب بلدي" بأن 4 مدنيين قتلوا.') == [
        ("killed", 4, "Local sources", "مصادر محلية", "عنب بلدي")]


def test_latest_count_of_a_body(claims_of):
    assert _sources(claims_of, "وبحسب آخر إحصائية للأمم المتحدة، نزح أكثر من 700 ألف شخص.") == [
        ("displaced", 700000, "United Nations", "للأمم المتحدة", None)]


def test_drowned_are_dead(claims_of):
    assert _sources(claims_of, "وذكرت وكالة الأنباء الليبية أن 7 مهاجرين غرقوا قبالة السواحل.") == [
        ("killed", 7, "Libyan News Agency (LANA)", "وكالة الأنباء الليبية", None)]


HEDGES = [
    ("وقتل 30 من عناصر الحركة، بحسب ادعاءات الجيش.",
     [("killed", 30, "exact", "Military forces", "unconfirmed")]),
    ("وقالت مصادر إن 9 أشخاص ربما قتلوا في القصف.", [("killed", 9, "exact", "مصادر", "unconfirmed")]),
    ("وأكد الجيش مقتل 4 من جنوده، لكنه نفى الأنباء عن أسر 2 آخرين.",
     [("killed", 4, "exact", "Military forces", "asserted"),
      ("arrested", 2, "exact", "Military forces", "denied")]),
    ("قتل 5 أشخاص في الهجوم، فيما لم تعلن أي جهة مسؤوليتها عنه.", [("killed", 5, "exact", None, "asserted")]),
]


@pytest.mark.parametrize("text,expected", HEDGES)
def test_hedges_and_later_denials(claims_of, text, expected):
    assert _rows(claims_of, text) == expected


def test_denied_toll_and_the_deniers_breakdown(claims_of):
    text = ("وقال المرصد إن 120 شخصا قتلوا في المواجهات. ونفت وزارة الصحة هذه الحصيلة، "
            "وقالت إن عدد القتلى لم يتجاوز 48 شخصا، بينهم خمسة من القوات النظامية.")
    assert [(c.kind, c.value, c.qualifier, c.who, c.source, c.stance) for c in claims_of(text)] == [
        ("killed", 120, "exact", "Unidentified persons", "Syrian Observatory for Human Rights (SOHR)",
         "asserted"),
        ("killed", 120, "exact", "Unidentified persons", "Health Ministry", "denied"),
        ("killed", 48, "up_to", "Unidentified persons", "Health Ministry", "asserted"),
        ("killed", 5, "exact", "Military forces", "Health Ministry", "asserted")]


def test_mourning_statement(claims_of):
    (c,) = claims_of("وأصدرت حركة الجهاد الإسلامي بيان نعي ثلاثة من عناصرها.")
    assert (c.kind, c.value, c.who, c.source) == \
        ("killed", 3, "Palestinian Islamic Jihad", "Palestinian Islamic Jihad")


WORDINGS = [
    ("وأعلنت القوات المسلحة القضاء على 20 إرهابيا خلال مداهمات.",
     [("killed", 20, "exact", "Military forces", "asserted")]),
    ("وقالت وزارة الدفاع التركية إنها حيدت 15 إرهابيا في شمال العراق.",
     [("killed", 15, "exact", "Defence Ministry of Turkey", "asserted")]),
    ("وأعلنت الوزارة ارتقاء 5 شهداء برصاص الاحتلال.", [("killed", 5, "exact", "الوزارة", "asserted")]),
    # a label before a headline colon is no speaker
    ("حصيلة الهجوم: قتيلان و3 جرحى", [("killed", 2, "exact", None, "asserted"),
                                     ("injured", 3, "exact", None, "asserted")]),
]


@pytest.mark.parametrize("text,expected", WORDINGS)
def test_wordings(claims_of, text, expected):
    assert _rows(claims_of, text) == expected


def test_bracketed_figure_between_groups(claims_of):
    text = "وقد استشهد في تلك العمليات (37) مابين رجال أمن ومواطنين كما أصيب (120) مابين رجال أمن ومواطنين."
    assert _whos(claims_of, text) == [("killed", 37, "Security forces"), ("injured", 120, "Security forces")]


def test_no_speaker_from_a_relative_clause(claims_of):
    # وفقا لما تلقوه من أوامر: what they received is no source
    (c,) = claims_of("وقتل 4 أشخاص وفقا لما تلقوه من أوامر من التنظيم.")
    assert (c.kind, c.value, c.source) == ("killed", 4, None)


def test_apposition_title_and_surname_later(claims_of):
    text = ("وأوضح اللواء منصور التركي، المتحدث الأمني في وزارة الداخلية، أن الجهات الأمنية ضبطت 5 أشخاص. "
            "وقال اللواء التركي إن 3 من رجال الأمن قتلوا.")
    assert [(c.kind, c.value, c.source) for c in claims_of(text)] == [
        ("arrested", 5, "Interior Ministry"), ("killed", 3, "Interior Ministry")]


def test_paragraph_goes_on_in_the_speakers_account(claims_of):
    text = ("وقال المتحدث باسم وزارة الداخلية إن التحقيقات كشفت الخلية. "
            "وباشرت الجهات الأمنية القبض على 19 موقوفا.\nوقتل 3 أشخاص في حادث منفصل.")
    assert [(c.kind, c.value, c.source) for c in claims_of(text)] == [
        ("arrested", 19, "Interior Ministry"), ("killed", 3, None)]


def test_members_of_a_named_body(claims_of):
    text = "وقتل مسلحون مجهولون 4 من عناصر الدفاع المدني."
    assert _whos(claims_of, text) == [("killed", 4, "Civil Defence")]


def test_dual_then_a_new_clause(claims_of):
    # the dual's clause ends at فيما: the wounding after it is another figure's
    assert _whos(claims_of, "قتل جنديان فيما أصيب ثلاثة آخرون.") == [
        ("killed", 2, "Military forces"), ("injured", 3, "Military forces")]
