"""The moving parts behind the stand-in modules: settings, the Events 2.0
dispatcher, legacy event streams, the timeline, physics stepping, the USD
context and the extension manager."""
from __future__ import annotations

import copy
import enum
import importlib
import os
import sys
import tomllib
from typing import Any, Callable, Dict, List, Optional


# --- carb.settings -----------------------------------------------------------

class SettingsStore:
    """A tree of values addressed by '/a/b/c' paths, like carb.settings."""

    def __init__(self) -> None:
        self.root: Dict[str, Any] = {}

    @staticmethod
    def _parts(path: str) -> List[str]:
        return [p for p in path.split("/") if p]

    def get(self, path: str) -> Any:
        node: Any = self.root
        for part in self._parts(path):
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        return copy.deepcopy(node)

    def set(self, path: str, value: Any) -> None:
        parts = self._parts(path)
        node = self.root
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = copy.deepcopy(value)

    def merge(self, path: str, tree: Dict[str, Any]) -> None:
        """Applies a ``[settings]`` table (nested dicts) under ``path``, keeping existing
        values, as Kit does when a command-line override was given first."""
        for key, value in tree.items():
            sub = f"{path.rstrip('/')}/{key}"
            if isinstance(value, dict):
                self.merge(sub, value)
            elif self.get(sub) is None:
                self.set(sub, value)


# --- carb.eventdispatcher (Events 2.0) ----------------------------------------

class Event:
    def __init__(self, event_name: str, payload: Dict[str, Any]) -> None:
        self.event_name = event_name
        self.payload = payload

    def __getitem__(self, key: str) -> Any:
        return self.payload[key]


class _Observer:
    def __init__(self, name: str, fn: Callable, observer_name: str, order: int, filter: Any) -> None:
        self.name, self.fn, self.observer_name, self.order, self.filter = name, fn, observer_name, order, filter
        self.alive = True


class ObserverGuard:
    """Returned by observe_event; the observer lives as long as this object."""

    def __init__(self, dispatcher: "EventDispatcher", observer: _Observer) -> None:
        self._dispatcher = dispatcher
        self._observer: Optional[_Observer] = observer

    def reset(self) -> None:
        if self._observer is not None:
            self._dispatcher._remove(self._observer)
            self._observer = None

    @property
    def enabled(self) -> bool:
        return self._observer is not None

    def __del__(self) -> None:
        self.reset()


class EventDispatcher:
    def __init__(self) -> None:
        self._observers: List[_Observer] = []

    def observe_event(self, *, event_name: str, on_event: Callable, observer_name: str = "", order: int = 0, filter: Any = None) -> ObserverGuard:
        observer = _Observer(event_name, on_event, observer_name, order, filter)
        self._observers.append(observer)
        return ObserverGuard(self, observer)

    def _remove(self, observer: _Observer) -> None:
        # Removing an observer during its own callback is allowed in Events 2.0.
        observer.alive = False
        if observer in self._observers:
            self._observers.remove(observer)

    def observer_count(self, event_name: Optional[str] = None) -> int:
        return sum(1 for o in self._observers if event_name is None or o.name == event_name)

    def dispatch_event(self, event_name: str, payload: Optional[Dict[str, Any]] = None, source: Any = None) -> None:
        event = Event(event_name, dict(payload or {}))
        # Synchronous, in order (lower first), on the dispatching thread.
        for observer in sorted([o for o in self._observers if o.name == event_name], key=lambda o: o.order):
            if not observer.alive:
                continue
            if observer.filter is not None and source is not None and observer.filter != source:
                continue
            observer.fn(event)


# --- carb.events (legacy IEventStream) ----------------------------------------

class IEvent:
    def __init__(self, type: int, payload: Dict[str, Any]) -> None:
        self.type = type
        self.payload = payload


class ISubscription:
    def __init__(self, stream: "EventStream", entry: list) -> None:
        self._stream = stream
        self._entry: Optional[list] = entry

    def unsubscribe(self) -> None:
        if self._entry is not None:
            self._stream._remove(self._entry)
            self._entry = None

    def __del__(self) -> None:
        self.unsubscribe()


class EventStream:
    def __init__(self, name: str) -> None:
        self.name = name
        self._subs: List[list] = []

    def create_subscription_to_pop(self, fn: Callable, order: int = 0, name: str = "") -> ISubscription:
        entry = [fn, order, name, True]
        self._subs.append(entry)
        return ISubscription(self, entry)

    def _remove(self, entry: list) -> None:
        entry[3] = False
        if entry in self._subs:
            self._subs.remove(entry)

    def subscription_count(self) -> int:
        return len(self._subs)

    def dispatch(self, type: int, payload: Optional[Dict[str, Any]] = None) -> None:
        event = IEvent(type, dict(payload or {}))
        for entry in sorted(self._subs, key=lambda e: e[1]):
            if entry[3]:
                entry[0](event)


# --- omni.timeline -------------------------------------------------------------

class TimelineEventType(enum.IntEnum):
    PLAY = 0
    PAUSE = 1
    STOP = 2
    CURRENT_TIME_CHANGED = 3
    CURRENT_TIME_TICKED_PERMANENT = 4
    CURRENT_TIME_TICKED = 5


TIMELINE_GLOBAL_EVENTS = {
    TimelineEventType.PLAY: "omni.timeline:play",
    TimelineEventType.PAUSE: "omni.timeline:pause",
    TimelineEventType.STOP: "omni.timeline:stop",
    TimelineEventType.CURRENT_TIME_TICKED: "omni.timeline:currentTimeTicked",
    TimelineEventType.CURRENT_TIME_CHANGED: "omni.timeline:currentTimeChanged",
}


class Timeline:
    """play()/stop()/pause() take effect at commit(), which the app loop calls at
    the start of every frame (or a caller calls itself); events go out then."""

    def __init__(self, state: Any) -> None:
        self._state = state
        self._playing = False
        self._stopped = True
        self._pending: Optional[str] = None
        self._time = 0.0
        self.stream = EventStream("timeline")
        self._key = object()

    def play(self) -> None:
        self._pending = "play"

    def stop(self) -> None:
        self._pending = "stop"

    def pause(self) -> None:
        self._pending = "pause"

    def is_playing(self) -> bool:
        return self._playing

    def is_stopped(self) -> bool:
        return self._stopped

    def get_current_time(self) -> float:
        return self._time

    def set_current_time(self, t: float) -> None:
        self._time = float(t)
        self._emit(TimelineEventType.CURRENT_TIME_CHANGED, {"currentTime": self._time})

    def get_timeline_event_stream(self) -> EventStream:
        return self.stream

    def get_event_key(self) -> Any:
        return self._key

    def commit(self) -> None:
        pending, self._pending = self._pending, None
        if pending == "play" and not self._playing:
            self._playing, self._stopped = True, False
            self._emit(TimelineEventType.PLAY, {})
        elif pending == "pause" and self._playing:
            self._playing = False
            self._emit(TimelineEventType.PAUSE, {})
        elif pending == "stop" and not self._stopped:
            self._playing, self._stopped = False, True
            self._time = 0.0
            self._emit(TimelineEventType.STOP, {})

    def tick(self, dt: float) -> None:
        self._time += dt
        self._emit(TimelineEventType.CURRENT_TIME_TICKED, {"dt": dt, "currentTime": self._time})

    def _emit(self, kind: TimelineEventType, payload: Dict[str, Any]) -> None:
        # Kit 107+: the stream is an adapter over the Events 2.0 event; both fire.
        self.stream.dispatch(int(kind), payload)
        if self._state.events2 and kind in TIMELINE_GLOBAL_EVENTS:
            self._state.dispatcher.dispatch_event(TIMELINE_GLOBAL_EVENTS[kind], payload, source=self._key)


# --- omni.physx / omni.physics.core -------------------------------------------

PHYSX_LOCK_MESSAGE = "[omni.physx.plugin] Subscription cannot be changed during the event call"


class PhysicsSubscription:
    """Holder returned by the subscribe calls; dropping it unsubscribes, except
    inside a physics callback, where the change is refused with an error."""

    def __init__(self, physics: "Physics", entry: Dict[str, Any]) -> None:
        self._physics = physics
        self._entry: Optional[Dict[str, Any]] = entry

    def unsubscribe(self) -> None:
        if self._entry is None:
            return
        if self._physics.in_callback:
            self._physics.state.log("error", PHYSX_LOCK_MESSAGE)
            return
        self._physics.subs.remove(self._entry)
        self._entry = None

    def __del__(self) -> None:
        self.unsubscribe()


class Physics:
    def __init__(self, state: Any) -> None:
        self.state = state
        self.subs: List[Dict[str, Any]] = []
        self.in_callback = False
        self.step_dt = 1.0 / 60.0  # physxScene.timeStepsPerSecond = 60
        self.steps = 0

    def subscribe(self, fn: Callable, pre_step: bool, order: int, arity: int) -> PhysicsSubscription:
        if self.in_callback:
            self.state.log("error", PHYSX_LOCK_MESSAGE)
            raise RuntimeError("Subscription cannot be changed during the event call")
        entry = {"fn": fn, "pre_step": bool(pre_step), "order": int(order), "arity": arity}
        self.subs.append(entry)
        return PhysicsSubscription(self, entry)

    def step(self, dt: float) -> None:
        """One simulation step: pre-step callbacks, (the solver), post-step callbacks."""
        self.steps += 1
        for phase in (True, False):
            for entry in sorted([e for e in self.subs if e["pre_step"] is phase], key=lambda e: e["order"]):
                self.in_callback = True
                try:
                    if entry["arity"] == 2:
                        entry["fn"](dt, None)  # omni.physics.core: fn(dt, context)
                    else:
                        entry["fn"](dt)  # omni.physx: fn(dt)
                finally:
                    self.in_callback = False


# --- omni.usd ------------------------------------------------------------------

class UsdContext:
    def __init__(self) -> None:
        self._stage: Any = None

    def get_stage(self) -> Any:
        return self._stage

    def new_stage(self) -> bool:
        from pxr import Usd

        self._stage = Usd.Stage.CreateInMemory()
        return True

    async def new_stage_async(self) -> tuple:
        self.new_stage()
        return (True, "")

    def close_stage(self) -> bool:
        self._stage = None
        return True

    def attach_stage(self, stage: Any) -> None:
        """Stand-in helper: make ``stage`` the context's stage."""
        self._stage = stage


# --- extension manager ------------------------------------------------------------

class ExtensionManager:
    """Finds extension folders (``<dir>/<name>/config/extension.toml``), applies their
    ``[settings]``, puts ``[[python.module]] path`` entries and the extension root on
    sys.path, imports each ``[[python.module]] name`` and starts every ``omni.ext.IExt``
    subclass it exports, as Kit does on ``--ext-folder <dir> --enable <name>``."""

    def __init__(self, state: Any) -> None:
        self.state = state
        self.folders: List[str] = []
        self.enabled: Dict[str, Dict[str, Any]] = {}

    def add_path(self, path: str) -> None:
        self.folders.append(os.path.abspath(path))

    def _find(self, name: str) -> str:
        for folder in self.folders:
            candidate = os.path.join(folder, name)
            if os.path.isfile(os.path.join(candidate, "config", "extension.toml")):
                return candidate
        raise LookupError(f"extension '{name}' not found in {self.folders}")

    def set_extension_enabled_immediate(self, name: str, enabled: bool) -> bool:
        if enabled:
            self._enable(name)
        else:
            self._disable(name)
        return True

    def get_enabled_extension_id(self, name: str) -> Optional[str]:
        info = self.enabled.get(name)
        return info["id"] if info else None

    def get_extension_path(self, ext_id: str) -> Optional[str]:
        for info in self.enabled.values():
            if info["id"] == ext_id:
                return info["path"]
        return None

    def get_extension_path_by_module(self, module: str) -> Optional[str]:
        for info in self.enabled.values():
            if any(module == m or module.startswith(m + ".") for m in info["modules"]):
                return info["path"]
        return None

    @staticmethod
    def _purge(module: str) -> None:
        top = module.split(".")[0]
        for key in [k for k in sys.modules if k == top or k.startswith(top + ".")]:
            del sys.modules[key]

    def _enable(self, name: str) -> None:
        if name in self.enabled:
            return
        import omni.ext

        path = self._find(name)
        with open(os.path.join(path, "config", "extension.toml"), "rb") as f:
            config = tomllib.load(f)
        version = config.get("package", {}).get("version", "0.0.0")
        ext_id = f"{name}-{version}"
        self.state.settings.merge("/", config.get("settings", {}))
        added = []
        for entry in config.get("python", {}).get("module", []):
            if "path" in entry:
                added.append(os.path.join(path, entry["path"]))
        added.append(path)
        for p in reversed(added):
            sys.path.insert(0, p)
        modules = [e["name"] for e in config.get("python", {}).get("module", []) if "name" in e]
        info = {"id": ext_id, "path": path, "modules": modules, "instances": [], "sys_path": added}
        self.enabled[name] = info
        for module_name in modules:
            self._purge(module_name)
            module = importlib.import_module(module_name)
            for value in list(vars(module).values()):
                if isinstance(value, type) and issubclass(value, omni.ext.IExt) and value is not omni.ext.IExt:
                    instance = value()
                    info["instances"].append(instance)
                    instance.on_startup(ext_id)

    def _disable(self, name: str) -> None:
        info = self.enabled.pop(name, None)
        if info is None:
            return
        for instance in reversed(info["instances"]):
            instance.on_shutdown()
        info["instances"].clear()
        for p in info["sys_path"]:
            if p in sys.path:
                sys.path.remove(p)
        for module_name in info["modules"]:
            self._purge(module_name)

    def disable_all(self) -> None:
        for name in list(self.enabled):
            self._disable(name)
