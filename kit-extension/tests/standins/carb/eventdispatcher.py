"""Stand-in for ``carb.eventdispatcher`` (Events 2.0)."""
from kit_standin.components import Event, ObserverGuard  # noqa: F401
from kit_standin.state import current as _current


def get_eventdispatcher():
    return _current().dispatcher
