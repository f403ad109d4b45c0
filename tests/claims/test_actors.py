"""The shared actor matcher: aliases, proclitics, longest match, offsets into the original text."""

from marsad.extract.actors import actor_table


def names(text):
    return [(m.text, m.actor.name) for m in actor_table().find(text)]


def test_aliases_of_one_group_share_a_canonical_name():
    t = actor_table()
    for alias in ["داعش", "تنظيم الدولة", "الدولة الإسلامية", "تنظيم الدولة الإسلامية", "ISIS"]:
        assert t.lookup(alias).name == "Islamic State (ISIS)", alias


def test_longest_alias_wins_and_offsets_point_into_original():
    text = "وقال المرصد السوري لحقوق الإنسان إن 16 مدنيا قتلوا"
    ms = actor_table().find(text)
    assert [(m.text, m.actor.name) for m in ms] == [
        ("المرصد السوري لحقوق الإنسان", "Syrian Observatory for Human Rights (SOHR)"),
        ("مدنيا", "Civilians"),
    ]
    for m in ms:
        assert text[m.start:m.end] == m.text


def test_proclitics_are_peeled():
    # the mention starts where the alias starts: the proclitics stay outside it
    assert names("وللمدنيين ولداعش وبالجيش العراقي") == [
        ("للمدنيين", "Civilians"), ("داعش", "Islamic State (ISIS)"),
        ("الجيش العراقي", "Military Forces of Iraq")]


def test_diacritics_and_quotes_inside_alias():
    text = "عنصرا في تنظيم \"داعش\" وقُوّاتُ سوريا الديمقراطية"
    assert names(text) == [("عنصرا", "Fighters"), ("تنظيم \"داعش", "Islamic State (ISIS)"),
                           ("قُوّاتُ سوريا الديمقراطية", "Syrian Democratic Forces (SDF)")]


def test_no_actor_in_plain_text():
    assert actor_table().find("انعقد الاجتماع في الصباح") == []
    assert actor_table().lookup("") is None


def test_an_attacker_the_report_does_not_name_is_unidentified():
    """`المهاجم`, `مطلق النار`, `منفذ الهجوم`, `الجناة`: the perpetrator without a name."""
    assert names("وقتل المهاجم بعدما أطلق مطلق النار الرصاص، وفر الجناة") == [
        ("مهاجم", "Unidentified Armed Group"), ("مطلق النار", "Unidentified Armed Group"),
        ("الجناة", "Unidentified Armed Group")]


def test_canadian_police_are_canadas_police_forces():
    assert actor_table().lookup("وأعلنت الشرطة الكندية").name == "Police Forces of Canada"
