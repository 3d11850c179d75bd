"""In-process cost of a physics step in the Kit extension (for `npm run bench:kit`).

    python3 kit-extension/bench/bench_in_process.py <packaged exts dir> <ext name> <spring.py> [--quick]

Two measurements per prim count (1 and 10,000 prims), each against the same
work done by CPython running spring.py:

- ``call``: only the function calls of one step (velocity + position per
  prim) through the Python WASM host, against calling the Python functions.
- ``step``: a whole physics step of the extension under the Kit stand-ins:
  USD reads, the calls, batched USD writes.  The CPython side runs the same
  extension runtime with the Python functions in place of the WASM module, so
  the difference is the call path alone.

Prints one JSON object.  Times are medians over repeated runs, in microseconds per step.
"""
from __future__ import annotations

import importlib.util
import json
import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "kit-extension", "tests", "standins"))


def load_python(path):
    spec = importlib.util.spec_from_file_location("spring_cpython", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class CPythonModule:
    """The runtime's view of a module (``call``, ``functions``, ``spec``), backed by CPython."""

    def __init__(self, py, spec):
        self._py, self._spec = py, spec
        self.functions = {e["name"]: e for e in spec["exports"]}

    @property
    def spec(self):
        return self._spec

    def call(self, name, *args):
        return getattr(self._py, name)(*args)

    def close(self):
        pass


def median_us(fn, repeats):
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter_ns()
        fn()
        samples.append((time.perf_counter_ns() - t0) / 1000.0)
    return statistics.median(samples)


def bench_calls(module, py, prims, repeats):
    xs = [1.0 + 0.1 * i for i in range(prims)]
    dt = 1.0 / 60.0

    def wasm_step():
        call = module.call
        for x in xs:
            v = call("velocity", x, 0.5, 4.0, 0.8, dt)
            call("position", x, v, dt)

    def py_step():
        velocity, position = py.velocity, py.position
        for x in xs:
            v = velocity(x, 0.5, 4.0, 0.8, dt)
            position(x, v, dt)

    wasm_step(), py_step()  # warm up
    return median_us(wasm_step, repeats), median_us(py_step, repeats)


def bench_steps(exts, ext_name, py, prims, repeats):
    import kit_standin
    from pxr import Sdf, UsdGeom

    results = {}
    for engine in ("wasm", "cpython"):
        state = kit_standin.reset("110.1.2")
        state.usd_context.new_stage()
        stage = state.usd_context.get_stage()
        for i in range(prims):
            xform = UsdGeom.Xform.Define(stage, f"/World/Springs/s{i}")
            xform.AddTranslateOp().Set((float(i), 1.0 + 0.1 * i, 0.0))
            prim = xform.GetPrim()
            prim.CreateAttribute("spring:v", Sdf.ValueTypeNames.Double).Set(0.0)
            prim.CreateAttribute("spring:k", Sdf.ValueTypeNames.Double).Set(4.0 + i % 7)
        state.ext_manager.add_path(exts)
        state.ext_manager.set_extension_enabled_immediate(ext_name, True)
        import portalis.wasm

        runtime = portalis.wasm.get_runtime()
        if engine == "cpython":
            runtime._module = CPythonModule(py, runtime.module.spec)
        sim = kit_standin.KitSim(state)
        sim.play()
        sim.advance(1)  # resolves prims and attributes once
        results[engine] = median_us(lambda: sim.advance(1), repeats)
        if state.errors():
            raise SystemExit("\n".join(state.errors()))
        state.ext_manager.set_extension_enabled_immediate(ext_name, False)
    kit_standin.reset("110.1.2")
    return results["wasm"], results["cpython"]


def main():
    exts, ext_name, spring_py = sys.argv[1:4]
    quick = "--quick" in sys.argv
    py = load_python(spring_py)
    sys.path.insert(0, os.path.join(REPO, "runtime", "python"))
    from portalis_wasm_host import WasmModule

    data = os.path.join(exts, ext_name, "data")
    meta = json.load(open(os.path.join(data, "spring.portalis.json")))
    module = WasmModule.load(os.path.join(data, "spring.wasm"), meta["spec"])
    rows = []
    for prims, call_repeats, step_repeats in ((1, 2000, 500), (10_000, 3, 3)):
        if quick:
            call_repeats, step_repeats = max(2, call_repeats // 20), max(2, step_repeats // 20)
        wasm_us, py_us = bench_calls(module, py, prims, call_repeats)
        rows.append({"what": "call", "prims": prims, "calls_per_step": 2 * prims, "wasm_us": wasm_us, "cpython_us": py_us, "repeats": call_repeats})
        wasm_us, py_us = bench_steps(exts, ext_name, py, prims, step_repeats)
        rows.append({"what": "step", "prims": prims, "calls_per_step": 2 * prims, "wasm_us": wasm_us, "cpython_us": py_us, "repeats": step_repeats})
    module.close()
    print(json.dumps({"python": sys.version.split()[0], "rows": rows}))


if __name__ == "__main__":
    main()
