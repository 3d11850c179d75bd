"""portalis.wasm: runs a Portalis-compiled WASM module inside Omniverse Kit.

The module's functions are bound to physics steps, app updates and timeline
events by the extension's settings (see kit-extension/README.md); inputs come
from USD prim attributes and results go back to them.
"""
from .extension import PortalisWasmExtension, get_extension, get_runtime
from .runtime import SwapRejected, SwapTicket, WasmRuntime

__all__ = ["PortalisWasmExtension", "get_extension", "get_runtime", "SwapRejected", "SwapTicket", "WasmRuntime"]
