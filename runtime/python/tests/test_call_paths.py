"""The fast call path (prebuilt C-API call plans) against the Func.__call__ fallback: same values, same errors.

Every case runs on a module loaded with `fast_calls=True` and one with
`fast_calls=False`, and both must agree with CPython (the fixture run by
python3) and with each other, down to exception type and message, float sign
and NaN. Also: traps and recovery, limits, memory that moves when it grows,
`call_many`, and the fallback chosen when wasmtime-py's private API is missing.
"""
from __future__ import annotations

import importlib.util
import math
import threading
from pathlib import Path

import pytest
import wasmtime

from portalis_wasm_host import Limits, WasmLimitExceeded, WasmModule, WasmTrap
from portalis_wasm_host import fastcall

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("hostmod_oracle_paths", HERE / "fixtures" / "hostmod.py")
oracle = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(oracle)

needs_fast = pytest.mark.skipif(fastcall.FAST_API is None, reason="this wasmtime-py lacks the private API the fast path uses")


def outcome(fn, *args):
    """A comparable record of a call: the value with its type (floats by repr: -0.0, nan, inf), or the exception."""
    try:
        value = fn(*args)
    except Exception as e:  # noqa: BLE001
        return ("raise", type(e), str(e))
    if isinstance(value, float):
        return ("ok", float, repr(value))
    return ("ok", type(value), value)


def load(hostmod, fast, limits=None):
    wasm, spec = hostmod
    m = WasmModule.load(wasm, spec, limits, fast_calls=fast)
    assert m.call_path == ("fast" if fast and fastcall.FAST_API is not None else "fallback")
    return m


@pytest.fixture
def pair(hostmod):
    fast, slow = load(hostmod, True), load(hostmod, False)
    yield fast, slow
    fast.close()
    slow.close()


I64_MIN, I64_MAX = -(2**63), 2**63 - 1
NAN, INF = float("nan"), float("inf")

VALUE_CASES = [
    ("ident", (0,)), ("ident", (I64_MIN,)), ("ident", (I64_MAX,)), ("ident", (I64_MIN + 1,)), ("ident", (I64_MAX - 1,)),
    ("ident", (2**53 + 1,)), ("ident", (-(2**53) - 1,)), ("ident", (2**31,)), ("ident", (-(2**31) - 1,)), ("ident", (2**32,)),
    ("scale", (-0.0, 5)), ("scale", (0.0, -5)), ("scale", (NAN, 3)), ("scale", (INF, 0)), ("scale", (-INF, -1)),
    ("scale", (1e308, 10)), ("scale", (5e-324, 1)), ("scale", (1.5, I64_MAX)), ("scale", (1.5, I64_MIN)),
    ("flip", (True,)), ("flip", (False,)),
    ("pick", (True, I64_MIN, I64_MAX)), ("pick", (False, I64_MIN, I64_MAX)),
    ("nothing", (3,)), ("nothing", (0,)),
    ("divide", (7, 2)), ("divide", (-7, 2)), ("divide", (1, 0)), ("divide", (I64_MIN, -1)), ("divide", (I64_MIN, 1)),
    ("mod_float", (-0.0, 2.0)), ("mod_float", (5.5, -2.0)), ("mod_float", (1.0, 0.0)), ("mod_float", (NAN, 1.0)),
    ("mod_float", (INF, 1.0)), ("mod_float", (1.0, INF)),
    ("root", (-0.0,)), ("root", (NAN,)), ("root", (-1.0,)), ("root", (INF,)),
    ("add_one", (I64_MAX,)), ("add_one", (I64_MIN,)), ("add_one", (-1,)),
    ("counter", (1000,)),
]


@pytest.mark.parametrize("name,args", VALUE_CASES, ids=[f"{n}{a}" for n, a in VALUE_CASES])
def test_fast_and_fallback_agree_on_values_and_exceptions(pair, name, args):
    fast, slow = pair
    got_fast, got_slow = outcome(fast.call, name, *args), outcome(slow.call, name, *args)
    assert got_fast == got_slow
    want = outcome(getattr(oracle, name), *args)
    if want[0] == "raise" or want[1] is not int or I64_MIN <= want[2] <= I64_MAX:
        assert got_fast == want
    else:  # CPython's int went past 64 bits: the module refuses with an OverflowError instead of wrapping
        assert got_fast[:2] == ("raise", OverflowError)


def _np():
    return pytest.importorskip("numpy")


ARG_ERROR_CASES = [
    ("ident", (True,)), ("ident", (1.0,)), ("ident", (2**63,)), ("ident", (I64_MIN - 1,)), ("ident", ("1",)), ("ident", (None,)),
    ("scale", (1, 2)), ("scale", (1.0, 2.0)), ("scale", (1.0, False)),
    ("flip", (1,)), ("flip", (None,)), ("flip", ()), ("pick", (True, 1)), ("pick", (True, 1, 2, 3)), ("ident", (1, 2)),
    ("nope", ()),
]


@pytest.mark.parametrize("name,args", ARG_ERROR_CASES, ids=[f"{n}{a}" for n, a in ARG_ERROR_CASES])
def test_fast_and_fallback_agree_on_argument_errors(pair, name, args):
    fast, slow = pair
    got = outcome(fast.call, name, *args)
    assert got[0] == "raise"
    assert got == outcome(slow.call, name, *args)


def test_numpy_scalars_take_the_same_path(pair):
    np = _np()
    fast, slow = pair
    for name, args in [("ident", (np.int64(-5),)), ("ident", (np.int8(7),)), ("flip", (np.bool_(False),)),
                       ("scale", (np.float64(0.5), np.int32(4))), ("ident", (np.bool_(True),)), ("scale", (np.float32(0.5), 1)),
                       ("ident", (np.uint64(2**64 - 1),))]:
        assert outcome(fast.call, name, *args) == outcome(slow.call, name, *args)


@pytest.mark.parametrize("fast", [True, False], ids=["fast", "fallback"])
def test_trap_then_good_calls(hostmod, fast):
    with load(hostmod, fast) as m:
        with pytest.raises(RecursionError, match="maximum recursion depth exceeded"):
            m.call("depth", 10**7)
        assert m.call("depth", 100) == 100
        assert m.call("ident", I64_MIN) == I64_MIN
        with pytest.raises(ZeroDivisionError, match="integer division or modulo by zero"):
            m.call("divide", 1, 0)
        assert m.call("divide", 9, 2) == 4
        assert m.call_path == ("fast" if fast and fastcall.FAST_API is not None else "fallback")


@pytest.mark.parametrize("fast", [True, False], ids=["fast", "fallback"])
def test_fuel_is_a_fresh_budget_per_call(hostmod, fast):
    with load(hostmod, fast, Limits(fuel=20_000)) as m:
        for _ in range(30):  # 30 calls together use far more than 20,000 units
            assert m.call("counter", 100) == oracle.counter(100)
        with pytest.raises(WasmLimitExceeded, match="fuel limit of 20000 exhausted") as info:
            m.call("counter", 100_000)
        assert info.value.limit == "fuel" and info.value.function == "counter"
        assert m.call("counter", 100) == oracle.counter(100)


def test_fuel_limit_trips_at_the_same_place_on_both_paths(hostmod):
    # Fuel is deterministic, so the largest n that fits is the same whichever way the call is made.
    limits = Limits(fuel=5_000)
    results = []
    for fast in (True, False):
        with load(hostmod, fast, limits) as m:
            results.append([outcome(m.call, "counter", n) for n in range(0, 400, 7)])
    assert results[0] == results[1]
    assert any(r[0] == "raise" for r in results[0]) and results[0][0][0] == "ok"


@pytest.mark.parametrize("fast", [True, False], ids=["fast", "fallback"])
def test_timeout_and_memory_limits(hostmod, fast):
    with load(hostmod, fast, Limits(fuel=50_000_000, timeout_ms=50, memory_bytes=64 << 20)) as m:
        with pytest.raises(WasmLimitExceeded) as info:
            m.call("forever", -1)
        assert info.value.limit in ("timeout", "fuel")  # whichever the machine reaches first
        for i in range(200):  # fast calls after the interrupt are not hit by a stale deadline
            assert m.call("pick", i % 2 == 0, i, -i) == (i if i % 2 == 0 else -i)
    with load(hostmod, fast, Limits(timeout_ms=50)) as m:
        with pytest.raises(WasmLimitExceeded, match="time limit of 50 ms exceeded"):
            m.call("forever", -1)
        assert m.call("forever", 4) == 4


def _moving_memory_module(hostmod, fast):
    """A module whose linear memory has no reserve, so that every growth moves it."""
    wasm, spec = hostmod
    config = wasmtime.Config()
    config.memory_reservation = 0
    config.memory_guard_size = 0
    config.memory_reservation_for_growth = 0
    config.memory_may_move = True
    engine = wasmtime.Engine(config)
    return WasmModule(wasmtime.Module(engine, Path(wasm).read_bytes()), engine, spec, Limits(), fast)


@pytest.mark.parametrize("fast", [True, False], ids=["fast", "fallback"])
def test_memory_that_moves_between_calls(hostmod, fast):
    with _moving_memory_module(hostmod, fast) as m:
        assert m.call("ident", 5) == 5
        bases = set()
        for i in range(4):
            m._memory.grow(m._store, 1)  # the host grows it here; a guest allocation would do the same
            # The pending exception is only seen if the state word is read at its new address.
            with pytest.raises(ZeroDivisionError, match="integer division or modulo by zero"):
                m.call("divide", i, 0)
            assert m.call("ident", I64_MAX - i) == I64_MAX - i
            if m._state is not None:
                bases.add(m._state.base)
        if fast and fastcall.FAST_API is not None:
            assert len(bases) > 1, "memory never moved, so the view refresh was not exercised"


@pytest.mark.parametrize("fast", [True, False], ids=["fast", "fallback"])
def test_call_many_is_a_loop_of_calls(hostmod, fast):
    with load(hostmod, fast) as m:
        rows = [(i % 3 == 0, i, -i) for i in range(50)]
        assert m.call_many("pick", rows) == [m.call("pick", *r) for r in rows]
        assert m.call_many("scale", iter([(0.5, 2), (-0.0, 1)])) == [1.0, -0.0]
        assert math.copysign(1.0, m.call_many("scale", [(-0.0, 1)])[0]) == -1.0
        assert m.call_many("ident", []) == []
        with pytest.raises(ZeroDivisionError):
            m.call_many("divide", [(4, 2), (1, 0), (3, 1)])
        with pytest.raises(TypeError, match=r"divide\(\) argument 'b' must be int, not float"):
            m.call_many("divide", [(4, 2), (1, 0.5)])
        with pytest.raises(RecursionError):
            m.call_many("depth", [(1,), (10**7,)])
        assert m.call_many("depth", [(3,), (4,)]) == [3, 4]
        with pytest.raises(AttributeError, match="no exported function 'nope'"):
            m.call_many("nope", [()])


def test_threads_on_the_fast_path(hostmod):
    errors = []
    with load(hostmod, True, Limits(fuel=1_000_000, timeout_ms=5_000)) as m:
        def work(k):
            try:
                for i in range(300):
                    assert m.call("pick", i % 2 == 0, k, i) == (k if i % 2 == 0 else i)
                    if i % 60 == 0:
                        with pytest.raises(ZeroDivisionError):
                            m.call("divide", k, 0)
                        assert m.call_many("ident", [(k,), (i,)]) == [k, i]
            except BaseException as e:  # noqa: BLE001
                errors.append(e)
        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert errors == []


def test_missing_private_api_falls_back(hostmod, monkeypatch):
    from wasmtime import _ffi

    monkeypatch.delattr(_ffi, "wasmtime_val_t")
    assert fastcall._detect() is None
    monkeypatch.undo()
    monkeypatch.setattr(fastcall, "FAST_API", None)
    with load(hostmod, True) as m:
        assert m.call_path == "fallback"
        assert m.call("ident", I64_MIN) == I64_MIN
        with pytest.raises(ZeroDivisionError):
            m.call("divide", 1, 0)


@needs_fast
def test_a_plan_that_cannot_be_built_falls_back(hostmod, monkeypatch):
    def broken(store):
        raise AttributeError("_context moved")

    monkeypatch.setattr(fastcall.FAST_API, "context_address", broken)
    with WasmModule.load(*hostmod, fast_calls=True) as m:
        assert m.call_path == "fallback"
        assert m.call("scale", -0.0, 3) == -0.0
        with pytest.raises(RecursionError):
            m.call("depth", 10**7)
        assert m.call("depth", 5) == 5


@needs_fast
def test_closed_module_refuses_fast_calls(hostmod):
    m = load(hostmod, True)
    m.close()
    with pytest.raises(ValueError, match="closed"):
        m.call("ident", 1)
    with pytest.raises(ValueError, match="closed"):
        m.call_many("ident", [(1,)])


def test_an_unexpected_wasm_signature_uses_func_call(hostmod):
    # A spec that says `float` where the WASM export takes i64: no plan is built for it, so the
    # export keeps Func.__call__'s behaviour (its TypeError for a float given to an i64).
    wasm, spec = hostmod
    bent = {**spec, "exports": [dict(e, params=[{"name": "n", "type": "float"}]) if e["name"] == "ident" else e for e in spec["exports"]]}
    results = []
    for fast in (True, False):
        with WasmModule.load(wasm, bent, fast_calls=fast) as m:
            assert "ident" not in m._plans
            results.append(outcome(m.call, "ident", 1.0))
            assert m.call("pick", True, 1, 2) == 1
    assert results[0] == results[1] and results[0][:2] == ("raise", TypeError)
