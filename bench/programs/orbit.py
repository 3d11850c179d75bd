import math


def orbit_energy(steps: int, dt: float) -> float:
    """Integrates a two-body orbit (semi-implicit Euler) and returns the final energy.

    A float-loop benchmark in the style of an n-body step.
    """
    x = 1.0
    y = 0.0
    vx = 0.0
    vy = 1.0
    for _ in range(steps):
        r = math.sqrt(x * x + y * y)
        inv_r3 = 1.0 / (r * r * r)
        vx -= x * inv_r3 * dt
        vy -= y * inv_r3 * dt
        x += vx * dt
        y += vy * dt
    return 0.5 * (vx * vx + vy * vy) - 1.0 / math.sqrt(x * x + y * y)
