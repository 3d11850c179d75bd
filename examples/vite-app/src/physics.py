"""Projectile motion without drag, and circular orbits (SI units)."""
import math

G = 6.674e-11  # gravitational constant, m^3 kg^-1 s^-2


def _radians(degrees: float) -> float:
    """Module-private (leading underscore): callable here, not exported to JS."""
    return degrees * math.pi / 180.0


def projectile_range(speed: float, angle_deg: float, gravity: float) -> float:
    """Horizontal distance travelled before landing at launch height."""
    angle = _radians(angle_deg)
    return speed * speed * math.sin(2.0 * angle) / gravity


def flight_time(speed: float, angle_deg: float, gravity: float) -> float:
    """Seconds in the air."""
    return 2.0 * speed * math.sin(_radians(angle_deg)) / gravity


def apex_height(speed: float, angle_deg: float, gravity: float) -> float:
    """Highest point above launch height."""
    vy = speed * math.sin(_radians(angle_deg))
    return vy * vy / (2.0 * gravity)


def orbital_period(radius: float, central_mass: float) -> float:
    """Seconds per revolution on a circular orbit of the given radius (Kepler's third law)."""
    return 2.0 * math.pi * math.sqrt(radius**3 / (G * central_mass))


def orbital_speed(radius: float, central_mass: float) -> float:
    """Speed on a circular orbit, m/s."""
    return math.sqrt(G * central_mass / radius)
