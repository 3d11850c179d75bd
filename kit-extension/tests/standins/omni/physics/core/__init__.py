"""Stand-in for ``omni.physics.core`` (Kit 110+; importing it on an older Kit
fails like a missing extension): ``subscribe_physics_on_step_events(pre_step,
order, on_update)`` with callbacks ``fn(dt, context)``."""
from kit_standin.state import current as _current

if _current().kit_major < 110:
    raise ImportError("No module named 'omni.physics.core' (needs Kit 110+)")


class PhysicsSimulationInterface:
    def subscribe_physics_on_step_events(self, pre_step=False, order=0, on_update=None):
        if on_update is None:
            raise TypeError("on_update is required")
        return _current().physics.subscribe(on_update, pre_step, order, arity=2)


def get_physics_simulation_interface():
    return PhysicsSimulationInterface()
