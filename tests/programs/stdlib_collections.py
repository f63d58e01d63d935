# collections: Counter, defaultdict, OrderedDict, deque, namedtuple, ChainMap
from collections import Counter, defaultdict, OrderedDict, deque, namedtuple, ChainMap
text = "the cat and the hat and the bat sat on the mat"
c = Counter(text.split())
print(c.most_common(3), c["the"], c["missing"], len(c), sum(c.values()))
print(sorted(c.items()))
lc = Counter("abracadabra")
print(lc.most_common(), lc.most_common(2), sorted(lc.elements())[:6])
lc.update("aaz")
lc.subtract({"a": 10, "q": 1})
print(sorted(lc.items()), +lc == Counter({k: v for k, v in lc.items() if v > 0}))
a, b = Counter(x=3, y=1), Counter(x=1, y=2, z=5)
print(a + b, a - b, a & b, a | b, a.total(), Counter() == Counter(), Counter(a=0) == Counter())
dd = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]:
    dd[word[0]].append(word)
print(dict(dd), dd["z"], len(dd), "q" in dd, dd.default_factory.__name__)
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items()), repr(defaultdict(int, {"a": 1})))
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
t["a"]["x"] = 2
print({k: {k2: (dict(v2) if isinstance(v2, defaultdict) else v2) for k2, v2 in v.items()} for k, v in t.items()})
od = OrderedDict()
od["z"] = 1; od["y"] = 2; od["x"] = 3
od.move_to_end("z")
print(od, list(od), od.popitem(), od.popitem(last=False), od)
od2 = OrderedDict.fromkeys("abcde")
od2.move_to_end("c", last=False)
print(list(od2), OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), dict(a=1, b=2) == OrderedDict(b=2, a=1))
dq = deque([1, 2, 3])
dq.append(4); dq.appendleft(0); dq.extend([5, 6]); dq.extendleft([-1, -2])
print(dq, dq.pop(), dq.popleft(), dq, len(dq), dq[0], dq[-1], 3 in dq)
dq.rotate(2)
print(dq)
dq.rotate(-3)
print(dq, dq.index(3), dq.count(1))
bounded = deque(maxlen=3)
for i in range(6):
    bounded.append(i)
    print(list(bounded), end=" ")
print()
print(bounded, bounded.maxlen)
try:
    deque().pop()
except IndexError as e:
    print("IndexError", e)
Point = namedtuple("Point", ["x", "y"])
Point3 = namedtuple("Point3", "x y z", defaults=[0])
p = Point(3, 4)
print(p, p.x, p[1], p._asdict(), p._replace(x=10), Point._fields, Point3(1, 2), Point3._field_defaults)
x, y = p
print(x + y, p == (3, 4), isinstance(p, tuple), Point._make([5, 6]), sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError", e)
Emp = namedtuple("Emp", "name dept salary")
emps = [Emp("ann", "eng", 120), Emp("bob", "ops", 90), Emp("cy", "eng", 100)]
by_dept = defaultdict(list)
for e in emps:
    by_dept[e.dept].append(e.name)
print(dict(by_dept), max(emps, key=lambda e: e.salary).name, sum(e.salary for e in emps))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.maps)
cm2 = cm.new_child({"c": 4})
cm2["a"] = 99
print(cm2["a"], cm["a"], dict(sorted(cm2.items())))
