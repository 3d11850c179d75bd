"""Stand-in for ``omni.usd``."""
from kit_standin.state import current as _current


def get_context(name: str = ""):
    return _current().usd_context
