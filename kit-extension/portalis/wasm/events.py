"""The extension's subscriptions: physics steps, app updates, timeline play/stop.

Every subscribe call returns a holder and the subscription lives as long as
it; ``EventHub.close()`` releases them all (never from inside a physics
callback, where omni.physx refuses changes).

- physics step: ``omni.physics.core.get_physics_simulation_interface()
  .subscribe_physics_on_step_events(pre_step=False, order=0, on_update=fn)``
  with ``fn(dt, context)`` on Kit 110+, ``omni.physx.get_physx_interface()
  .subscribe_physics_step_events(fn)`` with ``fn(dt)`` on 107-109.  Either
  fires once per physics step, after the step, only while the timeline plays.
- app update: Events 2.0 ``observe_event(event_name=omni.kit.app.GLOBAL_EVENT_UPDATE)``,
  falling back to ``get_update_event_stream().create_subscription_to_pop``
  when the name or the module is missing (Kit < 107).
- timeline: ``omni.timeline.GLOBAL_EVENT_PLAY``/``GLOBAL_EVENT_STOP`` observers
  filtered to the default timeline, or its event stream on older Kits.
"""
from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional

from .kit_version import KitInfo

Handler = Callable[[str, float], None]


class EventHub:
    def __init__(self, kit: KitInfo, handler: Handler, events: set, name: str = "portalis.wasm") -> None:
        self.kit = kit
        self._handler = handler
        self._name = name
        self._holders: List[Any] = []
        self.paths: Dict[str, str] = {}  # event -> the API used (tests and the log read it)
        if "physics_step" in events:
            self._subscribe_physics()
        self._subscribe_update()
        self._subscribe_timeline()

    # Each subscription keeps its holder in self._holders.

    def _subscribe_physics(self) -> None:
        handler = self._handler
        if self.kit.physics_api == "omni.physics.core":
            import omni.physics.core

            sim = omni.physics.core.get_physics_simulation_interface()
            holder = sim.subscribe_physics_on_step_events(
                pre_step=False, order=0, on_update=lambda dt, context: handler("physics_step", dt)
            )
        elif self.kit.physics_api == "omni.physx":
            import omni.physx

            holder = omni.physx.get_physx_interface().subscribe_physics_step_events(lambda dt: handler("physics_step", dt))
        else:
            import carb

            carb.log_warn(f"[{self._name}] no physics API (omni.physics.core / omni.physx): physics_step bindings will not run")
            return
        self._holders.append(holder)
        self.paths["physics_step"] = self.kit.physics_api

    def _subscribe_update(self) -> None:
        handler = self._handler
        try:
            import carb.eventdispatcher
            import omni.kit.app

            holder = carb.eventdispatcher.get_eventdispatcher().observe_event(
                event_name=omni.kit.app.GLOBAL_EVENT_UPDATE,
                on_event=lambda e: handler("update", e.payload["dt"]),
                observer_name=f"{self._name} update",
                order=0,
            )
            self.paths["update"] = "events2"
        except (ImportError, AttributeError):
            import omni.kit.app

            stream = omni.kit.app.get_app().get_update_event_stream()
            holder = stream.create_subscription_to_pop(lambda e: handler("update", e.payload["dt"]), name=f"{self._name} update")
            self.paths["update"] = "update_event_stream"
        self._holders.append(holder)

    def _subscribe_timeline(self) -> None:
        import omni.timeline

        handler = self._handler
        timeline = omni.timeline.get_timeline_interface()
        try:
            import carb.eventdispatcher

            dispatcher = carb.eventdispatcher.get_eventdispatcher()
            for event, name in (("play", omni.timeline.GLOBAL_EVENT_PLAY), ("stop", omni.timeline.GLOBAL_EVENT_STOP)):
                self._holders.append(
                    dispatcher.observe_event(
                        event_name=name,
                        on_event=(lambda ev: lambda e: handler(ev, 0.0))(event),
                        observer_name=f"{self._name} {event}",
                        filter=timeline.get_event_key(),
                    )
                )
            self.paths["timeline"] = "events2"
        except (ImportError, AttributeError):
            play, stop = int(omni.timeline.TimelineEventType.PLAY), int(omni.timeline.TimelineEventType.STOP)

            def on_timeline(e: Any) -> None:
                if e.type == play:
                    handler("play", 0.0)
                elif e.type == stop:
                    handler("stop", 0.0)

            self._holders.append(timeline.get_timeline_event_stream().create_subscription_to_pop(on_timeline, name=f"{self._name} timeline"))
            self.paths["timeline"] = "timeline_event_stream"

    def close(self) -> None:
        holders, self._holders = self._holders, []
        for holder in holders:
            release: Optional[Callable[[], None]] = getattr(holder, "unsubscribe", None) or getattr(holder, "reset", None)
            if release is not None:
                release()
