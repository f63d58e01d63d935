"""Measures a typed float loop in a function that also prints and calls the stdlib: Mandelbrot
rows drawn as they are computed, each with its count and math.hypot of its last point (in millionths). Issue
#10's case for floats: the loop must stay on doubles although its function does I/O."""

import math


def draw(size: int, max_iter: int) -> int:
    total: int = 0
    for y in range(size):
        ci: float = 2.0 * y / size - 1.0
        row: str = ""
        inside: int = 0
        cr: float = 0.0
        for x in range(size):
            cr = 2.0 * x / size - 1.5
            zr: float = 0.0
            zi: float = 0.0
            i: int = 0
            while i < max_iter:
                zr2: float = zr * zr
                zi2: float = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                i += 1
            if i == max_iter:
                inside += 1
                row += "#"
            else:
                row += "."
        total += inside
        print(row[::4], inside, int(math.hypot(cr, ci) * 1e6))
    return total


def main() -> None:
    print(draw(200, 400), "points inside")


if __name__ == "__main__":
    main()
