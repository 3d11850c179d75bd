"""`WasmModule`: one Portalis WASM module instantiated with wasmtime, called with Python values.

Implements the host side of docs/abi.md for Python callers (the Triton
backend, the Kit extension, tests). Ints cross through the `f__wide` export as
i64, floats as f64, bools as i32. After each call the state word says whether
a Python exception is pending; it is re-raised as the same built-in class with
the same message. A trap re-creates the instance from the compiled module, so
the next call starts from clean module state.

One instance has one wasmtime Store, which is not safe to use from two threads
at once: calls on one `WasmModule` are serialised by a lock. Load one module
per thread (or per Triton model instance) for parallelism.

Calls go through a per-export `fastcall.CallPlan` (the C API called with
prebuilt arrays, the state word read through a cached view of linear memory)
when wasmtime-py's internals are as expected, else through `Func.__call__`;
both give the same values and errors. `call_path` says which one is in use.
"""
from __future__ import annotations

import json
import operator
import os
import threading
from typing import Any, Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

import wasmtime

from . import fastcall
from .errors import WasmLimitExceeded, WasmTrap, python_exception
from .limits import Limits, Watchdog

ABI_VERSION = 1
_I64_MIN, _I64_MAX = -(2**63), 2**63 - 1
_PAGE = 65536

Value = Union[int, float, bool, None]


# The WASM value kind each ABI type crosses as (through the wide export when there is one).
_KIND = {"int": "i64", "float": "f64", "bool": "i32"}


class _Export:
    __slots__ = ("name", "params", "returns", "wasm_name", "spec", "convert", "to_result")

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = dict(spec)
        self.name: str = spec["name"]
        self.params: List[Tuple[str, str]] = [(p["name"], p["type"]) for p in spec["params"]]
        self.returns: str = spec["returns"]
        wide = spec.get("wide")
        # The wide export carries ints exactly as i64; functions without ints have only the fast one.
        self.wasm_name: str = wide["name"] if wide else spec["wasm"]["name"]
        self.convert = _arg_converter(self)
        self.to_result = _RESULT.get(self.returns, _none)

    def kinds(self) -> Optional[Tuple[List[str], Optional[str]]]:
        """The WASM param/result kinds this export should have, or None if a type is not one the host handles."""
        params = [_KIND.get(t) for _, t in self.params]
        if any(k is None for k in params) or (self.returns != "None" and self.returns not in _KIND):
            return None
        return [k for k in params if k is not None], _KIND.get(self.returns)


class WasmModule:
    """A loaded module. Use `WasmModule.load`; call functions with `call(name, *args)`."""

    def __init__(
        self, module: wasmtime.Module, engine: wasmtime.Engine, spec: Mapping[str, Any], limits: Limits, fast_calls: bool = True
    ) -> None:
        self._api = fastcall.FAST_API if fast_calls else None
        self._plans: Dict[str, fastcall.CallPlan] = {}
        self._state: Optional[fastcall.StateView] = None
        self._ctx = 0
        self._fuel = int(limits.fuel) if limits.fuel is not None else None
        self._engine = engine
        self._module = module
        self._spec = dict(spec)
        self._limits = limits
        self._exports: Dict[str, _Export] = {e["name"]: _Export(e) for e in spec["exports"]}
        self._lock = threading.Lock()
        self._watchdog = Watchdog(engine) if limits.timeout_ms is not None else None
        self._closed = False
        self._check_exports()
        self._instantiate()

    @classmethod
    def load(
        cls,
        wasm: Union[bytes, bytearray, memoryview, str, "os.PathLike[str]"],
        spec: Union[Mapping[str, Any], str, "os.PathLike[str]"],
        limits: Optional[Limits] = None,
        fast_calls: bool = True,
    ) -> "WasmModule":
        """Compiles `wasm` (bytes, or a path) described by `spec` (the ModuleSpec as a dict, or a JSON file path).

        `fast_calls=False` always calls through wasmtime-py's public `Func.__call__` (same results, slower).
        """
        if isinstance(wasm, (str, os.PathLike)):
            with open(wasm, "rb") as f:
                wasm = f.read()
        if isinstance(spec, (str, os.PathLike)):
            with open(spec, "r", encoding="utf-8") as f:
                spec = json.load(f)
        if spec.get("abiVersion") != ABI_VERSION:
            raise ValueError(f"module spec has ABI version {spec.get('abiVersion')!r}; this host speaks version {ABI_VERSION}")
        limits = limits or Limits()
        config = wasmtime.Config()
        config.consume_fuel = limits.fuel is not None
        config.epoch_interruption = limits.timeout_ms is not None
        engine = wasmtime.Engine(config)
        return cls(wasmtime.Module(engine, bytes(wasm)), engine, spec, limits, fast_calls)

    @property
    def functions(self) -> Dict[str, Dict[str, Any]]:
        """The exported functions: name -> the ExportSpec dict (params, returns, doc...)."""
        return {name: dict(e.spec) for name, e in self._exports.items()}

    @property
    def spec(self) -> Dict[str, Any]:
        return dict(self._spec)

    @property
    def limits(self) -> Limits:
        return self._limits

    @property
    def call_path(self) -> str:
        """"fast" when calls go through prebuilt C-API call plans, "fallback" when through `Func.__call__`."""
        return "fast" if self._api is not None else "fallback"

    def call(self, name: str, *args: Any) -> Value:
        export = self._exports.get(name)
        if export is None:
            raise AttributeError(f"module '{self._spec.get('module')}' has no exported function '{name}'")
        wasm_args = export.convert(args)
        with self._lock:
            if self._closed:
                raise ValueError("call on a closed WasmModule")
            return self._invoke(export, wasm_args)

    def call_many(self, name: str, rows: Iterable[Sequence[Any]]) -> List[Value]:
        """`[call(name, *row) for row in rows]`, taking the lock once. The first failing row's exception propagates."""
        export = self._exports.get(name)
        if export is None:
            raise AttributeError(f"module '{self._spec.get('module')}' has no exported function '{name}'")
        convert, invoke = export.convert, self._invoke
        out: List[Value] = []
        with self._lock:
            if self._closed:
                raise ValueError("call on a closed WasmModule")
            for row in rows:
                out.append(invoke(export, convert(tuple(row))))
        return out

    def _invoke(self, export: _Export, wasm_args: List[Any]) -> Value:
        """One call of `export` with checked arguments; the caller holds the lock."""
        store = self._store
        plan = self._plans.get(export.name)
        api = self._api
        if self._fuel is not None:
            if api is not None:
                error = api.set_fuel(self._ctx, self._fuel)
                if error:
                    api.raise_error(error)
            else:
                store.set_fuel(self._fuel)
        token = None
        if self._watchdog is not None:
            if api is not None:
                api.set_epoch_deadline(self._ctx, 1)
            else:
                store.set_epoch_deadline(1)
            token = self._watchdog.arm(self._limits.timeout_ms / 1000.0)
        try:
            raw = plan.invoke(wasm_args) if plan is not None else self._funcs[export.name](store, *wasm_args)
        except (wasmtime.Trap, wasmtime.WasmtimeError) as trap:
            if token is not None:
                self._watchdog.disarm(token)
                token = None
            raise self._trapped(export.name, trap) from trap
        finally:
            if token is not None:
                self._watchdog.disarm(token)
        state = self._state.read() if self._state is not None else self._read_i32(self._state_ptr)
        if state == 0:
            return export.to_result(raw)
        if state == 1:
            ptr = self._support["__portalis_error_ptr"](store)
            length = self._support["__portalis_error_len"](store)
            record = bytes(self._memory.read(store, ptr, ptr + length)).decode("utf-8", "replace")
            self._support["__portalis_clear"](store)
            type_name, _, message = record.partition("\n")
            raise python_exception(type_name, message)
        if state == 2:  # only the fast export reports this; kept for completeness
            wide = self._support["__portalis_wide_result"](store)
            self._support["__portalis_clear"](store)
            return int(wide)
        self._support["__portalis_clear"](store)
        raise WasmTrap(export.name, f"unknown state word {state} (ABI mismatch)")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._watchdog is not None:
                self._watchdog.close()
            self._funcs = {}
            self._plans = {}
            self._state = None
            self._support = {}
            self._store = None  # type: ignore[assignment]

    def __enter__(self) -> "WasmModule":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- internals ---------------------------------------------------------

    def _check_exports(self) -> None:
        names = {e.name: e.type for e in self._module.exports}
        wanted = [e.wasm_name for e in self._exports.values()] + list(_SUPPORT) + ["memory"]
        missing = [n for n in wanted if n not in names]
        if missing:
            raise ValueError(f"the WASM module does not match its spec: missing exports {', '.join(missing)}")

    def _instantiate(self) -> None:
        store = wasmtime.Store(self._engine)
        if self._limits.memory_bytes is not None:
            store.set_limits(memory_size=int(self._limits.memory_bytes))
        if self._limits.fuel is not None:
            store.set_fuel(int(self._limits.fuel))
        if self._limits.timeout_ms is not None:
            store.set_epoch_deadline(1)  # a store without a deadline traps at once
        try:
            instance = wasmtime.Instance(store, self._module, [])
        except wasmtime.WasmtimeError as error:
            if self._limits.memory_bytes is not None and "memory" in str(error):
                raise WasmLimitExceeded("<instantiate>", "memory", str(error)) from error
            raise
        exports = instance.exports(store)
        self._store = store
        self._memory: wasmtime.Memory = exports["memory"]
        self._funcs = {name: exports[e.wasm_name] for name, e in self._exports.items()}
        self._support = {name: exports[name] for name in _SUPPORT}
        self._state_ptr = self._support["__portalis_state_ptr"](store)
        self._plans, self._state = {}, None
        api = self._api
        if api is not None:
            try:
                self._ctx = api.context_address(store)
                plans = {}
                for name, export in self._exports.items():
                    want = export.kinds()
                    # Only when the WASM type is what the ABI says; anything else keeps Func.__call__'s behaviour.
                    if want is not None and fastcall.wasm_kinds(self._funcs[name], store) == want:
                        plans[name] = fastcall.CallPlan(api, self._ctx, self._funcs[name], *want)
                self._state = fastcall.StateView(api, self._ctx, self._memory, self._state_ptr)
                self._plans = plans
            except Exception:  # noqa: BLE001 - the private API moved: use the public path for good
                self._api, self._plans, self._state = None, {}, None

    def _read_i32(self, ptr: int) -> int:
        return int.from_bytes(self._memory.read(self._store, ptr, ptr + 4), "little", signed=True)

    def _trapped(self, function: str, trap: Exception) -> BaseException:
        code = getattr(trap, "trap_code", None)
        message = str(getattr(trap, "message", None) or trap)
        memory_full = False
        if self._limits.memory_bytes is not None:
            try:
                memory_full = self._memory.data_len(self._store) + _PAGE > self._limits.memory_bytes
            except Exception:
                memory_full = False
        self._instantiate()  # later calls start from a clean stack and clean module state
        if code == wasmtime.TrapCode.OUT_OF_FUEL:
            return WasmLimitExceeded(function, "fuel", f"fuel limit of {self._limits.fuel} exhausted")
        if code == wasmtime.TrapCode.INTERRUPT:
            return WasmLimitExceeded(function, "timeout", f"time limit of {self._limits.timeout_ms} ms exceeded")
        if code == wasmtime.TrapCode.STACK_OVERFLOW:
            return RecursionError("maximum recursion depth exceeded")
        if memory_full and code == wasmtime.TrapCode.UNREACHABLE:
            return WasmLimitExceeded(function, "memory", f"memory limit of {self._limits.memory_bytes} bytes reached")
        return WasmTrap(function, message)


_SUPPORT = ("__portalis_state_ptr", "__portalis_error_ptr", "__portalis_error_len", "__portalis_wide_result", "__portalis_clear")


def _is_bool(value: Any) -> bool:
    t = type(value)
    return t is bool or (t.__module__ == "numpy" and t.__name__ in ("bool_", "bool"))


def _arg_converter(export: _Export) -> Callable[[Tuple[Any, ...]], List[Any]]:
    """A function checking and converting a call's arguments for `export`: per-parameter checks built once."""
    params = export.params
    count_error = (
        f"{export.name}() takes {len(params)} positional argument{'s' if len(params) != 1 else ''} but {{n}} {{verb}} given"
    )
    checks = [_param_converter(export.name, pname, ptype) for pname, ptype in params]
    n_params = len(checks)

    def convert(args: Tuple[Any, ...]) -> List[Any]:
        if len(args) != n_params:
            raise TypeError(count_error.format(n=len(args), verb="was" if len(args) == 1 else "were"))
        return [check(value) for check, value in zip(checks, args)]

    return convert


def _param_converter(fname: str, pname: str, ptype: str) -> Callable[[Any], Any]:
    if ptype == "int":
        def to_int(value: Any) -> int:
            t = type(value)
            if t is int:  # the common case; same checks as below
                v = value
            else:
                # bool is an int in Python, but a translated `int` parameter would lose its bool-ness: refuse it.
                if _is_bool(value) or not hasattr(t, "__index__"):
                    raise TypeError(f"{fname}() argument '{pname}' must be int, not {t.__name__}")
                v = operator.index(value)
            if not _I64_MIN <= v <= _I64_MAX:
                raise OverflowError(f"{fname}() argument '{pname}' = {v} is outside the 64-bit range a Portalis module accepts")
            return v
        return to_int
    if ptype == "float":
        def to_float(value: Any) -> float:
            # An int would make CPython compute in ints (1 + 2 == 3, not 3.0): refuse it rather than answer differently.
            if not isinstance(value, float):
                raise TypeError(f"{fname}() argument '{pname}' must be float, not {type(value).__name__}")
            return float(value)
        return to_float
    if ptype == "bool":
        def to_bool(value: Any) -> int:
            if not _is_bool(value):
                raise TypeError(f"{fname}() argument '{pname}' must be bool, not {type(value).__name__}")
            return 1 if value else 0
        return to_bool

    def unsupported(value: Any) -> Any:
        raise TypeError(f"{fname}() parameter '{pname}' has type {ptype!r}, which this host does not support")
    return unsupported


def _none(raw: Any) -> None:
    return None


_RESULT: Dict[str, Callable[[Any], Value]] = {"int": int, "float": float, "bool": bool}
