"""Measures float arithmetic and list[float] access: 5-body planetary simulation."""
import math

PI: float = 3.141592653589793
SOLAR_MASS: float = 4.0 * PI * PI
DAYS_PER_YEAR: float = 365.24


def energy(pos: list[float], vel: list[float], mass: list[float], n: int) -> float:
    e: float = 0.0
    for i in range(n):
        vx: float = vel[3 * i]
        vy: float = vel[3 * i + 1]
        vz: float = vel[3 * i + 2]
        e += 0.5 * mass[i] * (vx * vx + vy * vy + vz * vz)
        for j in range(i + 1, n):
            dx: float = pos[3 * i] - pos[3 * j]
            dy: float = pos[3 * i + 1] - pos[3 * j + 1]
            dz: float = pos[3 * i + 2] - pos[3 * j + 2]
            e -= mass[i] * mass[j] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def advance(pos: list[float], vel: list[float], mass: list[float], n: int, dt: float) -> None:
    for i in range(n):
        for j in range(i + 1, n):
            dx: float = pos[3 * i] - pos[3 * j]
            dy: float = pos[3 * i + 1] - pos[3 * j + 1]
            dz: float = pos[3 * i + 2] - pos[3 * j + 2]
            d2: float = dx * dx + dy * dy + dz * dz
            mag: float = dt / (d2 * math.sqrt(d2))
            mi: float = mass[i] * mag
            mj: float = mass[j] * mag
            vel[3 * i] -= dx * mj
            vel[3 * i + 1] -= dy * mj
            vel[3 * i + 2] -= dz * mj
            vel[3 * j] += dx * mi
            vel[3 * j + 1] += dy * mi
            vel[3 * j + 2] += dz * mi
    for i in range(3 * n):
        pos[i] += dt * vel[i]


def main() -> None:
    pos: list[float] = [0.0, 0.0, 0.0,
                        4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
                        8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
                        1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
                        1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01]
    vel: list[float] = [0.0, 0.0, 0.0,
                        1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
                        -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
                        2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
                        2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05]
    mass: list[float] = [1.0, 9.54791938424326609e-04, 2.85885980666130812e-04,
                         4.36624404335156298e-05, 5.15138902046611451e-05]
    n: int = 5
    for i in range(3, 3 * n):
        vel[i] *= DAYS_PER_YEAR
    for i in range(n):
        mass[i] *= SOLAR_MASS
    px: float = 0.0
    py: float = 0.0
    pz: float = 0.0
    for i in range(n):
        px += vel[3 * i] * mass[i]
        py += vel[3 * i + 1] * mass[i]
        pz += vel[3 * i + 2] * mass[i]
    vel[0] = -px / SOLAR_MASS
    vel[1] = -py / SOLAR_MASS
    vel[2] = -pz / SOLAR_MASS
    print(f"{energy(pos, vel, mass, n):.9f}")
    for _ in range(100_000):
        advance(pos, vel, mass, n, 0.01)
    print(f"{energy(pos, vel, mass, n):.9f}")


if __name__ == "__main__":
    main()
