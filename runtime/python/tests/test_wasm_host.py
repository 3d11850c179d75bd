"""The Python WASM host against a real compiled module: values, exceptions, traps and limits, checked against CPython."""
from __future__ import annotations

import importlib.util
import math
import threading
import time
from pathlib import Path

import pytest

from portalis_wasm_host import Limits, PythonError, WasmLimitExceeded, WasmModule, WasmTrap, python_exception

HERE = Path(__file__).resolve().parent

# The same functions run by CPython: the oracle.
_spec = importlib.util.spec_from_file_location("hostmod_cpython", HERE / "fixtures" / "hostmod.py")
oracle = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(oracle)


def cpython(name, *args):
    try:
        return ("ok", getattr(oracle, name)(*args))
    except Exception as e:  # noqa: BLE001
        return ("raise", type(e), str(e))


def host(m, name, *args):
    try:
        return ("ok", m.call(name, *args))
    except Exception as e:  # noqa: BLE001
        return ("raise", type(e), str(e))


@pytest.fixture
def mod(hostmod):
    wasm, spec = hostmod
    m = WasmModule.load(wasm, spec)
    yield m
    m.close()


CASES = [
    ("ident", (0,)), ("ident", (-(2**63),)), ("ident", (2**63 - 1,)), ("ident", (2**53 + 1,)),
    ("scale", (1.5, 3)), ("scale", (-0.0, 5)), ("scale", (1e308, 10)),
    ("flip", (True,)), ("flip", (False,)),
    ("pick", (True, 1, 2)), ("pick", (False, 1, 2)),
    ("nothing", (3,)), ("nothing", (0,)),
    ("divide", (7, 2)), ("divide", (-7, 2)), ("divide", (7, -2)), ("divide", (1, 0)),
    ("mod_float", (5.5, 2.0)), ("mod_float", (-5.5, 2.0)), ("mod_float", (1.0, 0.0)),
    ("root", (2.0,)), ("root", (-1.0,)),
    ("add_one", (41,)),
    ("depth", (50,)), ("counter", (10_000,)),
]


@pytest.mark.parametrize("name,args", CASES, ids=[f"{n}{a}" for n, a in CASES])
def test_matches_cpython(mod, name, args):
    want, got = cpython(name, *args), host(mod, name, *args)
    assert got == want
    if want[0] == "ok":
        assert type(got[1]) is type(want[1])
        if isinstance(want[1], float):
            assert math.copysign(1.0, got[1]) == math.copysign(1.0, want[1])


def test_functions_lists_the_spec(mod, hostmod):
    assert set(mod.functions) == {e["name"] for e in hostmod[1]["exports"]}
    assert mod.functions["scale"]["params"] == [{"name": "x", "type": "float"}, {"name": "k", "type": "int"}]
    assert mod.functions["nothing"]["returns"] == "None"


def test_int_beyond_64_bits_is_an_overflow_not_a_wrong_answer(mod):
    # CPython gives 2**63; Portalis ints are 64-bit, so the module raises instead of wrapping.
    with pytest.raises(OverflowError):
        mod.call("add_one", 2**63 - 1)
    with pytest.raises(OverflowError, match="argument 'n'"):
        mod.call("ident", 2**63)


@pytest.mark.parametrize("name,args,pattern", [
    ("ident", (True,), r"ident\(\) argument 'n' must be int, not bool"),
    ("ident", (1.0,), r"argument 'n' must be int, not float"),
    ("scale", (1, 2), r"scale\(\) argument 'x' must be float, not int"),
    ("flip", (1,), r"flip\(\) argument 'b' must be bool, not int"),
    ("ident", (), r"ident\(\) takes 1 positional argument but 0 were given"),
    ("pick", (True, 1), r"pick\(\) takes 3 positional arguments but 2 were given"),
])
def test_arguments_are_type_checked(mod, name, args, pattern):
    with pytest.raises(TypeError, match=pattern):
        mod.call(name, *args)


def test_numpy_scalars_are_accepted(mod):
    np = pytest.importorskip("numpy")
    assert mod.call("ident", np.int64(-5)) == -5
    assert mod.call("flip", np.bool_(False)) is True
    assert mod.call("scale", np.float64(0.5), np.int32(4)) == 2.0
    with pytest.raises(TypeError):
        mod.call("ident", np.bool_(True))


def test_unknown_function(mod):
    with pytest.raises(AttributeError, match="no exported function 'nope'"):
        mod.call("nope")


def test_stack_exhaustion_is_recursion_error_and_the_module_recovers(mod):
    with pytest.raises(RecursionError):
        mod.call("depth", 10**7)
    assert mod.call("depth", 100) == 100
    assert mod.call("divide", 9, 2) == 4


def test_pending_exception_is_cleared(mod):
    with pytest.raises(ZeroDivisionError):
        mod.call("divide", 1, 0)
    assert mod.call("divide", 1, 1) == 1


def test_fuel_stops_a_runaway_loop_and_the_module_recovers(hostmod):
    wasm, spec = hostmod
    with WasmModule.load(wasm, spec, Limits(fuel=2_000_000)) as m:
        t = time.perf_counter()
        with pytest.raises(WasmLimitExceeded) as info:
            m.call("forever", -1)
        assert time.perf_counter() - t < 5
        assert info.value.limit == "fuel" and isinstance(info.value, WasmTrap)
        assert m.call("forever", 3) == 3
        # Fuel is per call: many small calls never add up to the limit.
        for i in range(50):
            assert m.call("counter", 1000) == oracle.counter(1000)


def test_fuel_is_deterministic(hostmod):
    wasm, spec = hostmod
    with WasmModule.load(wasm, spec, Limits(fuel=20_000)) as m:
        assert m.call("counter", 100) == oracle.counter(100)
        with pytest.raises(WasmLimitExceeded):
            m.call("counter", 100_000)
        assert m.call("counter", 100) == oracle.counter(100)


def test_timeout_stops_a_runaway_loop(hostmod):
    wasm, spec = hostmod
    with WasmModule.load(wasm, spec, Limits(timeout_ms=100)) as m:
        t = time.perf_counter()
        with pytest.raises(WasmLimitExceeded) as info:
            m.call("forever", -1)
        elapsed = time.perf_counter() - t
        assert info.value.limit == "timeout"
        assert 0.09 <= elapsed < 3
        # A call that finishes in time is not interrupted later by a stale deadline.
        for _ in range(20):
            assert m.call("counter", 1000) == oracle.counter(1000)
        time.sleep(0.15)
        assert m.call("forever", 7) == 7


def test_fuel_and_timeout_together(hostmod):
    wasm, spec = hostmod
    with WasmModule.load(wasm, spec, Limits(fuel=1_000_000, timeout_ms=5_000)) as m:
        with pytest.raises(WasmLimitExceeded) as info:
            m.call("forever", -2)
        assert info.value.limit == "fuel"
        assert m.call("ident", 12) == 12


def test_memory_limit_below_the_initial_memory_refuses_to_load(hostmod):
    wasm, spec = hostmod
    with pytest.raises(WasmLimitExceeded) as info:
        WasmModule.load(wasm, spec, Limits(memory_bytes=65536))
    assert info.value.limit == "memory"
    with WasmModule.load(wasm, spec, Limits(memory_bytes=64 * 1024 * 1024)) as m:
        assert m.call("counter", 10) == oracle.counter(10)


def test_calls_from_threads_are_serialised(hostmod):
    wasm, spec = hostmod
    errors = []
    with WasmModule.load(wasm, spec) as m:
        def work(k):
            try:
                for i in range(200):
                    assert m.call("pick", i % 2 == 0, k, i) == (k if i % 2 == 0 else i)
                    if i % 50 == 0:
                        try:
                            m.call("divide", k, 0)
                        except ZeroDivisionError:
                            pass
            except BaseException as e:  # noqa: BLE001
                errors.append(e)
        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []


def test_spec_mismatch_and_abi_version(hostmod):
    wasm, spec = hostmod
    with pytest.raises(ValueError, match="ABI version"):
        WasmModule.load(wasm, {**spec, "abiVersion": 2})
    bad = {**spec, "exports": spec["exports"] + [{**spec["exports"][0], "name": "ghost", "wasm": {"name": "ghost"}, "wide": {"name": "ghost__wide"}}]}
    with pytest.raises(ValueError, match="missing exports ghost__wide"):
        WasmModule.load(wasm, bad)


def test_python_exception_mapping():
    e = python_exception("ZeroDivisionError", "division by zero")
    assert type(e) is ZeroDivisionError and str(e) == "division by zero"
    assert type(python_exception("ValueError", "")) is ValueError and python_exception("ValueError", "").args == ()
    odd = python_exception("MyCustomError", "boom\nline two")
    assert isinstance(odd, PythonError) and isinstance(odd, RuntimeError)
    assert odd.type_name == "MyCustomError" and odd.message == "boom\nline two"
    # Names that are built-ins but not exceptions are not exceptions.
    assert isinstance(python_exception("print", "x"), PythonError)


def test_closed_module_refuses_calls(hostmod):
    wasm, spec = hostmod
    m = WasmModule.load(wasm, spec)
    m.close()
    with pytest.raises(ValueError, match="closed"):
        m.call("ident", 1)
