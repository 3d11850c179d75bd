"""Exceptions the host raises besides the guest's own Python exceptions.

A pending Python exception in the guest (docs/abi.md, state word 1) comes back
as the built-in exception class of the same name (`ZeroDivisionError`, ...);
`PythonError` stands in for a name that is not a built-in. A WASM trap is a
`WasmTrap` (stack exhaustion: `RecursionError`, as CPython would raise), and
an exhausted limit is a `WasmLimitExceeded`, which is a `WasmTrap`.
"""
from __future__ import annotations

import builtins


class WasmTrap(RuntimeError):
    """The guest trapped (a Portalis bug, or a limit). The instance was re-created; later calls work."""

    def __init__(self, function: str, message: str) -> None:
        super().__init__(f"{function}: {message}")
        self.function = function
        self.detail = message


class WasmLimitExceeded(WasmTrap):
    """A call ran out of a budget: `limit` is "fuel", "timeout" or "memory"."""

    def __init__(self, function: str, limit: str, message: str) -> None:
        super().__init__(function, message)
        self.limit = limit


class PythonError(RuntimeError):
    """A guest exception whose class is not a Python built-in; `type_name` holds its name."""

    def __init__(self, type_name: str, message: str) -> None:
        super().__init__(f"{type_name}: {message}" if message else type_name)
        self.type_name = type_name
        self.message = message


def python_exception(type_name: str, message: str) -> BaseException:
    """The exception CPython would have raised: the built-in class of that name, with the message."""
    cls = getattr(builtins, type_name, None)
    if isinstance(cls, type) and issubclass(cls, BaseException):
        try:
            return cls(message) if message else cls()
        except TypeError:  # built-ins with other constructors (UnicodeDecodeError...)
            pass
    return PythonError(type_name, message)
