"""The learned relevance model: its features leave the trigger words out, it ships in the package and
reads a report of sport, of a court or of an attack as such, and relevance runs without it when the
weights file is missing or a clear error when the file is wrong. Wording written for these tests."""

from __future__ import annotations

import numpy as np
import pytest

from marsad.extract import relevance_model as rm

SPORT = ("ريال مدريد يفوز على برشلونة في الدوري\n\n"
         "فاز فريق ريال مدريد على برشلونة بهدفين مقابل هدف في مباراة الدوري الإسباني لكرة القدم مساء "
         "السبت على ملعب سانتياغو برنابيو")
ATTACK = ("مقتل 5 جنود في هجوم لمسلحين على حاجز أمني شمال سيناء\n\n"
          "قتل خمسة من عناصر الجيش المصري صباح الاثنين في هجوم شنه مسلحون على حاجز أمني قرب مدينة الشيخ "
          "زويد في محافظة شمال سيناء بحسب مصادر أمنية")
COURT = ("محكمة فرنسية تقضي بسجن رجل أدين بالتخطيط لهجوم\n\n"
         "قضت محكمة في باريس الخميس بسجن رجل عشر سنوات بعد إدانته بالتخطيط لهجوم على حفل موسيقي في عام "
         "2016 وقال القاضي إن المتهم اعترف")


def test_headline_is_the_first_line():
    assert rm.report_parts("  غارة على مخيم\n\nقتل عشرة") == ("غارة على مخيم", "\n\nقتل عشرة")
    long_line = "كلمة " * 60
    assert rm.report_parts(long_line)[0] == long_line[:rm.HEAD_CHARS]


def test_trigger_words_are_masked_and_left_out_of_the_features():
    assert rm.tokens("شنت الطائرات غارة جوية على مخيم للنازحين") == [
        "شنت", "الطايرات", rm.MASK, "علي", "مخيم", "للنازحين"]
    feats = rm.features("نفى الجيش قصف المستشفى\n\nقال متحدث")
    assert feats[:4] == ["h:نفي", "h:الجيش", "h:المستشفي", "h:نفي الجيش"]
    assert not any("قصف" in f or rm.MASK in f for f in feats)
    assert "h:الجيش المستشفي" not in feats  # a pair does not reach across the masked trigger


def test_hashing_is_stable():
    assert rm.hashed(ATTACK) == rm.hashed(ATTACK)
    assert all(0 <= i < 1 << rm.DIM_BITS for i in rm.hashed(ATTACK))
    assert rm.hashed("") == []


def test_the_shipped_model_reads_narration_and_talk():
    assert rm.MODEL_PATH.exists()
    assert rm.probability(ATTACK) > 0.8
    assert rm.probability(SPORT) < 0.2
    assert rm.probability(COURT) < 0.5


def test_a_text_without_a_lead_gets_no_reading():
    # one sentence, no lead after it: not the shape of report the model learnt from
    assert rm.probability(ATTACK.split("\n")[0]) is None
    assert rm.probability(ATTACK) is not None


def test_without_a_weights_file_relevance_is_rules_only(monkeypatch, tmp_path):
    monkeypatch.setattr(rm, "MODEL_PATH", tmp_path / "absent.npz")
    rm.model.cache_clear()
    try:
        assert rm.probability(ATTACK) is None
    finally:
        rm.model.cache_clear()


def test_a_weights_file_of_the_wrong_size_is_a_clear_error(monkeypatch, tmp_path):
    bad = tmp_path / "bad.npz"
    np.savez_compressed(bad, weights=np.zeros(10, dtype=np.float16), bias=np.float64(0.0))
    monkeypatch.setattr(rm, "MODEL_PATH", bad)
    rm.model.cache_clear()
    try:
        with pytest.raises(ValueError, match="10 weights, expected 262144"):
            rm.model()
    finally:
        rm.model.cache_clear()
