"""Stand-in for ``omni.kit.app``: the app (update stream, version, extension
manager, ``next_update_async``) and, from Kit 107, the Events 2.0 names."""
from kit_standin import driver as _driver
from kit_standin.state import current as _current

_EVENTS2 = {
    "GLOBAL_EVENT_UPDATE": _driver.GLOBAL_EVENT_UPDATE,
    "GLOBAL_EVENT_PRE_UPDATE": _driver.GLOBAL_EVENT_PRE_UPDATE,
    "GLOBAL_EVENT_POST_QUIT": _driver.GLOBAL_EVENT_POST_QUIT,
}


def __getattr__(name):
    if name in _EVENTS2 and _current().events2:
        return _EVENTS2[name]
    raise AttributeError(f"module 'omni.kit.app' has no attribute '{name}'")


class IApp:
    def get_update_event_stream(self):
        return _current().update_stream

    def get_kit_version(self) -> str:
        return _current().kit_version

    def get_extension_manager(self):
        return _current().ext_manager

    def is_running(self) -> bool:
        return True

    async def next_update_async(self) -> float:
        state = _current()
        sim = state.driver
        if sim is None:
            from kit_standin.driver import KitSim

            sim = KitSim(state)
        sim.advance(1)
        return sim.frame_dt


def get_app() -> IApp:
    return IApp()
