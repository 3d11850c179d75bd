"""Stand-in for ``omni.ext``."""


class IExt:
    """Base of an extension's entry class: Kit calls on_startup(ext_id) when it
    is enabled and on_shutdown() when it is disabled, on exit and on hot reload."""

    def on_startup(self, ext_id: str) -> None:
        pass

    def on_shutdown(self) -> None:
        pass
