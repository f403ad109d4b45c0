"""Train the relevance model (marsad/extract/relevance_model.py) on the corpora beside the repo and
write marsad/data/relevance_model.npz.

    .venv/bin/pip install scikit-learn   # training only; the model is read with numpy
    .venv/bin/python scripts/train_relevance_model.py labels   # runs the pipeline: ~20 min
    .venv/bin/python scripts/train_relevance_model.py train [--c 1.0] [--out PATH]

Only reports whose headline or lead holds a trigger word are used: the model's job is to tell, among
reports that use words of violence, the ones narrating an incident from the ones talking about one.
Weak labels (nobody labelled these reports by hand):
- 1: a report of ../shared/corpora/ant-2018-news.jsonl.gz for which the rules of
  marsad/extract/relevance.py keep an incident with a score of at least POSITIVE (own trigger, harm,
  date, place: a narrated incident);
- 0: a news report whose every incident unit the rules drop with a score below NEGATIVE, or that
  yields no incident unit at all; and every such report of
  ../shared/corpora/ant-2018-other-sections.jsonl.gz (sport, economy, technology: figurative violence);
- the rest, in between, is left out.
The labels come from the rules, but the features are the words, pairs and letter 4-grams around the
(masked) triggers: the model carries the rules' decisions over to wording they do not list.
Never used: the news reports that tune and hand-check relevance (every 10th from the 10th and from
the 5th: `awk 'NR%10==0'`, `awk 'NR%10==5'`). Held out from training: every 10th labelled report; the
script prints accuracy and AUC on them (against the same weak labels) and the strongest features.
The gold sets (../shared/eval) are never read.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import sys
import zlib
from pathlib import Path

import numpy as np

from marsad.extract import relevance_model as rm
from marsad.extract.event_types import trigger_index

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NEWS = SHARED / "corpora" / "ant-2018-news.jsonl.gz"
OTHER = SHARED / "corpora" / "ant-2018-other-sections.jsonl.gz"
LABELS = Path("/tmp/marsad-relevance-labels.jsonl")  # the rules' decisions on the news reports
POSITIVE = 5.0  # a kept incident this well narrated makes its report a positive
NEGATIVE = 1.0  # every unit dropped below this: a negative
HELD_OUT_NEWS = {9, 4}  # 0-based line numbers mod 10: `awk 'NR%10==0'` and `awk 'NR%10==5'`


def read(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def violent(words: rm.Words) -> bool:
    return any(not h.payload.inert for h in trigger_index().find(words))


def has_violence(text: str) -> bool:
    """Does the headline or the lead hold a trigger word?"""
    head, rest = rm.report_parts(text)
    return violent(rm.words_of(head)) or violent(rm.words_of(rest, rm.LEAD_WORDS))


def news_label(row: dict) -> int | None:
    """The weak label of a news report from the rules' decisions on it (a line of LABELS)."""
    if row["error"]:
        return None
    if row["scores"]:
        return 1 if max(row["scores"]) >= POSITIVE else None
    return 0 if max(row["dropped"], default=-1.0) < NEGATIVE else None


def make_labels(labels: Path) -> int:
    """Run the per-report pipeline over the news reports with violence words; write LABELS."""
    from marsad.model import Article
    from marsad.run import process_articles

    rows = [d for n, d in enumerate(read(NEWS)) if n % 10 not in HELD_OUT_NEWS and has_violence(d["text"])]
    print(f"{len(rows)} news reports with violence words in headline or lead", flush=True)
    with labels.open("w", encoding="utf-8") as fo:
        for i in range(0, len(rows), 200):
            arts = [Article(id=d["id"], text=d["text"], title=d.get("title"), published=d.get("published"),
                            outlet=d.get("outlet"), url=d.get("url")) for d in rows[i:i + 200]]
            for res in process_articles(arts):
                rel = res.relevance or {}
                fo.write(json.dumps({"id": res.article.id, "error": res.error is not None,
                                     "scores": [e.relevance[0]["score"] for e in res.events if e.relevance],
                                     "dropped": [x["score"] for x in rel.get("dropped", [])]}) + "\n")
            print(i + len(arts), flush=True)
    return 0


def matrix(texts: list[str]):  # noqa: ANN201 - a scipy sparse matrix
    from scipy.sparse import csr_matrix

    indptr, indices, data = [0], [], []
    for t in texts:
        idx = rm.hashed(t)
        indices.extend(idx)
        data.extend([1.0 / math.sqrt(len(idx))] * len(idx) if idx else [])
        indptr.append(len(indices))
    return csr_matrix((np.array(data, dtype=np.float32), np.array(indices), np.array(indptr)),
                      shape=(len(texts), 1 << rm.DIM_BITS))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("step", choices=["labels", "train"])
    ap.add_argument("--c", type=float, default=1.0, help="inverse L2 strength of the logistic regression")
    ap.add_argument("--out", default=str(rm.MODEL_PATH))
    ap.add_argument("--labels", type=Path, default=LABELS)
    args = ap.parse_args()
    if not NEWS.exists() or not OTHER.exists():
        print(f"corpora not found under {SHARED / 'corpora'}", file=sys.stderr)
        return 2
    if args.step == "labels":
        return make_labels(args.labels)
    return train(args)


def train(args: argparse.Namespace) -> int:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    train: list[tuple[str, int]] = []
    held: list[tuple[str, int]] = []
    counts = {"news 1": 0, "news 0": 0, "news left out": 0, "other 0": 0}
    decided = {}
    for line in args.labels.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        decided[row["id"]] = news_label(row)
    for d in read(NEWS):
        if d["id"] not in decided:
            continue  # held out, or no violence words
        y = decided[d["id"]]
        if y is None:
            counts["news left out"] += 1
            continue
        counts[f"news {y}"] += 1
        (held if sum(counts.values()) % 10 == 0 else train).append((d["text"], y))
    for n, d in enumerate(read(OTHER)):
        if not has_violence(d["text"]):
            continue
        counts["other 0"] += 1
        (held if n % 10 == 0 else train).append((d["text"], 0))
    print("weak labels:", counts)
    x, y = matrix([t for t, _ in train]), np.array([v for _, v in train])
    clf = LogisticRegression(C=args.c, class_weight="balanced", max_iter=2000)
    clf.fit(x, y)
    if not held:
        return 0
    hx, hy = matrix([t for t, _ in held]), np.array([v for _, v in held])
    p = clf.predict_proba(hx)[:, 1]
    acc, auc = ((p >= 0.5) == hy).mean(), roc_auc_score(hy, p)
    print(f"held out: {len(hy)} reports ({hy.sum()} positive), accuracy {acc:.3f}, AUC {auc:.3f}")
    weights = clf.coef_[0].astype(np.float16)
    np.savez_compressed(args.out, weights=weights, bias=np.float64(clf.intercept_[0]))
    print(f"wrote {args.out} ({Path(args.out).stat().st_size // 1024} KiB)")
    # the strongest features, for review (names re-hashed from the training texts)
    names: dict[int, str] = {}
    mask = (1 << rm.DIM_BITS) - 1
    for t, _ in train[::7]:
        for f in rm.features(t):
            names.setdefault(zlib.crc32(f.encode("utf-8")) & mask, f)
    order = np.argsort(clf.coef_[0])
    print("talk:", ", ".join(f"{names.get(i, i)} {clf.coef_[0][i]:.1f}" for i in order[:40]))
    print("narration:", ", ".join(f"{names.get(i, i)} {clf.coef_[0][i]:.1f}" for i in order[::-1][:40]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
