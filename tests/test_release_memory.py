"""release_free_memory hands the pages of freed C-heap blocks back while survivors pin the heap."""

import pytest

from marsad import run


def _rss_anon_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("RssAnon:"):
                return int(line.split()[1]) / 1024
    pytest.skip("no /proc/self/status")


@pytest.mark.skipif(run._TRIM is None, reason="not glibc")
def test_freed_blocks_between_survivors_leave_the_process() -> None:
    run.release_free_memory()
    blocks = [bytes(2000) + i.to_bytes(4, "little") for i in range(60_000)]  # ~120 MB of malloc'd blocks
    survivors = blocks[::64]  # one block in 64 stays: glibc alone cannot shrink past it
    del blocks
    before = _rss_anon_mb()
    run.release_free_memory()
    after = _rss_anon_mb()
    assert len(survivors) == 938
    assert before - after > 60


def test_a_run_raises_the_young_gc_threshold_only_while_it_processes(tmp_path, monkeypatch) -> None:
    import gc
    from pathlib import Path

    seen: list[int] = []
    real = run.process_articles

    def spy(articles, nlp=None, on_done=None):
        seen.append(gc.get_threshold()[0])
        return real(articles, nlp, on_done)

    monkeypatch.setattr(run, "process_articles", spy)
    before = gc.get_threshold()
    sample = Path(run.__file__).parent / "data" / "sample" / "docs.jsonl"
    run.run_corpus([str(sample)], tmp_path / "out")
    assert seen and all(t == max(before[0], run.GC_YOUNG_THRESHOLD) for t in seen)
    assert gc.get_threshold() == before  # the caller's settings come back
