"""A damped spring per prim, for the Kit example.

The Portalis ABI returns one scalar per call, so the step is split in two
functions, each bound to the physics step in order (see bindings.json): the
new velocity first, then the new position from it (semi-implicit Euler).
"""


def velocity(x: float, v: float, k: float, c: float, dt: float) -> float:
    """Velocity after one step of x'' = -k x - c v."""
    a = -k * x - c * v
    return v + a * dt


def position(x: float, v: float, dt: float) -> float:
    """Position after one step, from the new velocity."""
    return x + v * dt


def energy(x: float, v: float, k: float) -> float:
    """Energy per unit mass (kinetic + spring)."""
    return 0.5 * (k * x * x + v * v)
