# copy (shallow/deep, __copy__/__deepcopy__, cycles) and pprint formatting
import copy, pprint
orig = {"nums": [1, 2, [3, 4]], "meta": {"k": "v"}, "t": (1, [2])}
sh = copy.copy(orig)
dp = copy.deepcopy(orig)
orig["nums"][2].append(5)
orig["meta"]["new"] = 1
orig["t"][1].append(3)
print(orig)
print(sh)
print(dp)
print(sh["nums"] is orig["nums"], dp["nums"] is orig["nums"], dp["t"] is orig["t"], copy.copy((1, 2)) == (1, 2))
cyc = [1, 2]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc, cc[2] is cc, cc is not cyc)
shared = [0]
pair = [shared, shared]
dp2 = copy.deepcopy(pair)
print(dp2[0] is dp2[1], dp2[0] is shared)
class Thing:
    def __init__(self, name, items):
        self.name, self.items = name, items
    def __copy__(self):
        print("custom __copy__")
        return Thing(self.name + "-copy", self.items)
    def __deepcopy__(self, memo):
        print("custom __deepcopy__")
        return Thing(self.name + "-deep", copy.deepcopy(self.items, memo))
    def __repr__(self):
        return f"Thing({self.name!r}, {self.items!r})"
t = Thing("a", [1, [2]])
t1, t2 = copy.copy(t), copy.deepcopy(t)
t.items[1].append(3)
print(t, t1, t2)
class Plain:
    def __init__(self):
        self.lst = [1]
p = Plain()
pc = copy.copy(p)
pc.lst.append(2)
pd = copy.deepcopy(p)
pd.lst.append(3)
print(p.lst, pc.lst, pd.lst, type(pd).__name__)
data = {"name": "pprint demo", "numbers": list(range(18)), "nested": {"a": [{"x": i, "y": [i] * i} for i in range(4)], "b": ("tuple", "of", "strings")},
        "text": "a fairly long string value that will not fit on one line together with everything else", "empty": {}, "set": {3, 1, 2}}
pprint.pprint(data)
pprint.pprint(data, width=120, sort_dicts=False)
pprint.pprint(data["nested"], indent=4, width=40)
pprint.pprint(data, depth=1)
print(pprint.pformat([list(range(5))] * 3, width=30))
pprint.pprint({"z": 1, "a": 2, "m": {"y": 1, "b": 2}})
pprint.pprint([[1, 2, 3]] * 2, compact=True, width=20)
print(pprint.pformat("short"), pprint.isreadable({"a": 1}), pprint.isrecursive(cyc), pprint.saferepr({"b": [1, 2], "a": (3,)}))
pprint.pprint(list(range(40)), compact=True)
