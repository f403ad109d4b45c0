"""The long fuzz run: the properties of tests/test_fuzz.py with many more cases each.

    .venv/bin/python bench/fuzz.py [--examples N]      # default 2000 cases per property

Prints, per property, the cases run, the seconds taken and whether it held; exits 1 on the first
property that fails (Hypothesis prints the smallest failing input).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--examples", type=int, default=2000, help="cases per property")
    args = ap.parse_args()
    os.environ["MARSAD_FUZZ_EXAMPLES"] = str(args.examples)  # read when the module is imported
    sys.path.insert(0, str(ROOT))
    from tests import test_fuzz

    props = [getattr(test_fuzz, n) for n in dir(test_fuzz) if n.startswith("test_")]
    total, t_all = 0, time.perf_counter()
    print(f"{'property':<62} {'cases':>7} {'seconds':>8}")
    for prop in props:
        before = sum(test_fuzz.CASES.values())
        t0 = time.perf_counter()
        try:
            prop()
            status = ""
        except Exception as e:  # noqa: BLE001 - report which property failed, then stop
            status = f"  FAILED: {type(e).__name__}"
        n = sum(test_fuzz.CASES.values()) - before
        total += n
        print(f"{prop.__name__:<62} {n:>7} {time.perf_counter() - t0:>8.1f}{status}", flush=True)
        if status:
            return 1
    print(f"{'all properties':<62} {total:>7} {time.perf_counter() - t_all:>8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
