"""Times functions of a Python module under CPython for `npm run bench`.

Reads one JSON job from stdin: {"file": path, "calls": [{"fn": name, "args": [...], "repeat": n}]}
and prints {"results": [{"fn", "value", "seconds": best-of-n}]}.
"""
import importlib.util
import json
import sys
import time

job = json.load(sys.stdin)
spec = importlib.util.spec_from_file_location("bench_module", job["file"])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
results = []
for call in job["calls"]:
    fn = getattr(module, call["fn"])
    best = float("inf")
    value = None
    for _ in range(call["repeat"]):
        started = time.perf_counter()
        value = fn(*call["args"])
        best = min(best, time.perf_counter() - started)
    results.append({"fn": call["fn"], "value": repr(value), "seconds": best})
print(json.dumps({"results": results}))
