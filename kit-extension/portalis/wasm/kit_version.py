"""Which Kit this is, and so which APIs to subscribe with.

- Kit 110+: physics steps through ``omni.physics.core`` (callback ``fn(dt, context)``);
  Kit 107-109: ``omni.physx`` (callback ``fn(dt)``); ``omni.physx`` is also the
  fallback when ``omni.physics.core`` cannot be imported.
- Kit 107+: app updates and timeline events through Events 2.0
  (``carb.eventdispatcher``); older Kits, or a missing name, fall back to the
  legacy event streams (events.py decides per subscription).
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class KitInfo:
    version: str
    major: Optional[int]
    physics_api: Optional[str]  # "omni.physics.core" | "omni.physx" | None


def _major(version: str) -> Optional[int]:
    head = version.split("+")[0].split(".")[0]
    return int(head) if head.isdigit() else None


def _importable(name: str) -> bool:
    try:
        importlib.import_module(name)
        return True
    except ImportError:
        return False


def detect() -> KitInfo:
    version = "unknown"
    try:
        import omni.kit.app

        version = str(omni.kit.app.get_app().get_kit_version())
    except (ImportError, AttributeError):
        pass
    major = _major(version)
    physics: Optional[str] = None
    if (major is None or major >= 110) and _importable("omni.physics.core"):
        physics = "omni.physics.core"
    elif _importable("omni.physx"):
        physics = "omni.physx"
    return KitInfo(version, major, physics)
