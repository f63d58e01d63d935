# dataclasses: order, frozen, default_factory, field options, asdict, replace
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
from typing import List

@dataclass
class Point:
    x: int
    y: int = 0
    def dist2(self):
        return self.x * self.x + self.y * self.y

@dataclass(order=True)
class Card:
    rank: int
    suit: str = field(compare=False)
    tags: List[str] = field(default_factory=list, repr=False)

@dataclass(frozen=True)
class Color:
    r: int
    g: int
    b: int
    name: str = "unnamed"

@dataclass
class Inventory:
    owner: str
    items: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    total: int = field(init=False, default=0)
    def __post_init__(self):
        self.total = sum(self.counts.values())
        print("post_init", self.owner, self.total)

p = Point(3, 4)
print(p, Point(1), p == Point(3, 4), p != Point(4, 3), p.dist2(), repr(p))
p.x = 10
print(p, asdict(p), astuple(p), replace(p, y=99), [f.name for f in fields(p)])
try:
    Point()
except TypeError as e:
    print("TypeError", e)
cards = [Card(10, "hearts"), Card(2, "spades"), Card(10, "clubs"), Card(5, "hearts", ["x"])]
print(sorted(cards))
print(Card(3, "a") == Card(3, "b"), Card(3, "a") < Card(4, "a"), max(cards), cards[3].tags)
c1, c2 = Card(1, "x"), Card(1, "y")
c1.tags.append("t")
print(c1.tags, c2.tags, c1.tags is c2.tags)
red = Color(255, 0, 0, "red")
print(red, hash(red) == hash(Color(255, 0, 0, "red")), {red: 1}[Color(255, 0, 0, "red")])
try:
    red.r = 0
except FrozenInstanceError as e:
    print("FrozenInstanceError", type(e).__mro__[1].__name__, e)
print(replace(red, g=128), red)
inv = Inventory("bob", counts={"apple": 3, "pear": 2})
inv2 = Inventory("amy")
inv2.items.append("hat")
print(inv, inv2, Inventory("x").items)
try:
    @dataclass
    class Broken:
        a: list = []
except ValueError as e:
    print("ValueError", e)

@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)
    def add(self, *vals):
        for v in vals:
            self.children.append(Node(v))
        return self
tree = Node(1).add(2, 3)
tree.children[0].add(4)
print(tree)
print(asdict(tree))

@dataclass(eq=False)
class Ident:
    v: int
print(Ident(1) == Ident(1), Ident(1).v)

@dataclass
class Child(Point):
    z: int = 5
print(Child(1, 2), Child(1, 2, 3), Child(1, 2) == Point(1, 2), isinstance(Child(0), Point))

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
vs = sorted({Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2)})
print(vs, Version(1) < Version(1, 0, 1), Version(2) >= Version(1, 99))
