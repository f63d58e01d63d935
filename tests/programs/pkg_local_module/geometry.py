"""A plain local module imported by main.py."""
import math

print("loading geometry module, __name__ =", __name__)

PI_APPROX = 355 / 113
_instances = 0


class Circle:
    def __init__(self, r):
        global _instances
        _instances += 1
        self.r = r

    def area(self):
        return math.pi * self.r ** 2

    def __repr__(self):
        return f"Circle(r={self.r})"


def instances():
    return _instances


def polygon_area(points):
    n = len(points)
    s = 0
    for i in range(n):
        x1, y1 = points[i]
        x2, y2 = points[(i + 1) % n]
        s += x1 * y2 - x2 * y1
    return abs(s) / 2


if __name__ == "__main__":
    print("geometry run as a script -- this must NOT print when imported")
