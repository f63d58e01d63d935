"""Measures float fields of a fixed-shape class and method calls: 5-body planetary simulation
with a Body class (the same bodies and steps as nbody.py)."""
import math

PI: float = 3.141592653589793
SOLAR_MASS: float = 4.0 * PI * PI
DAYS_PER_YEAR: float = 365.24


class Body:
    def __init__(self, x: float, y: float, z: float, vx: float, vy: float, vz: float, mass: float) -> None:
        self.x = x
        self.y = y
        self.z = z
        self.vx = vx * DAYS_PER_YEAR
        self.vy = vy * DAYS_PER_YEAR
        self.vz = vz * DAYS_PER_YEAR
        self.mass = mass * SOLAR_MASS

    def kinetic(self) -> float:
        return 0.5 * self.mass * (self.vx * self.vx + self.vy * self.vy + self.vz * self.vz)

    def potential(self, other: "Body") -> float:
        dx = self.x - other.x
        dy = self.y - other.y
        dz = self.z - other.z
        return self.mass * other.mass / math.sqrt(dx * dx + dy * dy + dz * dz)

    def interact(self, other: "Body", dt: float) -> None:
        dx = self.x - other.x
        dy = self.y - other.y
        dz = self.z - other.z
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * math.sqrt(d2))
        mi = self.mass * mag
        mj = other.mass * mag
        self.vx -= dx * mj
        self.vy -= dy * mj
        self.vz -= dz * mj
        other.vx += dx * mi
        other.vy += dy * mi
        other.vz += dz * mi

    def drift(self, dt: float) -> None:
        self.x += dt * self.vx
        self.y += dt * self.vy
        self.z += dt * self.vz


def energy(bodies: list[Body]) -> float:
    e = 0.0
    for i in range(len(bodies)):
        e += bodies[i].kinetic()
        for j in range(i + 1, len(bodies)):
            e -= bodies[i].potential(bodies[j])
    return e


def advance(bodies: list[Body], dt: float) -> None:
    n = len(bodies)
    for i in range(n):
        b = bodies[i]
        for j in range(i + 1, n):
            b.interact(bodies[j], dt)
    for b in bodies:
        b.drift(dt)


def offset_momentum(bodies: list[Body]) -> None:
    px = py = pz = 0.0
    for b in bodies:
        px += b.vx * b.mass
        py += b.vy * b.mass
        pz += b.vz * b.mass
    sun = bodies[0]
    sun.vx = -px / SOLAR_MASS
    sun.vy = -py / SOLAR_MASS
    sun.vz = -pz / SOLAR_MASS


def main() -> None:
    bodies = [
        Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0),
        Body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
             1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05, 9.54791938424326609e-04),
        Body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
             -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05, 2.85885980666130812e-04),
        Body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
             2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05, 4.36624404335156298e-05),
        Body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
             2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05, 5.15138902046611451e-05),
    ]
    offset_momentum(bodies)
    print(f"{energy(bodies):.9f}")
    for _ in range(100_000):
        advance(bodies, 0.01)
    print(f"{energy(bodies):.9f}")


if __name__ == "__main__":
    main()
