"""Measures a tight float kernel: counts Mandelbrot-set points on a grid."""


def in_set(cr: float, ci: float, max_iter: int) -> bool:
    zr: float = 0.0
    zi: float = 0.0
    i: int = 0
    while i < max_iter:
        zr2: float = zr * zr
        zi2: float = zi * zi
        if zr2 + zi2 > 4.0:
            return False
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        i += 1
    return True


def count_points(size: int, max_iter: int) -> int:
    count: int = 0
    for y in range(size):
        ci: float = 2.0 * y / size - 1.0
        for x in range(size):
            cr: float = 2.0 * x / size - 1.5
            if in_set(cr, ci, max_iter):
                count += 1
    return count


def main() -> None:
    print(count_points(250, 200))


if __name__ == "__main__":
    main()
