"""Per-call cost of WasmModule.call on the fast path and on the Func.__call__ fallback.

    python3 runtime/python/bench/bench_call.py [--calls 100000] [--runs 5]

Compiles runtime/python/tests/fixtures/hostmod.py with the real compiler (needs `npx tsc -b`),
then times `calls` calls of a few scalar functions, best of `runs`, per call path; also
`call_many` over the same rows. Prints a Markdown table (µs per call).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PYROOT = Path(__file__).resolve().parent.parent
REPO = PYROOT.parent.parent
sys.path.insert(0, str(PYROOT))

from portalis_wasm_host import Limits, WasmModule  # noqa: E402

CASES = [("ident", (12345,)), ("scale", (1.5, 3)), ("flip", (True,)), ("pick", (True, 1, 2))]


def best_per_call(fn, calls: int, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn(calls)
        best = min(best, time.perf_counter() - t)
    return best / calls * 1e6


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["node", str(PYROOT / "tools" / "compile-module.mjs"), str(PYROOT / "tests" / "fixtures" / "hostmod.py"), tmp],
                       cwd=REPO, check=True)
        wasm = (Path(tmp) / "hostmod.wasm").read_bytes()
        spec = json.loads((Path(tmp) / "hostmod.spec.json").read_text())
    configs = [("no limits", Limits()), ("fuel", Limits(fuel=10_000_000)), ("fuel+timeout", Limits(fuel=10_000_000, timeout_ms=1000))]
    print("| function | limits | fallback µs/call | fast µs/call | fast call_many µs/row |")
    print("| --- | --- | ---: | ---: | ---: |")
    for name, args in CASES:
        for label, limits in configs:
            cols = []
            for fast in (False, True):
                m = WasmModule.load(wasm, spec, limits, fast_calls=fast)
                assert m.call_path == ("fast" if fast else "fallback")
                call = m.call

                def loop(n: int) -> None:
                    for _ in range(n):
                        call(name, *args)
                cols.append(best_per_call(loop, a.calls if fast else max(a.calls // 10, 1), a.runs))
                if fast:
                    rows = [args] * 1000
                    cols.append(best_per_call(lambda n: [m.call_many(name, rows) for _ in range(n // 1000)], a.calls, a.runs))
                m.close()
            print(f"| {name}{args} | {label} | {cols[0]:.2f} | {cols[1]:.2f} | {cols[2]:.2f} |")


if __name__ == "__main__":
    main()
