"""The simulated Kit main loop.

Each frame: the timeline commits pending play/stop (events go out), the
pre-update event, then, only while the timeline plays, as many physics steps as
the frame time covers at the physics rate (60 Hz by default; capped at the
``minFrameRate`` of 30, beyond which steps are dropped, as in Kit), the
timeline tick, and finally the update event: the Events 2.0
``GLOBAL_EVENT_UPDATE`` observers (Kit 107+) and the legacy update stream
(on 107+ an adapter over the same event).
"""
from __future__ import annotations

import math

from .state import KitState, current

GLOBAL_EVENT_PRE_UPDATE = "omni.kit.app:pre_update"
GLOBAL_EVENT_UPDATE = "omni.kit.app:update"
GLOBAL_EVENT_POST_QUIT = "omni.kit.app:post_quit"
MIN_FRAME_RATE = 30.0


class KitSim:
    def __init__(self, state: KitState | None = None, frame_dt: float = 1.0 / 60.0) -> None:
        self.state = state or current()
        self.state.driver = self
        self.frame_dt = frame_dt
        self._physics_debt = 0.0

    @property
    def timeline(self):
        return self.state.timeline

    def play(self) -> None:
        self.timeline.play()

    def stop(self) -> None:
        self.timeline.stop()

    def advance(self, frames: int = 1, frame_dt: float | None = None) -> None:
        for _ in range(frames):
            self.frame(frame_dt if frame_dt is not None else self.frame_dt)

    def frame(self, dt: float) -> None:
        state = self.state
        state.timeline.commit()
        self._dispatch_app(GLOBAL_EVENT_PRE_UPDATE, None, dt)
        if state.timeline.is_playing():
            step = state.physics.step_dt
            budget = min(dt, 1.0 / MIN_FRAME_RATE)  # slower frames drop physics steps
            self._physics_debt += budget
            steps = math.floor(self._physics_debt / step + 1e-9)
            self._physics_debt -= steps * step
            if abs(self._physics_debt) < 1e-12:
                self._physics_debt = 0.0
            for _ in range(steps):
                state.physics.step(step)
            state.timeline.tick(dt)
        else:
            self._physics_debt = 0.0
        self._dispatch_app(GLOBAL_EVENT_UPDATE, 0, dt)
        state.frame += 1

    def _dispatch_app(self, name: str, stream_type: int | None, dt: float) -> None:
        payload = {"dt": dt}
        if self.state.events2:
            self.state.dispatcher.dispatch_event(name, payload)
        if stream_type is not None:
            self.state.update_stream.dispatch(stream_type, payload)
