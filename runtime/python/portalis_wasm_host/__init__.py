"""portalis_wasm_host: run Portalis-compiled WASM modules from Python with wasmtime.

    from portalis_wasm_host import WasmModule, Limits
    m = WasmModule.load("fib.wasm", spec, Limits(fuel=10_000_000))
    m.call("fib", 90)

See module.py for the calling convention (docs/abi.md) and limits.py for budgets.
"""
from .errors import PythonError, WasmLimitExceeded, WasmTrap, python_exception
from .limits import Limits
from .module import ABI_VERSION, WasmModule

__all__ = ["WasmModule", "Limits", "WasmTrap", "WasmLimitExceeded", "PythonError", "python_exception", "ABI_VERSION"]
