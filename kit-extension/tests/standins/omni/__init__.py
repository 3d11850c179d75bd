"""Stand-in for the ``omni`` namespace (Kit's Python APIs)."""
