# int(str) with bases, huge int to string, formatting
print(int("42"), int("-42"), int("  +7  "), int("0"), int("-0"))
print(int("1_000_000"), int("0x_ff", 16), int("ff", 16), int("FF", 16))
print(int("777", 8), int("0o777", 0), int("0b1011", 0), int("0x1F", 0), int("z", 36))
print(int("101", 2), int("-101", 2), int("zz", 36), int("10", 3))
print(int(3.99), int(-3.99), int(1e20), int(True), int("  12\n"))
for bad in ["", "abc", "1.5", "0x10", "--1", "1__0", "_1"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError", e)
huge = 7 ** 1000
s = str(huge)
print(len(s), s[:30], s[-30:])
print(int(s) == huge)
print(str(-(10 ** 50)))
print(repr(10 ** 25), f"{10 ** 25}")
print(f"{1234567:,}", f"{1234567:_}", f"{-1234567:,}", f"{2 ** 70:,}")
print(f"{255:x}", f"{255:X}", f"{255:#x}", f"{255:o}", f"{255:#o}", f"{255:b}", f"{255:#b}")
print(f"{42:08d}", f"{-42:08d}", f"{42:+d}", f"{42: d}", f"{42:<6}|", f"{42:>6}|", f"{42:^6}|")
print(f"{42:*^10}", f"{-42:=10}", f"{2 ** 64:x}", f"{-255:#x}")
print(format(1234, "e"), format(1234, ".2f"), format(12, "%"), format(65, "c"))
print("%d %5d %-5d| %05d %x %X %o %+d" % (1, 2, 3, 4, 255, 255, 8, 9))
print(hex(0), oct(0), bin(0), hex(-(2 ** 70)))
print(int("1" * 50), int("9" * 40) + 1)
print(str(2 ** 64)[::-1])
print(sorted([10 ** 20, -5, 2 ** 63, -2 ** 63, 0, 3]))
print(round(1234567, -3), round(-1250, -2), round(1350, -2), round(15, -1), round(25, -1))
