"""Stand-in for ``carb``: logging (recorded in the stand-in app's log)."""
from kit_standin.state import current as _current


def log_error(msg: str) -> None:
    _current().log("error", str(msg))


def log_warn(msg: str) -> None:
    _current().log("warn", str(msg))


def log_info(msg: str) -> None:
    _current().log("info", str(msg))


def log_verbose(msg: str) -> None:
    _current().log("verbose", str(msg))
