"""The Kit entry point: ``PortalisWasmExtension`` (an ``omni.ext.IExt``).

on_startup(ext_id):
  1. reads the settings under ``/exts/<extension name>/`` (falling back to
     ``/exts/portalis.wasm/``): ``module``, ``limits``, ``bindings``, ``bridge``;
  2. loads ``data/<module>.wasm`` with the Python host;
  3. builds the runtime (bindings checked against the module's functions);
  4. subscribes to physics steps / updates / timeline for the detected Kit;
  5. starts the ZeroMQ bridge when ``bridge.py`` provides ``create_bridge``
     and the settings have a ``bridge`` table;
  6. logs the module, version, Kit version and APIs it uses, and publishes the
     running version as the setting ``/exts/<name>/runningVersion`` (updated on
     every swap).
on_shutdown(): releases subscriptions, closes the bridge (its threads and
sockets) and the module, so a hot reload leaves nothing running.

Other code reaches the running instance with ``get_runtime()``.
"""
from __future__ import annotations

import os
import re
from typing import Any, Dict, List, Optional

import carb
import carb.settings
import omni.ext
import omni.kit.app
import omni.timeline
import omni.usd

from . import bindings as _bindings
from . import loader
from .events import EventHub
from .kit_version import KitInfo, detect
from .runtime import WasmRuntime

_current: Optional["PortalisWasmExtension"] = None


def get_runtime() -> Optional[WasmRuntime]:
    """The runtime of the enabled extension, or None."""
    return _current.runtime if _current is not None else None


def get_extension() -> Optional["PortalisWasmExtension"]:
    return _current


def extension_name(ext_id: str) -> str:
    """``portalis.wasm.spring-1.0.0`` -> ``portalis.wasm.spring`` (the id is ``<name>-<version>``)."""
    m = re.match(r"^(.*?)-\d", ext_id)
    return m.group(1) if m else ext_id


def read_settings(name: str) -> Dict[str, Any]:
    settings = carb.settings.get_settings()
    for root in (f"/exts/{name}", "/exts/portalis.wasm"):
        value = settings.get(root)
        if isinstance(value, dict) and value:
            return value
    return {}


class PortalisWasmExtension(omni.ext.IExt):
    runtime: Optional[WasmRuntime] = None
    kit: Optional[KitInfo] = None

    def on_startup(self, ext_id: str) -> None:
        global _current
        self.ext_id = ext_id
        self.name = extension_name(ext_id)
        self.runtime = None
        self.hub: Optional[EventHub] = None
        self.bridge: Any = None
        self.loaded: Optional[loader.LoadedModule] = None
        self.kit = detect()
        _current = self
        try:
            self._start()
        except Exception as error:  # the app goes on without this module
            carb.log_error(f"[{self.name}] not started: {type(error).__name__}: {error}")
            self._release()

    def _start(self) -> None:
        manager = omni.kit.app.get_app().get_extension_manager()
        root = manager.get_extension_path(self.ext_id)
        settings = read_settings(self.name)
        configs: List[_bindings.BindingConfig] = []
        for i, raw in enumerate(settings.get("bindings") or []):
            try:
                configs.append(_bindings.parse_binding(raw, i))
            except _bindings.BindingConfigError as error:
                carb.log_error(f"[{self.name}] {error}")
        limits = loader.make_limits(settings.get("limits"))
        loaded = loader.load_packaged(os.path.join(root, "data"), settings.get("module"), limits)
        self.loaded = loaded
        timeline = omni.timeline.get_timeline_interface()
        self.runtime = WasmRuntime(
            loaded.module,
            loaded.version,
            configs,
            stage=lambda: omni.usd.get_context().get_stage(),
            time=timeline.get_current_time,
            log_error=carb.log_error,
            log_info=carb.log_info,
            limits=limits,
            label=self.name,
            on_version=self._report_version,
        )
        self._report_version(loaded.version)
        assert self.kit is not None
        self.hub = EventHub(self.kit, self.runtime.dispatch, self.runtime.events_needed(), self.name)
        if settings.get("bridge"):
            self.bridge = self._start_bridge(settings["bridge"])
        carb.log_info(
            f"[{self.name}] running {loaded.name} version {loaded.version} on Kit {self.kit.version}; "
            f"{len(configs)} binding(s); "
            + ", ".join(f"{k} via {v}" for k, v in sorted(self.hub.paths.items()))
        )

    def _start_bridge(self, bridge_settings: Dict[str, Any]) -> Any:
        try:
            from .bridge import create_bridge  # written by the bridge; optional
        except ImportError as error:
            carb.log_warn(f"[{self.name}] bridge settings given but no bridge available: {error}")
            return None
        return create_bridge(runtime=self.runtime, settings=bridge_settings, ext_id=self.ext_id)

    def _report_version(self, version: Any) -> None:
        """Publishes the running version as the setting /exts/<name>/runningVersion (for UIs and other extensions)."""
        carb.settings.get_settings().set(f"/exts/{self.name}/runningVersion", str(version))

    @property
    def version(self) -> Any:
        return self.runtime.version if self.runtime else None

    def on_shutdown(self) -> None:
        global _current
        self._release()
        if _current is self:
            _current = None

    def _release(self) -> None:
        hub, self.hub = self.hub, None
        if hub is not None:
            hub.close()
        bridge, self.bridge = self.bridge, None
        if bridge is not None and hasattr(bridge, "close"):
            try:
                bridge.close()
            except Exception as error:
                carb.log_error(f"[{self.name}] closing the bridge: {type(error).__name__}: {error}")
        runtime, self.runtime = self.runtime, None
        if runtime is not None:
            runtime.close()
