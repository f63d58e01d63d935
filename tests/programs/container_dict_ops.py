# dict operations, ordering, views, comprehension
d = {"one": 1, "two": 2, "three": 3}
d["four"] = 4
d["one"] = 11
print(d, len(d), list(d), list(d.keys()), list(d.values()), list(d.items()))
del d["two"]
d["two"] = 22
print(d, "two" in d, 22 in d, d.get("zzz"), d.get("zzz", -1), d.setdefault("five", 5), d.setdefault("one", 0))
print(d.pop("three"), d.pop("nope", "dflt"), d.popitem(), d)
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e, repr(e), e.args)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
d2 = dict(a=1, b=2)
d2.update({"c": 3}, d=4)
d2.update([("e", 5)])
print(d2, d2 | {"a": 100, "z": 26}, {"z": 0} | d2)
d2 |= {"b": 200}
print(d2, dict.fromkeys("abc", 0), dict.fromkeys([1, 2]), dict(zip("xyz", range(3))))
sq = {i: i * i for i in range(-3, 4)}
print(sq, {v: k for k, v in sq.items()}, {k: v for k, v in sq.items() if k > 0})
keys = sq.keys()
sq[10] = 100
print(len(keys), 10 in keys, keys & {1, 2, 99}, sorted(keys - {0}), list(sq.items())[-1])
mixed = {1: "int", 1.0: "float", True: "bool", (1, 2): "tuple", None: "none", "1": "str"}
print(mixed, len(mixed))
print({1: 1} == {1.0: 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"b": 1, "a": 2}))
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError", e)
try:
    for k in d2:
        d2["new" + k] = 1
except RuntimeError as e:
    print("RuntimeError", e)
nested = {"users": [{"name": "x", "tags": ["a", "b"]}, {"name": "y", "tags": []}], "meta": {"n": 2, "ok": True, "v": None}}
print(nested)
print(nested["users"][0]["tags"][1], nested["meta"].get("n"), [u["name"] for u in nested["users"]])
print(sorted({"b": 2, "a": 3, "c": 1}.items(), key=lambda kv: kv[1]), max({"x": 5, "y": 9}, key={"x": 5, "y": 9}.get))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts, key=counts.get, reverse=True))
rev = dict(reversed(list(counts.items())))
print(rev, list(reversed(counts)), list(reversed(counts.values())))
e = {}
e[3] = "c"; e[1] = "a"; e[2] = "b"
del e[1]; e[1] = "A"
print(e, repr(e.keys()), repr(e.values()), repr(e.items()))
cp = e.copy(); cp[9] = 9
print(e, cp, e == cp)
self_ref = {"k": 1}
self_ref["me"] = self_ref
print(self_ref)
