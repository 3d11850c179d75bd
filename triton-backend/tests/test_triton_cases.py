"""cases.json, the table shared with the Node KServe server, agrees with CPython and with gen_cases.py."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "triton"


def load(name):
    spec = importlib.util.spec_from_file_location(f"triton_fixture_{name}", FIXTURES / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_table_is_what_the_generator_writes_now():
    committed = json.loads((FIXTURES / "cases.json").read_text())
    fresh = load("gen_cases").build()
    committed.pop("generated_by")
    fresh.pop("generated_by")
    assert committed == fresh, "cases.json is stale: run python3 tests/fixtures/triton/gen_cases.py"


def test_expectations_come_from_cpython():
    funcs = load("funcs")
    table = json.loads((FIXTURES / "cases.json").read_text())
    checked = 0
    for case in table["cases"]:
        if case.get("runaway"):
            continue
        columns = [[int(v) if t["datatype"] == "INT64" else v for v in t["data"]] for t in case["inputs"]]
        fn = getattr(funcs, case["model"])
        results, error = [], None
        for row in zip(*columns):
            try:
                results.append(fn(*row))
            except Exception as e:  # noqa: BLE001
                error = e
                break
        if error is not None:
            assert case["error"]["type"] == type(error).__name__ and case["error"]["message"] == str(error), case["id"]
            assert case["error"]["text"] == f"{type(error).__name__}: {error}"
        else:
            out = case["output"]
            want = [int(v) if out["datatype"] == "INT64" else v for v in out["data"]]
            assert results == want and [type(r) for r in results] == [type(w) for w in want], case["id"]
            assert out["shape"] == [len(results), 1]
        checked += 1
    assert checked == len(table["cases"]) - 1
