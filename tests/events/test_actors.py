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

