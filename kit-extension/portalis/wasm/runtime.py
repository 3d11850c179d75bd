"""The running module: its bindings, dispatch per event, traps, hot swap.

``dispatch(event, dt)`` is what the event subscriptions call.  At its start,
and only there, a module handed to ``swap_module`` from any thread is adopted,
so a swap always falls between two steps: the step before ran entirely on the
old module, the step after runs entirely on the new one, and no step is
skipped.  A trap or a Python exception in a call logs an error
(``carb.log_error``) and disables that binding only; the other bindings and
the simulation go on.  A swap re-enables bindings a trap had disabled (the
failing code is gone).
"""
from __future__ import annotations

import threading
from typing import Any, Callable, Dict, List, Optional, Sequence, Union

from . import bindings as _bindings
from . import usd_io
from .loader import load_host

Log = Callable[[str], None]


class SwapRejected(ValueError):
    """The new module does not fit the configured bindings; the old one keeps running."""


class SwapTicket:
    """What ``swap_module`` returns: ``adopted`` is set once the new module runs."""

    def __init__(self, version: Any) -> None:
        self.version = version
        self.adopted = threading.Event()
        self.superseded = False
        self.adopted_at_step: Optional[int] = None

    def wait(self, timeout: Optional[float] = None) -> bool:
        return self.adopted.wait(timeout)


class WasmRuntime:
    def __init__(
        self,
        module: Any,
        version: Any,
        configs: Sequence[_bindings.BindingConfig],
        *,
        stage: Callable[[], Any],
        time: Callable[[], float],
        log_error: Log,
        log_info: Log,
        limits: Any = None,
        label: str = "portalis.wasm",
        on_version: Optional[Callable[[Any], None]] = None,
    ) -> None:
        self._module = module
        self._version = version
        self._stage = stage
        self._time = time
        self._log_error = log_error
        self._log_info = log_info
        self._limits = limits
        self._label = label
        self._on_version = on_version
        self._host = load_host()
        self._lock = threading.Lock()
        self._pending: Optional[tuple] = None
        self._depth = 0
        self._closed = False
        self.steps = {event: 0 for event in _bindings.EVENTS}
        self.swaps: List[Dict[str, Any]] = []
        self.bindings = [_bindings.Binding(c) for c in configs]
        for binding in self.bindings:
            problem = _bindings.check_against(binding.config, module.functions)
            if problem:
                self._disable(binding, problem)

    # -- what the bridge and tests read ---------------------------------------

    @property
    def version(self) -> Any:
        """The version of the module that runs now."""
        return self._version

    @property
    def module(self) -> Any:
        return self._module

    @property
    def pending_version(self) -> Any:
        with self._lock:
            return self._pending[1] if self._pending else None

    def events_needed(self) -> set:
        return {b.config.event for b in self.bindings}

    def status(self) -> Dict[str, Any]:
        return {
            "module": self._module.spec.get("module") if self._module else None,
            "version": self._version,
            "pending_version": self.pending_version,
            "steps": dict(self.steps),
            "bindings": [
                {"binding": b.config.label, "enabled": b.enabled, "reason": b.disabled_reason, "fired": b.fired, "calls": b.calls}
                for b in self.bindings
            ],
        }

    # -- hot swap -------------------------------------------------------------

    def swap_module(self, new_wasm: Union[bytes, str], new_spec: Union[Dict[str, Any], str], version: Any) -> SwapTicket:
        """Compiles ``new_wasm`` (bytes or a path) with ``new_spec`` (ModuleSpec dict
        or JSON path) now, in the caller's thread, checks it against every
        binding, and queues it; the runtime adopts it at the start of the next
        dispatch (between steps).  Raises ``SwapRejected`` (old module stays)
        when a bound function is missing or has another arity, and whatever
        the host raises for a module that does not load.  A later swap before
        adoption supersedes an earlier one (its ticket is marked superseded)."""
        host = load_host()
        module = host.WasmModule.load(new_wasm, new_spec, self._limits)
        problems = [p for p in (_bindings.check_against(b.config, module.functions) for b in self.bindings) if p]
        if problems:
            module.close()
            raise SwapRejected(f"version {version} does not fit the bindings: " + "; ".join(problems))
        ticket = SwapTicket(version)
        with self._lock:
            if self._closed:
                module.close()
                raise RuntimeError("the runtime is shut down")
            old, self._pending = self._pending, (module, version, ticket)
        if old is not None:
            old[0].close()
            old[2].superseded = True
        return ticket

    def _adopt_pending(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, None
        if pending is None:
            return
        module, version, ticket = pending
        old, old_version = self._module, self._version
        self._module, self._version = module, version
        for binding in self.bindings:
            if not binding.enabled and binding.code_fault:
                binding.enabled, binding.disabled_reason, binding.code_fault = True, None, False
        if old is not None:
            old.close()
        self.swaps.append({"from": old_version, "to": version, "at_step": self.steps["physics_step"]})
        ticket.adopted_at_step = self.steps["physics_step"]
        ticket.adopted.set()
        if self._on_version is not None:
            self._on_version(version)
        self._log_info(f"[{self._label}] now running version {version} (was {old_version})")

    # -- dispatch -------------------------------------------------------------

    def dispatch(self, event: str, dt: float = 0.0) -> None:
        if self._closed:
            return
        if self._depth == 0:
            self._adopt_pending()
        if event in ("play", "stop"):
            for binding in self.bindings:
                binding.invalidate()
        self._depth += 1
        try:
            ctx = _bindings.EventContext(dt=float(dt), time=float(self._time()))
            for binding in self.bindings:
                if binding.enabled and binding.config.event == event:
                    self._fire(binding, ctx)
            self.steps[event] += 1
        finally:
            self._depth -= 1

    def _fire(self, binding: _bindings.Binding, ctx: _bindings.EventContext) -> None:
        module = self._module
        params = [(p["name"], p["type"]) for p in module.functions[binding.config.function]["params"]]
        host = self._host
        try:
            binding.fire(module.call, params, self._stage(), ctx)
        except (host.WasmTrap, RecursionError) as trap:
            self._disable(binding, f"trap in version {self._version}: {type(trap).__name__}: {trap}", code_fault=True)
        except usd_io.UsdBindingError as error:
            self._disable(binding, f"USD: {error}")
        except Exception as error:  # a Python exception raised by the module's code
            self._disable(binding, f"exception in version {self._version}: {type(error).__name__}: {error}", code_fault=True)

    def _disable(self, binding: _bindings.Binding, reason: str, code_fault: bool = False) -> None:
        # Never unsubscribe here: this may run inside a physics callback.
        binding.enabled, binding.disabled_reason, binding.code_fault = False, reason, code_fault
        self._log_error(f"[{self._label}] binding {binding.config.label} disabled: {reason}")

    def close(self) -> None:
        with self._lock:
            self._closed = True
            pending, self._pending = self._pending, None
        if pending is not None:
            pending[0].close()
            pending[2].superseded = True
        if self._module is not None:
            self._module.close()
            self._module = None
