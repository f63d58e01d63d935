# f-strings, str.format, % formatting, nested and conversions
name, age, pi = "Ada", 36, 3.14159
items = {"apple": 3, "kiwi": 12}
print(f"{name} is {age} years", f"{name!r}", f"{name!s:>6}", f"{name!a}", f"{'ümlaut'!a}")
print(f"{age:5d}|{age:<5d}|{age:^5d}|{age:>5}|{age:05}|{age:x}|{age:#b}")
print(f"{pi:.2f} {pi:8.3f} {pi:<8.1f}| {pi:e} {pi:+.0f}")
width, prec = 10, 3
print(f"[{pi:{width}.{prec}f}]", f"[{name:{'*'}^{width}}]", f"[{age:{'>'}{width}}]")
print(f"{age + 1}", f"{age * 2 = }", f"{name=}", f"{pi=:.1f}", f"{ {'k': 1}['k'] }", f"{len(items)}")
print(f"{{literal}} {{{age}}}", f"{'nested ' + f'{age}'}", f"{[x * x for x in range(4)]}")
print(f"{items['apple']:03}", f"{items}", f"{(1, 2)}", f"{None}", f"{True:d}" if False else f"{True}")
for k, v in items.items():
    print(f"{k:<8}|{v:>4}|{v / 7:.3f}")
print("{} {} {}".format(1, "two", 3.0), "{2} {1} {0}".format("a", "b", "c"), "{0}{0}{1}".format("x", "y"))
print("{name} is {age}".format(name="Bob", age=5), "{0[0]} {0[1]}".format(["p", "q"]), "{d[k]}".format(d={"k": "v"}))
print("{:>10}|{:<10}|{:^10}|".format("r", "l", "c"), "{:_<7}".format("x"), "{!r} {!s}".format("s", "s"))
print("{0.real} {0.imag}".format(3 + 4j), "{:,}".format(10 ** 9), "{:.2%}".format(0.4567))
class P:
    def __format__(self, spec):
        return "P<" + spec + ">"
    def __str__(self):
        return "Pstr"
    def __repr__(self):
        return "Prepr"
p = P()
print(f"{p}", f"{p:abc}", f"{p!s}", f"{p!r}", "{}".format(p), "{:xyz}".format(p), format(p, "q"))
print("%s|%r|%d|%i|%5s|%-5s|%.2s" % ("s", "r", 42, 7, "ab", "ab", "abcdef"))
print("%(a)s and %(b)03d" % {"a": "A", "b": 7}, "%c%c" % (72, "i"), "%%", "%x %o %e" % (255, 8, 1234.5))
print("%s" % (1, ) , "%s" % [1, 2], "%s %s" % ("a", (1, 2)), "%*d|%-*d|" % (5, 42, 4, 7))
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError", e)
try:
    print("%s %s" % ("only",))
except TypeError as e:
    print("TypeError", e)
try:
    print("{} {}".format("one"))
except IndexError as e:
    print("IndexError", e)
try:
    print("{missing}".format())
except KeyError as e:
    print("KeyError", e)
try:
    print(f"{age:s}")
except ValueError as e:
    print("ValueError", e)
print(format(12345.678, ",.1f"), format("text", "^12"), format(-5, "+"), format(True, ""))
rows = [("alpha", 1.5, 10), ("beta", 22.25, 200), ("gamma", 333.125, 3)]
print(f"{'name':<8}{'value':>10}{'n':>5}")
for r in rows:
    print(f"{r[0]:<8}{r[1]:>10.2f}{r[2]:>5}")
print("-" * 23)
print(f"{sum(r[1] for r in rows):>18.3f}{sum(r[2] for r in rows):>5}")
