"""The fast call path: wasmtime's C API called directly with prebuilt argument arrays.

`wasmtime.Func.__call__` looks up the function type, builds a fresh
`wasmtime_val_t` array and wraps every value on each call (~90 µs). A
`CallPlan` does that work once per export and instance: it keeps the
param/result arrays, the kinds already written, and calls
`wasmtime_func_call` itself. `StateView` reads the ABI state word straight
from linear memory through a ctypes view, renewed whenever the memory's base
address changes (growth may move it).

This leans on wasmtime-py internals (`wasmtime._ffi`, `Func._func`,
`Memory._memory`, `Store._context`, `Trap._from_ptr`,
`WasmtimeError._from_ptr`). `FAST_API` is None when any of them is missing or
behaves unexpectedly; the host then calls through `Func.__call__`.
"""
from __future__ import annotations

import ctypes
from typing import Any, Callable, List, Optional, Sequence, Tuple

import wasmtime

# Value kinds of a wasmtime_val_t this path handles, by ABI value type.
_FIELD_BY_KIND_NAME = {"i32": "i32", "i64": "i64", "f64": "f64"}


class _Api:
    """The C functions and types the fast path needs, looked up once."""

    def __init__(self) -> None:
        from wasmtime import _ffi as ffi  # private: guarded by the caller

        c_void_p, c_size_t, c_uint64 = ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint64
        self.ffi = ffi
        self.val_t = ffi.wasmtime_val_t
        self.kinds = {"i32": int(ffi.WASMTIME_I32.value), "i64": int(ffi.WASMTIME_I64.value), "f64": int(ffi.WASMTIME_F64.value)}
        for name in ("i32", "i64", "f64"):
            if name not in dict(ffi.wasmtime_valunion._fields_):
                raise AttributeError(f"wasmtime_valunion has no field {name}")
        if [f[0] for f in self.val_t._fields_][:2] != ["kind", "of"]:
            raise AttributeError("wasmtime_val_t layout changed")
        self.trap_ptr_t = ctypes.POINTER(ffi.wasm_trap_t)
        self.error_ptr_t = ctypes.POINTER(ffi.wasmtime_error_t)
        # Our own function objects (`dll[name]` is not cached), so wasmtime-py's prototypes stay untouched.
        dll = ffi.dll
        self.func_call = dll["wasmtime_func_call"]
        self.func_call.restype = c_void_p
        self.func_call.argtypes = [c_void_p, c_void_p, c_void_p, c_size_t, c_void_p, c_size_t, c_void_p]
        self.set_fuel = dll["wasmtime_context_set_fuel"]
        self.set_fuel.restype = c_void_p
        self.set_fuel.argtypes = [c_void_p, c_uint64]
        self.set_epoch_deadline = dll["wasmtime_context_set_epoch_deadline"]
        self.set_epoch_deadline.restype = None
        self.set_epoch_deadline.argtypes = [c_void_p, c_uint64]
        self.memory_data = dll["wasmtime_memory_data"]
        self.memory_data.restype = c_void_p
        self.memory_data.argtypes = [c_void_p, c_void_p]
        # Entry points of wasmtime-py that turn raw pointers into its exceptions.
        self.trap_from_ptr = wasmtime.Trap._from_ptr
        self.error_from_ptr = wasmtime.WasmtimeError._from_ptr

    def context_address(self, store: wasmtime.Store) -> int:
        address = ctypes.cast(store._context(), ctypes.c_void_p).value
        if not address:
            raise AttributeError("store has no context")
        return address

    def raise_error(self, error: int) -> None:
        raise self.error_from_ptr(ctypes.cast(error, self.error_ptr_t))


def _detect() -> Optional[_Api]:
    try:
        api = _Api()
        if not hasattr(wasmtime.Func, "_from_raw") or not callable(getattr(wasmtime.Store, "_context", None)):
            return None
        return api
    except Exception:  # noqa: BLE001 - any surprise in the private API means: use the public one
        return None


FAST_API: Optional[_Api] = _detect()


class StateView:
    """The state word at `ptr` in `memory`, read through a ctypes view renewed when the memory moves."""

    __slots__ = ("_api", "_ctx", "_mem", "_ptr", "_base", "_view")

    def __init__(self, api: _Api, ctx: int, memory: wasmtime.Memory, ptr: int) -> None:
        self._api = api
        self._ctx = ctx
        self._mem = ctypes.addressof(memory._memory)
        self._ptr = ptr
        self._base: Optional[int] = None
        self._view: Any = None

    def read(self) -> int:
        base = self._api.memory_data(self._ctx, self._mem)
        if base != self._base:
            self._view = ctypes.c_int32.from_address(base + self._ptr)
            self._base = base
        return self._view.value

    @property
    def base(self) -> Optional[int]:
        """The memory base address the view was last built for (tests use it to see a move)."""
        return self._base


class CallPlan:
    """One export of one instance, ready to call: arrays, kinds and function address fixed.

    `invoke(args)` writes the already checked and converted arguments, calls
    the function and returns the raw result (int/float, or None without a
    result). A trap or error raises the wasmtime exception `Func.__call__`
    would have raised (`wasmtime.Trap` / `wasmtime.WasmtimeError`).
    """

    __slots__ = ("_api", "_func", "_ctx", "_func_addr", "_params", "_params_addr", "_nparams", "_setters",
                 "_results", "_results_addr", "_nresults", "_get_result", "_trap", "_trap_addr")

    def __init__(self, api: _Api, ctx: int, func: wasmtime.Func, param_kinds: Sequence[str], result_kind: Optional[str]) -> None:
        self._api = api
        self._func = func  # keeps the wasmtime_func_t alive
        self._ctx = ctx
        self._func_addr = ctypes.addressof(func._func)
        n = len(param_kinds)
        self._params = (api.val_t * max(n, 1))()
        self._nparams = n
        setters: List[Tuple[Any, str]] = []
        for i, kind in enumerate(param_kinds):
            self._params[i].kind = api.kinds[kind]
            setters.append((self._params[i].of, _FIELD_BY_KIND_NAME[kind]))
        self._setters = tuple(setters)
        self._params_addr = ctypes.addressof(self._params)
        self._results = (api.val_t * 1)()
        self._results_addr = ctypes.addressof(self._results)
        self._nresults = 0 if result_kind is None else 1
        if result_kind is None:
            self._get_result: Callable[[], Any] = _none
        else:
            union, field = self._results[0].of, _FIELD_BY_KIND_NAME[result_kind]
            self._get_result = lambda: getattr(union, field)
        self._trap = ctypes.c_void_p()
        self._trap_addr = ctypes.addressof(self._trap)

    def invoke(self, args: Sequence[Any]) -> Any:
        for (union, field), value in zip(self._setters, args):
            setattr(union, field, value)
        api = self._api
        error = api.func_call(self._ctx, self._func_addr, self._params_addr, self._nparams,
                              self._results_addr, self._nresults, self._trap_addr)
        trap = self._trap.value
        if trap:
            self._trap.value = None
            trap_exc = api.trap_from_ptr(ctypes.cast(trap, api.trap_ptr_t))
            if not error:
                raise trap_exc
        if error:  # as in Func.__call__, an error wins over a trap (the C API gives one or the other)
            api.raise_error(error)
        return self._get_result()


def _none() -> None:
    return None


def wasm_kinds(func: wasmtime.Func, store: wasmtime.Store) -> Optional[Tuple[List[str], Optional[str]]]:
    """The param kinds and result kind (i32/i64/f64) of `func`, or None when it has a type this path does not handle."""
    ty = func.type(store)
    names = {str(wasmtime.ValType.i32()): "i32", str(wasmtime.ValType.i64()): "i64", str(wasmtime.ValType.f64()): "f64"}
    params = [names.get(str(p)) for p in ty.params]
    results = [names.get(str(r)) for r in ty.results]
    if any(k is None for k in params) or len(results) > 1 or any(k is None for k in results):
        return None
    return [k for k in params if k is not None], (results[0] if results else None)
