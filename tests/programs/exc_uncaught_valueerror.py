# ends with an uncaught ValueError raised from nested function calls
def parse_record(line):
    name, _, value = line.partition("=")
    return name.strip(), int(value)

def parse_all(lines):
    out = {}
    for ln in lines:
        k, v = parse_record(ln)
        out[k] = v
        print(f"parsed {k} -> {v}")
    return out

good = ["alpha = 1", "beta=22", " gamma =  -3 ", "delta=16", "eps = +7", "zeta=1_000"]
for line in ["no_equals", "x=", "=5", "y = 2.5"]:
    try:
        print("try", repr(line), "->", parse_record(line))
    except ValueError as e:
        print("try", repr(line), "-> ValueError:", e)
result = parse_all(good)
print("total", sum(result.values()), sorted(result))
print("now parsing a bad record...")
parse_all(["delta=4", "epsilon=five", "zeta=6"])
print("never printed")
