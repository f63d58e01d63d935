# json dumps/loads: indent, sort_keys, separators, ensure_ascii, special values, errors
import json
data = {"name": "Widget", "price": 9.99, "tags": ["a", "b"], "dims": {"w": 1, "h": 2.5},
        "active": True, "parent": None, "count": 0, "ünï": "ß😀", "big": 2 ** 70, "neg": -0.0}
print(json.dumps(data))
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
print(json.dumps([1, [2, [3, []]], {}], indent=4))
print(json.dumps({"b": 1, "a": [1, 2]}, indent="\t"))
print(json.dumps("quote\" back\\ nl\n tab\t ctrl\x01"), json.dumps("é"), json.dumps(3.0), json.dumps(1e100), json.dumps(0.1 + 0.2))
print(json.dumps(float("inf")), json.dumps(float("nan")), json.dumps((1, 2)), json.dumps({1: "int key", True: "bool", None: "n"}))
try:
    json.dumps(float("inf"), allow_nan=False)
except ValueError as e:
    print("ValueError", e)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError", e)
print(json.dumps({"s": {3, 1, 2}}, default=sorted))
text = '{"x": [1, 2.5, -3e2, true, false, null], "y": {"z": "\\u00e9\\ud83d\\ude00"}, "w": 123456789012345678901234567890}'
obj = json.loads(text)
print(obj, type(obj["x"][1]).__name__, type(obj["x"][2]).__name__, obj["y"]["z"], len(obj["y"]["z"]))
print(json.loads("[]"), json.loads('"s"'), json.loads("  42 "), json.loads("NaN"), json.loads("-Infinity"), json.loads('{"a":1,"a":2}'))
print(json.loads('{"p": 1.5}', parse_float=str), json.loads('[1, 2]', parse_int=lambda s: int(s) * 10))
print(json.loads('{"k": [1, 2]}', object_pairs_hook=lambda pairs: ("pairs", pairs)))
for bad in ['{"a": 1,}', "[1, 2", "{'a': 1}", "", '{"a" 1}', "tru", "[1] x"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError", repr(bad), "|", e.msg, e.lineno, e.colno, e.pos)
round_trip = json.loads(json.dumps(data))
print(round_trip == data, round_trip["big"] == 2 ** 70)
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Pt):
            return {"__pt__": [o.x, o.y]}
        return super().default(o)
s = json.dumps([Pt(1, 2), Pt(3, 4)], cls=Enc)
print(s)
print(json.loads(s, object_hook=lambda d: Pt(*d["__pt__"]) if "__pt__" in d else d)[1].y)
print(json.dumps({"nested": {"deep": {"deeper": [1, {"k": "v"}]}}}, indent=1))
