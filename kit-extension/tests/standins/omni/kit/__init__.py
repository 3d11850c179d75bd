"""Stand-in for ``omni.kit``."""
