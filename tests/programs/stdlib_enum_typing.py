# enum (Enum, IntEnum, Flag, auto, unique) and typing runtime features (NamedTuple, TypedDict, get_type_hints)
import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique
from typing import NamedTuple, TypedDict, Optional, List, Dict, Union, get_type_hints

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

print(Color.RED, repr(Color.GREEN), Color.RED.name, Color.RED.value, Color(2), Color["BLUE"], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), [c.name for c in Color], list(Color.__members__))
print(Color.RED == 1, Color.RED == Color.RED, Color.RED in Color, isinstance(Color.RED, Color), type(Color.RED).__name__)
try:
    Color(9)
except ValueError as e:
    print("ValueError", e)
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError", e)

class Prio(IntEnum):
    LOW = auto()
    MID = auto()
    HIGH = auto()
print(Prio.HIGH > Prio.LOW, Prio.MID + 1, sorted([Prio.HIGH, Prio.LOW]), int(Prio.MID), Prio(3).name, f"{Prio.LOW}")

class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, rw & Perm.W, Perm(7), Perm.R.value, Perm.X.value, bool(Perm(0)), list(rw))

class Mode(IntFlag):
    A = 1
    B = 2
    C = 4
print(Mode.A | Mode.C, int(Mode.A | Mode.B), Mode(3), Mode.B == 2, Mode.A | 8)

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 3)
print([(p.name, p.gravity) for p in Planet], Planet.EARTH.value)

class Shape(str, Enum):
    SQUARE = "sq"
    CIRCLE = "ci"
    def describe(self):
        return f"{self.name.lower()}:{self.value}"
print(Shape.SQUARE == "sq", Shape("ci"), Shape.CIRCLE.describe(), Shape.SQUARE.upper())
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError", e)
print({Color.RED: "r", Color.BLUE: "b"}[Color.CRIMSON], Color.RED.__class__.__name__, hash(Color.RED) == hash(Color.CRIMSON))

class Employee(NamedTuple):
    name: str
    dept: str = "eng"
    salary: int = 100
    def label(self):
        return f"{self.name}@{self.dept}"
e = Employee("ann")
print(e, e.label(), e._replace(salary=5), Employee._fields, Employee._field_defaults, isinstance(e, tuple), e[0])
print(Employee.__annotations__)

class Movie(TypedDict, total=False):
    title: str
    year: int
m: Movie = {"title": "Heat", "year": 1995}
print(m, type(m).__name__, Movie.__required_keys__, sorted(Movie.__optional_keys__), Movie(title="x"))

class Node:
    value: int
    next: Optional["Node"]
    tags: List[str]
def f(a: int, b: Dict[str, int] = None) -> Union[int, str]:
    return a
print(get_type_hints(f), f.__annotations__["return"])
print(Optional[int], List[int], Dict[str, List[int]], Union[int, str], Union[int, int])
print(list[int], dict[str, int] == dict[str, int], int | None, isinstance(3, int | str))
