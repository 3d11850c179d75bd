"""Stand-in for ``omni.physx`` (present on Kit 107 through 110): callbacks
``fn(dt)``, after every step, only while the timeline plays."""
from kit_standin.state import current as _current


class PhysX:
    def subscribe_physics_step_events(self, fn):
        # Exactly on_step(fn, pre_step=False, order=0) (binding source).
        return _current().physics.subscribe(fn, False, 0, arity=1)

    def subscribe_physics_on_step_events(self, fn, pre_step, order):
        return _current().physics.subscribe(fn, pre_step, order, arity=1)


def get_physx_interface():
    return PhysX()
