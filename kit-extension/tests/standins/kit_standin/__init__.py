"""State shared by the Kit stand-ins (omni.*, carb.*, pxr), and the app-loop driver.

Kit cannot run on CI, so the extension is tested against these small
re-implementations of the Kit APIs it touches, written from the facts in
/work/shared/reference/kit.md.  They keep the semantics the extension depends
on: physics callbacks only while the timeline plays, one call per physics step,
subscription holders that unsubscribe when dropped, no unsubscribing inside a
physics callback, Events 2.0 names only from Kit 107, ``omni.physics.core``
only from Kit 110.  ``reset(kit_version=...)`` starts a fresh "app";
``KitSim`` advances it frame by frame.
"""
from .state import KitState, current, reset
from .driver import KitSim

__all__ = ["KitState", "KitSim", "current", "reset"]
