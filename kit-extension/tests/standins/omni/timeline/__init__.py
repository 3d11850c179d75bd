"""Stand-in for ``omni.timeline``."""
from kit_standin.components import TIMELINE_GLOBAL_EVENTS as _GLOBAL, TimelineEventType  # noqa: F401
from kit_standin.state import current as _current

_NAMES = {
    "GLOBAL_EVENT_PLAY": _GLOBAL[TimelineEventType.PLAY],
    "GLOBAL_EVENT_PAUSE": _GLOBAL[TimelineEventType.PAUSE],
    "GLOBAL_EVENT_STOP": _GLOBAL[TimelineEventType.STOP],
    "GLOBAL_EVENT_CURRENT_TIME_TICKED": _GLOBAL[TimelineEventType.CURRENT_TIME_TICKED],
    "GLOBAL_EVENT_CURRENT_TIME_CHANGED": _GLOBAL[TimelineEventType.CURRENT_TIME_CHANGED],
}


def __getattr__(name):
    if name in _NAMES and _current().events2:
        return _NAMES[name]
    raise AttributeError(f"module 'omni.timeline' has no attribute '{name}'")


def get_timeline_interface():
    return _current().timeline
