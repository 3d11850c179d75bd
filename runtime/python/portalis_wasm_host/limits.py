"""Per-call budgets for a guest call, and the watchdog that enforces the wall-clock one.

`fuel` is wasmtime fuel (deterministic: about one unit per WASM instruction),
given afresh before every call. `timeout_ms` is a wall-clock deadline built on
wasmtime's epoch interruption: a watchdog thread (one per module, idle while
no call runs) bumps the engine's epoch when a call overruns, which traps the
guest at its next loop back-edge or function entry. `memory_bytes` caps the
linear memory of the store (a refused `memory.grow`; a module whose initial
memory exceeds it fails to load).
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Optional

import wasmtime


@dataclass(frozen=True)
class Limits:
    fuel: Optional[int] = None
    timeout_ms: Optional[float] = None
    memory_bytes: Optional[int] = None

    def __post_init__(self) -> None:
        for name in ("fuel", "timeout_ms", "memory_bytes"):
            value = getattr(self, name)
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0):
                raise ValueError(f"Limits.{name} must be a positive number or None, got {value!r}")


class Watchdog:
    """Interrupts the engine's running call once its deadline passes; a no-op for calls that finish in time.

    Arming and disarming only wake the thread when it would otherwise sleep past the new
    deadline (idle, or waiting for a later one): back-to-back calls cost two lock round trips,
    not two thread switches; the thread wakes at a stale deadline, sees it moved, sleeps on.
    """

    def __init__(self, engine: wasmtime.Engine) -> None:
        self._engine = engine
        self._cond = threading.Condition()
        self._deadline: Optional[float] = None
        self._token = 0
        self._fired = False
        self._closed = False
        self._thread: Optional[threading.Thread] = None
        self._sleeping_until: Optional[float] = None  # the thread's wake-up time; None while idle

    def arm(self, timeout_s: float) -> int:
        with self._cond:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="portalis-wasm-watchdog", daemon=True)
                self._thread.start()
            self._token += 1
            deadline = self._deadline = time.monotonic() + timeout_s
            self._fired = False
            if self._sleeping_until is None or deadline < self._sleeping_until:
                self._cond.notify()
            return self._token

    def disarm(self, token: int) -> bool:
        """Ends the call `token`; returns whether the watchdog interrupted it."""
        with self._cond:
            fired = self._fired and self._token == token
            self._deadline = None
            self._fired = False
            return fired

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=1)

    def _run(self) -> None:
        with self._cond:
            while not self._closed:
                if self._deadline is None:
                    self._sleeping_until = None
                    self._cond.wait()
                    continue
                left = self._deadline - time.monotonic()
                if left > 0:
                    self._sleeping_until = self._deadline
                    self._cond.wait(left)
                    continue
                # Still the same call, past its deadline (disarm clears the deadline under this lock).
                self._engine.increment_epoch()
                self._fired = True
                self._deadline = None
