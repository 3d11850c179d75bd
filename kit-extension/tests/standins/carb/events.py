"""Stand-in for ``carb.events`` (the legacy IEventStream types)."""
from kit_standin.components import EventStream as IEventStream, IEvent, ISubscription  # noqa: F401
