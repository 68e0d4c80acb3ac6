"""Time the peer acceptance suites (tests/acceptance/peer_figures.py) and print their pass rates.

usage: python benchmarks/peers_figures.py

Why: the peer suites are many short inputs, so they measure the fixed cost per
call of extract_figures (regex set-up per text, qualifier and context look-ups),
which the MB/s benchmark on long documents hides.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    path = ROOT / "tests" / "acceptance" / "peer_figures.py"
    spec = importlib.util.spec_from_file_location("peer_figures", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    module.run_all()  # warm the compiled grammar
    t0 = time.perf_counter()
    summary = module.run_all().summary()
    took = time.perf_counter() - t0
    cases = sum(s["cases"] for s in summary.values())
    passed = sum(s["passed"] for s in summary.values())
    rate = passed / cases
    print(f"{cases} in-scope cases in {took:.2f} s ({cases / took:,.0f} cases/s); pass rate {rate:.4f}")
    for suite, s in summary.items():
        print(f"  {suite:16} {s['passed']:4}/{s['cases']:<4} {s['rate']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
