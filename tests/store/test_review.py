"""A coder's review: every decision a revision with who/when/why, and later runs keep every one of
them (the retype, the corrected date and place, the merge, the split, the rejected claim)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.run import run_corpus
from marsad.store import Store
from marsad.store.review import BadReview, add, split_id

SAMPLE = Path(__file__).resolve().parents[2] / "marsad" / "data" / "sample" / "docs.jsonl"


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("review")
    url = f"sqlite:///{tmp / 'marsad.db'}"
    run_corpus([str(SAMPLE)], tmp / "first", url)
    return url, tmp


def prison(store: Store) -> dict:
    _, items = store.list_events(limit=100)
    return max(items, key=lambda e: len(e["doc_ids"]))


def test_decisions_are_revisions_and_a_rerun_keeps_them(stored):
    url, tmp = stored
    with Store(url) as st:
        ev = prison(st)
        eid, docs = ev["event_id"], ev["doc_ids"]
        others = [e for e in st.list_events(limit=100)[1] if e["event_id"] != eid]
        add(st, eid, "retype", {"event_type": "Battles", "sub_event_type": "Armed clash"}, "Huda",
            "the prisoners fought the guards: a clash")
        add(st, eid, "redate", {"date": "2022-01-20", "date_end": "2022-01-26"}, "Huda",
            "six days of fighting")
        add(st, eid, "replace", {"location": "Ghuwayran prison", "latitude": 36.47, "longitude": 40.74},
            "Huda", "the prison, not the district")
        full = st.get_event(eid)
        killed = [c for c in full["claims"] if c["kind"] == "killed" and c["event_id"] == eid
                  and c["doc_id"] != docs[-1]]
        biggest = max(killed, key=lambda c: c["value"] or 0)
        add(st, eid, "reject", {"claim_id": biggest["id"]}, "Huda", "a total since 2019, not this attack")
        add(st, eid, "split", {"doc_ids": [docs[-1]]}, "Huda", "this report is a later raid")
        if others:
            add(st, eid, "merge", {"other": others[0]["event_id"]}, "Huda", "the same attack")
        add(st, eid, "note", {"text": "check the SDF's final toll"}, "Huda", "to do")
        before = st.get_event(eid)
        assert (before["event_type"], before["date"], before["date_end"]) == ("Battles", "2022-01-20",
                                                                              "2022-01-26")
        assert before["location"] == "Ghuwayran prison"
        assert docs[-1] not in before["doc_ids"]
        assert [c["rejected"] for c in before["claims"] if c["id"] == biggest["id"]] == [True]
        counted = {(t.get("doc_id"), t.get("value")) for e in before["estimates"] if e["kind"] == "killed"
                   for t in e["timeline"]}
        assert (biggest["doc_id"], biggest["value"]) not in counted  # the rejected figure no longer counts
        reviewed = [r for r in before["revisions"] if r["action"] == "reviewed"]
        assert reviewed[0]["source"] == "review:Huda"
        assert reviewed[0]["changes"]["why"]["new"] == "retype: the prisoners fought the guards: a clash"
        assert reviewed[0]["changes"]["event_type"]["new"] == "Battles"
        assert [r["op"] for r in before["reviews"]][:5] == ["retype", "redate", "replace", "reject", "split"]
        split = st.get_event(split_id(eid, [docs[-1]]))
        assert split["doc_ids"] == [docs[-1]] and split["status"] == "active"
        if others:
            assert st.get_event(others[0]["event_id"])["status"] == "merged"

    run_corpus([str(SAMPLE)], tmp / "again", url)  # a new run over the same reports into the same store
    with Store(url) as st:
        after = st.get_event(eid)
        assert (after["event_type"], after["sub_event_type"], after["date"]) == ("Battles", "Armed clash",
                                                                                 "2022-01-20")
        assert after["location"] == "Ghuwayran prison" and docs[-1] not in after["doc_ids"]
        assert [c["rejected"] for c in after["claims"] if c["id"] == biggest["id"]] == [True]
        assert st.get_event(split_id(eid, [docs[-1]]))["doc_ids"] == [docs[-1]]
        if others:
            assert st.get_event(others[0]["event_id"])["status"] == "merged"
            assert set(others[0]["doc_ids"]) <= set(after["doc_ids"])
        assert after["estimates"] == before["estimates"]


@pytest.mark.parametrize(("op", "params", "message"), [
    ("retype", {"event_type": "Skirmish"}, "event_type 'Skirmish' is not an ACLED event type"),
    ("retype", {"event_type": "Battles", "sub_event_type": "Grenade"},
     "sub_event_type 'Grenade' is not a sub-type of Battles"),
    ("redate", {"date": "2022-02-30"}, "date '2022-02-30' is not a date (YYYY-MM-DD)"),
    ("redate", {"date": "2022-01-20", "date_end": "2022-01-10"},
     "date_end 2022-01-10 is before date 2022-01-20"),
    ("replace", {"latitude": "north"}, "latitude 'north' is not a number"),
    ("reject", {"claim_id": "nope"}, "no claim 'nope' in this event's reports"),
    ("merge", {"other": "no-such-event"}, "no other event 'no-such-event' to merge"),
    ("shout", {}, "unknown review 'shout'; one of retype, redate, replace, note, merge, split, reject, "
                  "reattribute"),
])
def test_a_decision_that_cannot_apply_is_refused_with_its_reason(stored, op, params, message):
    url, _ = stored
    with Store(url) as st:
        eid = prison(st)["event_id"]
        with pytest.raises(BadReview) as e:
            add(st, eid, op, params, "Huda", "testing")
        assert str(e.value) == message
        with pytest.raises(BadReview, match="say why"):
            add(st, eid, "note", {"text": "x"}, "Huda", " ")
