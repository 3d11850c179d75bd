"""One step of a planar n-body simulation (Sun and Jupiter), in plain floats."""
import math

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def energy(x1: float, y1: float, vx1: float, vy1: float, m1: float,
           x2: float, y2: float, vx2: float, vy2: float, m2: float) -> float:
    kinetic = 0.5 * m1 * (vx1 * vx1 + vy1 * vy1) + 0.5 * m2 * (vx2 * vx2 + vy2 * vy2)
    dx = x1 - x2
    dy = y1 - y2
    potential = -(m1 * m2) / math.sqrt(dx * dx + dy * dy)
    return kinetic + potential


def advance(dt: float, steps: int) -> float:
    """Advance the two bodies `steps` times and return the final energy."""
    x1, y1, vx1, vy1, m1 = 0.0, 0.0, 0.0, 0.0, SOLAR_MASS
    x2 = 4.84143144246472090e+00
    y2 = -1.16032004402742839e+00
    vx2 = 1.66007664274403694e-03 * DAYS_PER_YEAR
    vy2 = 7.69901118419740425e-03 * DAYS_PER_YEAR
    m2 = 9.54791938424326609e-04 * SOLAR_MASS
    for _ in range(steps):
        dx = x1 - x2
        dy = y1 - y2
        d2 = dx * dx + dy * dy
        mag = dt / (d2 * math.sqrt(d2))
        vx1 -= dx * m2 * mag
        vy1 -= dy * m2 * mag
        vx2 += dx * m1 * mag
        vy2 += dy * m1 * mag
        x1 += dt * vx1
        y1 += dt * vy1
        x2 += dt * vx2
        y2 += dt * vy2
    return energy(x1, y1, vx1, vy1, m1, x2, y2, vx2, vy2, m2)
