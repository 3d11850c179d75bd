"""The one process-wide stand-in app: version, logs, settings, dispatcher,
timeline, physics, USD context and extension manager.  Each stand-in module
reads it through ``current()``; ``reset()`` replaces it (a fresh Kit process)."""
from __future__ import annotations

from typing import Any, List, Optional, Tuple


class KitState:
    def __init__(self, kit_version: str = "110.1.2") -> None:
        from . import components

        self.kit_version = kit_version
        parts = kit_version.split("+")[0].split(".")
        self.kit_major = int(parts[0])
        self.logs: List[Tuple[str, str]] = []
        self.settings = components.SettingsStore()
        self.dispatcher = components.EventDispatcher()
        self.update_stream = components.EventStream("update")
        self.timeline = components.Timeline(self)
        self.physics = components.Physics(self)
        self.usd_context = components.UsdContext()
        self.ext_manager = components.ExtensionManager(self)
        self.frame = 0
        self.driver: Any = None

    @property
    def events2(self) -> bool:
        """Kit 107 moved the kernel and run-loop events to Events 2.0."""
        return self.kit_major >= 107

    def log(self, level: str, message: str) -> None:
        self.logs.append((level, message))

    def errors(self) -> List[str]:
        return [m for level, m in self.logs if level == "error"]


_state: Optional[KitState] = None


def current() -> KitState:
    global _state
    if _state is None:
        _state = KitState()
    return _state


def reset(kit_version: str = "110.1.2") -> KitState:
    """Start a fresh stand-in app (disabling the extensions of the old one first)."""
    global _state
    if _state is not None:
        _state.ext_manager.disable_all()
    _state = KitState(kit_version)
    # omni.physics.core exists only from Kit 110: forget an import made under another version.
    import sys

    sys.modules.pop("omni.physics.core", None)
    physics = sys.modules.get("omni.physics")
    if physics is not None and hasattr(physics, "core"):
        delattr(physics, "core")
    return _state
