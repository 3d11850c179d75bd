"""Stand-in for the ``omni.physics`` namespace."""
