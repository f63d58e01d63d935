# plain local modules beside main.py and the if __name__ == "__main__" idiom
import os
import geometry
from geometry import Circle, polygon_area
import textutil as tu
import geometry as geo_again


def main(argv_note):
    print(tu.banner("shapes"))
    circles = [Circle(r) for r in (1, 2.5, 10)]
    for c in circles:
        print(f"{c!r:>16} area={c.area():.4f}")
    print("instances:", geometry.instances(), geometry._instances)
    squares = [[(0, 0), (1, 0), (1, 1), (0, 1)], [(0, 0), (4, 0), (4, 3)], [(0, 0), (2, 0), (2, 2), (1, 3), (0, 2)]]
    for pts in squares:
        print("polygon", pts, "->", polygon_area(pts))
    print(tu.banner("module info", 40, "-"))
    print("geometry.__name__:", geometry.__name__, "| tu.__name__:", tu.__name__, "| main:", __name__)
    print("doc:", geometry.__doc__)
    print("alias is same module:", geo_again is geometry)
    print("file basename:", os.path.basename(geometry.__file__), os.path.basename(__file__))
    print(tu.describe_pi(), "| note:", argv_note)
    geometry._instances = 100
    Circle(1)
    print("instances after reset+1:", geometry.instances())
    print(tu.banner("end", 20))
    return 0


if __name__ == "__main__":
    print("running as main")
    status = main("called from __main__ guard")
    print("status:", status)
else:
    print("imported, not running main")
