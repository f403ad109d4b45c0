"""Event sides (actor1/actor2/actors) from real-style sentences: who fought, who was hit, not who spoke."""

from __future__ import annotations


def test_both_sides_lost_people_and_speaker_is_no_side(run_events):
    """ISIS and the SDF both lost fighters; the Pentagon only commented, it is no side of the clash."""
    text = ("مقتل العشرات في اشتباكات بين داعش وقسد في محيط سجن الحسكة\n\n"
            "قتل 16 من عناصر تنظيم داعش و20 من مقاتلي قوات سوريا الديمقراطية في اشتباكات عنيفة "
            "في محيط سجن غويران بمدينة الحسكة اليوم الجمعة. وقال البنتاغون إنه يتابع الوضع عن كثب.")
    doc = run_events(text, published="2022-01-21", dates={"اليوم الجمعة": ("2022-01-21", "2022-01-21")},
                     claims=[("16 من عناصر", "killed", 16, "Islamic State (ISIS)"),
                             ("20 من مقاتلي", "killed", 20, "Syrian Democratic Forces (SDF)")])
    ev = doc._.events[0]
    assert set(ev.actors) == {"Islamic State (ISIS)", "Syrian Democratic Forces (SDF)"}
    assert {ev.actor1, ev.actor2} == {"Islamic State (ISIS)", "Syrian Democratic Forces (SDF)"}




def test_cited_source_is_no_side(run_events):
    """`بحسب الحشد الشعبي`: the PMF cited for a roadside bomb's toll are its source, not the attacker;
    soldiers hit by a bomb with no group named: the attacker is unidentified."""
    text = ("مقتل جنديين عراقيين بانفجار عبوة ناسفة في ديالى\n\n"
            "قتل جنديان من الجيش العراقي فجر اليوم بانفجار عبوة ناسفة استهدفت دوريتهم في ديالى، "
            "بحسب الحشد الشعبي.")
    doc = run_events(text, published="2022-01-21", dates={"فجر اليوم": ("2022-01-21", "2022-01-21")},
                     claims=[("جنديان", "killed", 2, "Military Forces of Iraq")])
    ev = doc._.events[0]
    assert (ev.actor1, ev.actor2) == ("Unidentified Armed Group", "Military Forces of Iraq")
    assert ev.actors == ["Unidentified Armed Group", "Military Forces of Iraq"]


def test_party_named_as_source_and_as_side_stays_a_side(run_events):
    """The PMF both fought (`اشتبك الحشد الشعبي مع`) and are cited: they stay a side."""
    text = ("اشتباكات بين الحشد الشعبي وداعش في ديالى\n\n"
            "اشتبك مقاتلو الحشد الشعبي مع عناصر من تنظيم داعش فجر اليوم في ديالى، ما أسفر عن مقتل "
            "خمسة من عناصر التنظيم، بحسب الحشد الشعبي.")
    doc = run_events(text, published="2022-01-21", dates={"فجر اليوم": ("2022-01-21", "2022-01-21")},
                     claims=[("خمسة من عناصر", "killed", 5, "Islamic State (ISIS)")])
    ev = doc._.events[0]
    assert ev.event_type == "Battles"
    assert set(ev.actors) == {"Popular Mobilization Forces", "Islamic State (ISIS)"}


def test_army_named_after_the_president_is_the_state_forces(run_events):
    """`عنصران من ميليشيا أسد`: opposition media's name for the Syrian army; hit by a roadside bomb
    with no group named, the attacker is unidentified."""
    text = ("مقتل عنصرين من ميليشيا أسد بانفجار عبوة ناسفة قرب سرمين\n\n"
            "قتل عنصران من ميليشيا أسد وجرح خمسة آخرون صباح اليوم الثلاثاء بانفجار عبوة ناسفة استهدفت "
            "حافلة عسكرية قرب سرمين.")
    day = {"صباح اليوم الثلاثاء": ("2022-06-21", "2022-06-21")}
    doc = run_events(text, published="2022-06-21", dates=day, claims=[("عنصران", "killed", 2, None)])
    ev = doc._.events[0]
    assert ev.actors == ["Unidentified Armed Group", "Military Forces of Syria"]


def test_air_strike_by_the_air_force_the_article_names(run_events):
    """The strike's clauses name no striker; the article's only named air force (`طائرات حربية روسية`,
    here in a recalled earlier raid) carried it out."""
    text = ("مقتل 31 مدنيا بغارات جوية على سوق سرمين\n\n"
            "قتل 31 مدنيا على الأقل اليوم الاثنين بغارات جوية استهدفت سوقا شعبيا وسط سرمين.\n"
            "وكانت طائرات حربية روسية قد شنت غارات مماثلة على المنطقة في نيسان الماضي.")
    day = {"اليوم الاثنين": ("2019-07-22", "2019-07-22"), "bg:نيسان الماضي": ("2019-04-01", "2019-04-30")}
    doc = run_events(text, published="2019-07-22", dates=day,
                     claims=[("31 مدنيا على", "killed", 31, "Civilians")])
    ev = doc._.events[0]
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.actors == ["Military Forces of Russia", "Civilians (Syria)"]


def test_two_air_forces_named_leave_the_striker_unknown(run_events):
    """Russian and Syrian jets both named outside the strike's clauses: no guess between them."""
    text = ("مقتل 31 مدنيا بغارات جوية على سوق سرمين\n\n"
            "قتل 31 مدنيا على الأقل اليوم الاثنين بغارات جوية استهدفت سوقا شعبيا وسط سرمين.\n"
            "وكانت طائرات حربية روسية وأخرى تابعة للطيران السوري قد شنت غارات على المنطقة في نيسان الماضي.")
    day = {"اليوم الاثنين": ("2019-07-22", "2019-07-22"), "bg:نيسان الماضي": ("2019-04-01", "2019-04-30")}
    doc = run_events(text, published="2019-07-22", dates=day,
                     claims=[("31 مدنيا على", "killed", 31, "Civilians")])
    assert "Military Forces of Russia" not in doc._.events[0].actors


def test_only_one_side_hurt_the_unhurt_group_is_the_attacker(run_events):
    """Soldiers killed by a bomb the group planted: the group, named once, is still actor1."""
    text = ("مقتل ضابط و3 جنود بالجيش المصري في انفجار عبوة ناسفة بسيناء\n\n"
            "قتل ضابط و3 جنود بالجيش المصري اليوم الخميس، وأصيب 3 آخرون من الجيش المصري، في انفجار عبوة "
            "ناسفة زرعها تنظيم ولاية سيناء أثناء تمشيط قوات الجيش لإحدى المناطق.")
    day = {"اليوم الخميس": ("2015-07-23", "2015-07-23")}
    doc = run_events(text, published="2015-07-23", dates=day,
                     claims=[("ضابط و3 جنود", "killed", 4, "Military Forces of Egypt"),
                             ("3 آخرون", "injured", 3, "Military Forces of Egypt")])
    ev = doc._.events[0]
    assert (ev.actor1, ev.actor2) == ("Islamic State (Sinai Province)", "Military Forces of Egypt")


def test_generic_soldiers_beside_named_forces_are_no_third_side(run_events):
    """`مقتل جندي` beside `الجيش الإسرائيلي` in the West Bank: one side, the Israeli forces."""
    text = ("مقتل 12 فلسطينيا وجندي إسرائيلي في عملية عسكرية\n\n"
            "قتل 12 فلسطينيا اليوم الثلاثاء في عملية عسكرية واسعة للجيش الإسرائيلي في مخيم جنين، "
            "فيما أعلن الجيش الإسرائيلي مقتل جندي خلال الاشتباكات مع مسلحين فلسطينيين.")
    day = {"اليوم الثلاثاء": ("2023-07-04", "2023-07-04")}
    doc = run_events(text, published="2023-07-04", dates=day,
                     claims=[("12 فلسطينيا اليوم", "killed", 12, None),
                             ("جندي خلال", "killed", 1, "Military forces")])
    ev = doc._.events[0]
    assert "Military forces" not in ev.actors
    assert "Military Forces of Israel" in ev.actors


def test_pupils_the_headline_names_are_an_associated_actor(run_events):
    """A school shelled and the headline counts the pupils: Civilians (Syria) with Students (Syria)."""
    text = ("مقتل 6 تلاميذ بقصف على مدرسة في سرمين\n\n"
            "قتل ستة تلاميذ وجرح عشرة آخرون صباح اليوم الثلاثاء بقذائف سقطت على مدرسة ابتدائية "
            "في بلدة سرمين.")
    day = {"صباح اليوم الثلاثاء": ("2018-03-13", "2018-03-13")}
    doc = run_events(text, published="2018-03-13", dates=day,
                     claims=[("6 تلاميذ", "killed", 6, "Students"), ("ستة تلاميذ", "killed", 6, "Students")])
    ev = doc._.events[0]
    assert "Civilians (Syria)" in ev.actors and "Students (Syria)" in ev.actors


def test_women_among_the_dead_of_a_strike_are_civilians_only(run_events):
    """Women counted among the dead in the body, the headline names none: no associated actor."""
    text = ("مقتل 9 مدنيين بغارة على سوق في أريحا\n\n"
            "قتل تسعة مدنيين بينهم ثلاث نساء صباح اليوم الثلاثاء بغارة جوية استهدفت سوقا شعبيا "
            "في مدينة أريحا.")
    day = {"صباح اليوم الثلاثاء": ("2018-03-13", "2018-03-13")}
    doc = run_events(text, published="2018-03-13", dates=day,
                     claims=[("9 مدنيين", "killed", 9, "Civilians"), ("ثلاث نساء", "killed", 3, "Women")])
    ev = doc._.events[0]
    assert "Civilians (Syria)" in ev.actors
    assert not any(a.startswith("Women") for a in ev.actors)


def test_the_community_the_victims_come_from_is_no_party(run_events):
    """`مدنيا من الطوارق`: the Tuareg name says who was killed; the attackers are unidentified."""
    text = ("مقتل 20 مدنيا من الطوارق في هجوم على قرية في عفرين\n\n"
            "قتل عشرون مدنيا على الأقل من قبيلة الطوارق صباح اليوم الثلاثاء في هجوم شنه مسلحون على قرية "
            "في عفرين.")
    day = {"صباح اليوم الثلاثاء": ("2018-03-13", "2018-03-13")}
    doc = run_events(text, published="2018-03-13", dates=day,
                     claims=[("20 مدنيا", "killed", 20, "Civilians"),
                             ("عشرون مدنيا", "killed", 20, "Civilians")])
    ev = doc._.events[0]
    assert "Tuareg Ethnic Militia" not in ev.actors
    assert "Civilians (Syria)" in ev.actors


def test_a_claim_of_responsibility_in_a_sentence_of_its_own_names_the_attacker(run_events):
    """Two bombings; a sentence outside both incidents says who claimed the ones in Baghdad: that
    group attacked in Baghdad (not an unidentified one), and not in Diyala."""
    text = ("قتلى في تفجيرين في بغداد وديالى\n\n"
            "قتل 12 شخصا وأصيب 30 آخرون في تفجيرين انتحاريين في بغداد صباح اليوم الثلاثاء.\n"
            "كما قتل ثلاثة جنود بانفجار عبوة ناسفة استهدفت دوريتهم في ديالى مساء الاثنين.\n"
            "وأعلن تنظيم داعش مسؤوليته عن تفجيري بغداد، اللذين وقعا قرب مقر وزارة الداخلية.\n"
            "ولم تتضح بعد الجهة المسؤولة عن هجوم ديالى.\n"
            "وفي بغداد، انفجرت عبوة ثالثة قرب سوق شعبي دون أن تسفر عن إصابات صباح اليوم الثلاثاء.")
    day = {"صباح اليوم الثلاثاء": ("2018-03-13", "2018-03-13"), "مساء الاثنين": ("2018-03-12", "2018-03-12")}
    doc = run_events(text, published="2018-03-13", dates=day,
                     claims=[("12 شخصا", "killed", 12, "Unidentified persons"),
                             ("ثلاثة جنود", "killed", 3, "Military forces")])
    # the third bomb (`وفي بغداد، انفجرت عبوة ثالثة`) is an incident of its own in Baghdad: the first
    # Baghdad event is the claimed one
    by_place: dict = {}
    for ev in doc._.events:
        by_place.setdefault(ev.location, ev)
    assert "Islamic State (ISIS)" in by_place["Baghdad"].actors
    assert "Islamic State (ISIS)" not in by_place["Diyala"].actors


def test_journalists_counted_among_more_dead_stand_beside_the_civilians(run_events):
    """`قتل 14 شخصا بينهم 3 صحفيين`: the civilians and the journalists among them are both hit."""
    text = ("مقتل 14 شخصا بينهم 3 صحفيين بتفجير في بغداد\n\n"
            "قتل 14 شخصا بينهم ثلاثة صحفيين صباح اليوم الثلاثاء بتفجير سيارة مفخخة قرب سوق شعبي "
            "في بغداد.")
    day = {"صباح اليوم الثلاثاء": ("2018-03-13", "2018-03-13")}
    doc = run_events(text, published="2018-03-13", dates=day,
                     claims=[("14 شخصا", "killed", 14, "Civilians"),
                             ("ثلاثة صحفيين", "killed", 3, "Journalists")])
    ev = doc._.events[0]
    assert "Civilians (Iraq)" in ev.actors and "Journalists" in ev.actors


def test_journalists_hit_alone_stand_for_the_civilians(run_events):
    """Only journalists were hit: they are the victims, no separate Civilians."""
    text = ("مقتل 3 صحفيين بتفجير في بغداد\n\n"
            "قتل ثلاثة صحفيين صباح اليوم الثلاثاء بتفجير عبوة ناسفة استهدفت سيارتهم في بغداد.")
    day = {"صباح اليوم الثلاثاء": ("2018-03-13", "2018-03-13")}
    doc = run_events(text, published="2018-03-13", dates=day,
                     claims=[("3 صحفيين", "killed", 3, "Journalists"),
                             ("ثلاثة صحفيين", "killed", 3, "Journalists")])
    ev = doc._.events[0]
    assert "Journalists" in ev.actors
    assert not any(a.startswith("Civilians") for a in ev.actors)


def test_a_further_air_strike_of_the_report_is_the_same_air_force(run_events):
    """Coalition raids on Hodeidah; the raids `also hit` Houthi sites in Saada without naming the
    coalition again: that strike is the coalition's too."""
    text = ("غارات للتحالف على مواقع الحوثيين في الحديدة\n\n"
            "شنت طائرات التحالف العربي صباح اليوم الثلاثاء غارات جوية على مواقع لميليشيات الحوثي في الحديدة، "
            "ما أسفر عن مقتل 12 من عناصر الميليشيات.\n"
            "وفي صعدة، استهدفت غارات جوية مساء الاثنين مخزنا للأسلحة تابعا للحوثيين في مديرية كتاف.")
    day = {"صباح اليوم الثلاثاء": ("2018-03-13", "2018-03-13"), "مساء الاثنين": ("2018-03-12", "2018-03-12")}
    doc = run_events(text, published="2018-03-13", dates=day,
                     claims=[("12 من عناصر", "killed", 12, "Houthis (Ansar Allah)")])
    assert len(doc._.events) == 2
    for ev in doc._.events:
        assert ev.actor1 == "Saudi-led coalition", (ev.location, ev.actors)


def test_insurgents_of_the_body_are_the_group_the_headline_names(run_events):
    """The headline names ISIS for two attacks; the body tells the second as `another group of
    insurgents attacked a police station`: its attackers are ISIS too, not an unidentified group."""
    text = ("قتلى بهجومين متزامنين لداعش في العراق\n\n"
            "قال مسؤولون إن هجوما لتنظيم داعش على نقطة للجيش في ديالى أسفر صباح اليوم الثلاثاء "
            "عن مقتل 9 جنود.\n"
            "وفي الوقت نفسه، قامت مجموعة أخرى من المتمردين بمهاجمة مركز للشرطة في بغداد مساء الاثنين، "
            "فقتلت 5 من رجال الشرطة.")
    day = {"صباح اليوم الثلاثاء": ("2018-03-13", "2018-03-13"), "مساء الاثنين": ("2018-03-12", "2018-03-12")}
    doc = run_events(text, published="2018-03-13", dates=day,
                     claims=[("9 جنود", "killed", 9, "Military forces"),
                             ("5 من رجال الشرطة", "killed", 5, "Security forces")])
    by_place = {ev.location: ev for ev in doc._.events}
    assert "Islamic State (ISIS)" in by_place["Baghdad"].actors, by_place["Baghdad"].actors
    assert "Unidentified Armed Group" not in by_place["Baghdad"].actors


def test_a_commander_of_a_group_is_no_state_force(run_events):
    """`قائد عسكري حوثي`: the military commander is the Houthis', not Yemen's army; the coalition's
    strike on his house has the coalition and the Houthis as sides."""
    text = ("غارة للتحالف على منزل قائد عسكري حوثي في الحديدة\n\n"
            "قصفت طائرات التحالف صباح اليوم الثلاثاء منزل قائد عسكري حوثي في الحديدة، ما أدى إلى مقتل "
            "عدد من الحوثيين.")
    day = {"صباح اليوم الثلاثاء": ("2018-03-13", "2018-03-13")}
    doc = run_events(text, published="2018-03-13", dates=day)
    ev = doc._.events[0]
    assert "Military Forces of Yemen" not in ev.actors, ev.actors
    assert {"Saudi-led coalition", "Houthis (Ansar Allah)"} <= set(ev.actors)


def test_people_hurt_at_a_march_are_its_protesters(run_events):
    """Citizens wounded when police broke up a march: in a protest event they are Protesters (X)."""
    text = ("إصابة 12 مواطنا بتفريق مسيرة احتجاجية في عمان\n\n"
            "أصيب 12 مواطنا صباح اليوم الثلاثاء عندما فرقت قوات الأمن مسيرة احتجاجية ضد غلاء الأسعار "
            "في عمان باستخدام الغاز المسيل للدموع.")
    day = {"صباح اليوم الثلاثاء": ("2018-03-13", "2018-03-13")}
    doc = run_events(text, published="2018-03-13", dates=day,
                     claims=[("12 مواطنا", "injured", 12, "Civilians")])
    ev = doc._.events[0]
    assert ev.event_type == "Protests", (ev.event_type, ev.actors)
    assert "Protesters (Jordan)" in ev.actors
    assert not any(a.startswith("Civilians") for a in ev.actors)


def test_a_military_projectile_is_no_soldier(run_events):
    """`مقذوف عسكري`: the adjective `military` of a shell is no state force; the civilian killed is
    the only side named."""
    text = ("مقتل مدني بسقوط مقذوف عسكري على منزل في بغداد\n\n"
            "قتل مدني صباح اليوم الثلاثاء جراء سقوط مقذوف عسكري على منزله في بغداد.")
    day = {"صباح اليوم الثلاثاء": ("2018-03-13", "2018-03-13")}
    doc = run_events(text, published="2018-03-13", dates=day, claims=[("مدني", "killed", 1, "Civilians")])
    ev = doc._.events[0]
    assert not any(a.startswith("Military Forces") for a in ev.actors), ev.actors


def test_a_state_force_of_inter_8_hit_at_home_leaves_the_attacker_unknown(run_events):
    """Saudi forces are inter 8 (they fight abroad), yet policemen hit by a car bomb at a Saudi
    checkpoint with no group named were attacked by someone unidentified, as any state's forces."""
    text = ("إصابة رجلي أمن بانفجار سيارة مفخخة عند نقطة تفتيش في الرياض\n\n"
            "أصيب اثنان من رجال الأمن السعوديين اليوم بانفجار سيارة مفخخة عند نقطة تفتيش في الرياض.")
    doc = run_events(text, published="2016-03-02", dates={"اليوم": ("2016-03-02", "2016-03-02")},
                     claims=[("اثنان من رجال الأمن", "injured", 2, "Security forces")])
    ev = doc._.events[0]
    assert ev.actors == ["Unidentified Armed Group", "Police Forces of Saudi Arabia"]


def test_a_community_fighting_the_police_is_the_other_side_not_an_unknown_one(run_events):
    """`اشتباكات بين الشرطة والدراويش`: policemen hurt in a clash with a named community were hurt by
    that community, not by an unidentified armed group."""
    text = ("اشتباكات بين الشرطة والدراويش في طهران\n\n"
            "أصيب خمسة من رجال الشرطة الإيرانية في اشتباكات مع الدراويش أمام منزل زعيمهم في طهران اليوم.")
    doc = run_events(text, published="2019-05-04", dates={"اليوم": ("2019-05-04", "2019-05-04")},
                     claims=[("خمسة من رجال الشرطة", "injured", 5, "Police Forces of Iran")])
    ev = doc._.events[0]
    assert "Unidentified Armed Group" not in ev.actors
    assert "Police Forces of Iran" in ev.actors


def test_isis_and_its_egyptian_branch_are_one_party_the_branch(run_events):
    """`الفرع المصري لتنظيم الدولة الإسلامية` is Wilayat Sinai; ISIS named beside its branch is the same
    party, which the event names by the branch."""
    text = ("داعش يتبنى تفجير كمين للجيش في العريش\n\n"
            "تبنى الفرع المصري لتنظيم الدولة الإسلامية اليوم تفجير عبوة ناسفة استهدفت كمينا للجيش المصري "
            "في العريش أسفر عن مقتل ثلاثة جنود.")
    doc = run_events(text, published="2017-06-10", dates={"اليوم": ("2017-06-10", "2017-06-10")},
                     claims=[("ثلاثة جنود", "killed", 3, "Military forces")])
    ev = doc._.events[0]
    assert "Islamic State (Sinai Province)" in ev.actors
    assert "Islamic State (ISIS)" not in ev.actors


def test_the_militias_of_the_coup_are_the_houthis():
    """`ميليشيات الانقلاب` (Yemeni press, 'the militias of the coup') names the Houthis."""
    from marsad.extract.actors import actor_table

    table = actor_table()
    for text in ("قصفت ميليشيات الانقلاب أحياء المدينة", "هاجمت مليشيا الانقلاب مواقع الجيش"):
        assert table.lookup(text).name == "Houthis (Ansar Allah)"


def test_a_group_that_only_speaks_does_not_stand_for_the_gunmen_it_tells_of(run_events):
    """`وقالت جماعة منبثقة من متمردي الطوارق ... إن مسلحين هاجموا`: the Tuareg group is the speaker
    (its whole description, up to إن, is the subject of قالت); the attackers it tells of are unknown."""
    text = ("مقتل 12 مدنيا في هجوم على قرية في شمال مالي\n\n"
            "وقالت جماعة مسلحة منبثقة عن متمردي الطوارق السابقين إن مسلحين على دراجات نارية هاجموا "
            "قرية قرب ميناكا أمس وقتلوا 12 مدنيا.")
    doc = run_events(text, published="2019-03-02", dates={"أمس": ("2019-03-01", "2019-03-01")},
                     claims=[("12 مدنيا", "killed", 12, "Civilians")])
    ev = doc._.events[0]
    assert "Tuareg Ethnic Militia" not in ev.actors
    assert "Unidentified Armed Group" in ev.actors


def test_terrorists_a_state_force_fought_are_the_other_side(run_events):
    """`اشتبكت قوات الأمن مع عناصر إرهابية`: the terrorists are not the state's own men; in a fight with
    the state's forces alone they are the other side (Militants), not an unidentified group."""
    text = ("مقتل ثلاثة إرهابيين في اشتباك مع قوات الأمن الأردنية\n\n"
            "قتلت قوات الأمن الأردنية ثلاثة إرهابيين في اشتباك مسلح خلال مداهمة لمخبأ خلية إرهابية "
            "في مدينة الزرقاء فجر اليوم.")
    doc = run_events(text, published="2019-02-12", dates={"فجر اليوم": ("2019-02-12", "2019-02-12")},
                     claims=[("ثلاثة إرهابيين", "killed", 3, "Militants")])
    ev = doc._.events[0]
    assert set(ev.actors) == {"Police Forces of Jordan", "Militants"}


def test_a_claim_of_responsibility_in_the_plural_names_the_attacker(run_events):
    """`أعلن عناصر طالبان مسؤوليتهم عنه`: the plural claim of responsibility makes the speaking group the
    attacker, not a speaker beside a generic suicide bomber."""
    text = ("مقتل 20 شخصا في هجوم انتحاري على تجمع انتخابي\n\n"
            "استهدف هجوم انتحاري أعلن عناصر طالبان مسؤوليتهم عنه تجمعا انتخابيا في بيشاور اليوم "
            "وأسفر عن مقتل 20 شخصا.")
    doc = run_events(text, published="2018-07-11", dates={"اليوم": ("2018-07-11", "2018-07-11")},
                     claims=[("20 شخصا", "killed", 20, "Unidentified persons")])
    ev = doc._.events[0]
    assert ev.actor1 == "Taliban"


def test_a_gendarmerie_named_without_its_country_is_the_incident_countrys():
    """The bare `الدرك` and `الأمن العام` are the gendarmerie and general security of whichever country
    the report is about (Turkey, Algeria, Lebanon ...), not Jordan's; qualified, they stay Jordan's."""
    from marsad.extract.actors import actor_table

    table = actor_table()
    assert table.lookup("قتل اثنان من عناصر الدرك").name == "Security forces"
    assert table.lookup("أعلنت مديرية الأمن العام").name == "Security forces"
    assert table.lookup("قوات الدرك الأردنية").name == "Military Forces of Jordan"


def test_violence_against_civilians_has_civilians_for_its_target(run_events):
    """Settlers burning a mosque, no one hurt: the event is violence against civilians, whose target
    is civilians by definition, even though the report counts no victims."""
    text = ("مستوطنون يحرقون مسجدا في قرية قرب رام الله\n\n"
            "أحرق مستوطنون إسرائيليون فجر اليوم مسجدا في قرية قرب رام الله وخطوا شعارات عنصرية على جدرانه.")
    doc = run_events(text, published="2019-04-02", dates={"فجر اليوم": ("2019-04-02", "2019-04-02")})
    ev = doc._.events[0]
    assert ev.event_type == "Violence against civilians"
    assert ev.actor1 == "Israeli settlers" and ev.actor2.startswith("Civilians")


def test_the_youth_are_al_shabaab_only_in_a_somali_report(run_events):
    """The bare `الشباب` is al-Shabaab in Somalia and 'the youth' elsewhere (actors.yaml local_aliases)."""
    text = ("مقتل خمسة متظاهرين برصاص الشرطة في بغداد\n\n"
            "قتل خمسة متظاهرين برصاص الشرطة اليوم خلال احتجاجات الشباب في ساحة التحرير ببغداد.")
    doc = run_events(text, published="2019-10-02", dates={"اليوم": ("2019-10-02", "2019-10-02")},
                     claims=[("خمسة متظاهرين", "killed", 5, "Protesters")])
    assert all("Al Shabaab" not in ev.actors for ev in doc._.events)
    text = ("مقتل خمسة جنود في هجوم للشباب في الصومال\n\n"
            "قتل خمسة جنود صوماليين اليوم في هجوم شنه مقاتلو الشباب على قاعدة عسكرية قرب مقديشو.")
    doc = run_events(text, published="2019-10-02", dates={"اليوم": ("2019-10-02", "2019-10-02")},
                     claims=[("خمسة جنود", "killed", 5, "Military forces")])
    assert "Al Shabaab" in doc._.events[0].actors


def test_a_protest_has_its_protesters_even_unnamed(run_events):
    """`تظاهرات في البصرة احتجاجا على انقطاع الكهرباء`: a protest whose crowd the report never names
    still has ACLED's Protesters (Iraq) for its actor."""
    text = ("تظاهرات حاشدة في البصرة احتجاجا على انقطاع الكهرباء\n\n"
            "خرجت تظاهرات حاشدة اليوم في مدينة البصرة احتجاجا على انقطاع الكهرباء وشح المياه.")
    doc = run_events(text, published="2018-07-14", dates={"اليوم": ("2018-07-14", "2018-07-14")})
    ev = doc._.events[0]
    assert ev.event_type == "Protests"
    assert ev.actor1.startswith("Protesters")  # with the country once the place is resolved


def test_a_party_after_the_complementiser_is_in_what_was_said_not_a_speaker(run_events):
    """`وأضافت المصادر أن قوات الجيش استعادت السيطرة`: the army, named after أن, is what the sources
    say did it, not who speaks."""
    from marsad.extract.actors import actor_table
    from marsad.extract.event_types import doc_words
    from marsad.extract.events import _speakers
    from marsad.extract.incidents import make_clauses

    text = ("استعادة جبال في نهم\n\n"
            "وأضافت المصادر أن قوات الجيش اليمني استعادت اليوم السيطرة على جبال في نهم من أيدي الحوثيين.")
    doc = run_events(text, published="2018-04-06", dates={"اليوم": ("2018-04-06", "2018-04-06")})
    words = doc_words(doc)
    army = next(m for m in actor_table().find(doc) if m.actor.name == "Military Forces of Yemen")
    clause = next(c for c in make_clauses(doc, words) if c.start <= army.start < c.end)
    assert army.start not in _speakers(words, [(army, clause)])


def test_the_french_adjective_alone_is_not_afp():
    """`قوة برخان الفرنسية`, `الرئاسة الفرنسية`: the bare الفرنسية is the adjective 'French', not AFP,
    which Arabic reports name in full (وكالة الأنباء الفرنسية, وكالة الصحافة الفرنسية, فرانس برس)."""
    from marsad.extract.actors import actor_table

    table = actor_table()
    assert all(m.actor.name != "Agence France-Presse (AFP)"
               for m in table.find("وقالت الرئاسة الفرنسية إن قوة برخان الفرنسية قتلت عشرة مسلحين"))
    assert table.lookup("بحسب وكالة الصحافة الفرنسية").name == "Agence France-Presse (AFP)"


def test_the_ahwazi_national_resistance_is_not_yemens():
    """`المقاومة الوطنية الأهوازية` is the Ahwazi Arab group of Iran; the bare `المقاومة الوطنية` stays a
    local name of the Yemeni resistance."""
    from marsad.extract.actors import actor_table

    table = actor_table()
    assert table.lookup("وأعلنت المقاومة الوطنية الأهوازية مسؤوليتها").name == "Ahwazi National Resistance"
    bare = table.find("تقدمت قوات المقاومة الوطنية")[0].actor
    assert bare.name == "Popular Resistance (Yemen)" and bare.local


def test_a_groups_losses_its_enemys_security_sources_report_were_the_states_doing(run_events):
    """`وأعلنت مصادر أمنية عراقية أن 20 عنصرا من داعش قتلوا في اشتباكات`: a battle whose only named side
    is the group that lost people, told by the state's security sources, was fought by the state's forces."""
    text = ("مقتل 20 من عناصر داعش في اشتباكات شمال بغداد\n\n"
            "أعلنت مصادر أمنية اليوم أن 20 عنصرا من داعش قتلوا في اشتباكات في ديالى.")
    doc = run_events(text, published="2016-05-02", dates={"اليوم": ("2016-05-02", "2016-05-02")},
                     claims=[("20 عنصرا", "killed", 20, "Islamic State (ISIS)")])
    ev = doc._.events[0]
    assert ev.event_type == "Battles" and ev.country == "IRQ"
    assert set(ev.actors) == {"Islamic State (ISIS)", "Military Forces of Iraq"}


def test_police_answering_an_unnamed_attacker_are_no_side(run_events):
    """A lone attacker fires on a café and the police who shot him announce the toll: the sides are the
    unnamed attacker and the civilians, not the police (`قتل المهاجم في تبادل لإطلاق النار مع الشرطة`)."""
    text = ("مقتل ثلاثة أشخاص في إطلاق نار على مقهى في عمان\n\n"
            "أعلنت الشرطة الأردنية اليوم مقتل ثلاثة مدنيين وإصابة خمسة آخرين عندما فتح مسلح النار على "
            "رواد مقهى في عمان. وقتل المهاجم في تبادل لإطلاق النار مع الشرطة.")
    doc = run_events(text, published="2018-07-23", dates={"اليوم": ("2018-07-23", "2018-07-23")},
                     claims=[("ثلاثة مدنيين", "killed", 3, "Civilians")])
    ev = doc._.events[0]
    assert ev.event_type == "Violence against civilians" and ev.country == "JOR"
    assert ev.actors == ["Unidentified Armed Group", "Civilians (Jordan)"]


def test_police_who_fired_on_the_crowd_stay_the_attacker(run_events):
    """With no unnamed attacker named, the police that opened fire on mourners are the side that did."""
    text = ("مقتل ثلاثة مشيعين برصاص الشرطة في عمان\n\n"
            "قتل ثلاثة مدنيين اليوم عندما أطلقت الشرطة الأردنية النار على مشيعين في عمان.")
    doc = run_events(text, published="2018-07-23", dates={"اليوم": ("2018-07-23", "2018-07-23")},
                     claims=[("ثلاثة مدنيين", "killed", 3, "Civilians")])
    ev = doc._.events[0]
    assert ev.actor1 == "Police Forces of Jordan"


def test_a_fight_told_with_one_side_takes_the_other_from_the_report(run_events):
    """The lead tells only that ISIS fighters died in fighting (`في مواجهات`); the Iraqi army the report
    names further on is the other side of that battle."""
    text = ("مقتل 12 من عناصر داعش في ديالى\n\n"
            "لقي 12 من عناصر تنظيم داعش مصرعهم اليوم في مواجهات بمحافظة ديالى.\n"
            "وكان الجيش العراقي قد بدأ حملة لملاحقة خلايا التنظيم في المحافظة.")
    doc = run_events(text, published="2016-05-02", dates={"اليوم": ("2016-05-02", "2016-05-02")},
                     claims=[("12 من عناصر", "killed", 12, "Islamic State (ISIS)")])
    ev = doc._.events[0]
    assert ev.event_type == "Battles" and ev.country == "IRQ"
    assert set(ev.actors) == {"Islamic State (ISIS)", "Military Forces of Iraq"}


def test_a_fight_told_with_one_side_and_no_other_party_in_the_report_keeps_one_side(run_events):
    """No other armed party named anywhere in the report: the battle keeps only the group that lost people."""
    text = ("مقتل 12 من عناصر داعش في ديالى\n\n"
            "لقي 12 من عناصر تنظيم داعش مصرعهم اليوم في مواجهات بمحافظة ديالى.")
    doc = run_events(text, published="2016-05-02", dates={"اليوم": ("2016-05-02", "2016-05-02")},
                     claims=[("12 من عناصر", "killed", 12, "Islamic State (ISIS)")])
    ev = doc._.events[0]
    assert ev.actors == ["Islamic State (ISIS)"]


def test_the_other_side_of_a_fight_may_be_a_rival_group_the_report_names(run_events):
    """Rebel infighting: the clause tells only of Ahrar al-Sham's losses; Hayat Tahrir al-Sham, which the
    report names twice, not a state's forces, is the other side."""
    text = ("اقتتال بين فصائل المعارضة في ريف إدلب\n\n"
            "قتل 7 من مقاتلي حركة أحرار الشام اليوم في اشتباكات قرب سرمين.\n"
            "وكانت هيئة تحرير الشام قد سيطرت على قرى في المنطقة الأسبوع الماضي، وتتهم هيئة تحرير الشام "
            "الحركة بخرق الهدنة.")
    doc = run_events(text, published="2018-02-28", dates={"اليوم": ("2018-02-28", "2018-02-28")},
                     claims=[("7 من مقاتلي", "killed", 7, "Ahrar al-Sham")])
    ev = doc._.events[0]
    assert ev.event_type == "Battles" and ev.country == "SYR"
    assert set(ev.actors) == {"Ahrar al-Sham", "Hayat Tahrir al-Sham (HTS)"}


def test_air_strike_by_the_coalition_whose_aircraft_the_article_names(run_events):
    """`طائرات التحالف` named outside the strike's clauses: the coalition's aircraft are the article's
    only air force, so the strike that names no striker is theirs."""
    text = ("مقتل 9 مدنيين بغارات جوية على سوق في الحديدة\n\n"
            "قتل 9 مدنيين اليوم بغارات جوية استهدفت سوقا شعبيا في الحديدة.\n"
            "وكانت طائرات التحالف العربي قد شنت غارات على المنطقة في الشهر الماضي.")
    day = {"اليوم": ("2018-05-10", "2018-05-10"), "bg:الشهر الماضي": ("2018-04-01", "2018-04-30")}
    doc = run_events(text, published="2018-05-10", dates=day,
                     claims=[("9 مدنيين اليوم", "killed", 9, "Civilians")])
    ev = doc._.events[0]
    assert ev.sub_event_type == "Air/drone strike"
    assert ev.actors == ["Saudi-led coalition", "Civilians (Yemen)"]
