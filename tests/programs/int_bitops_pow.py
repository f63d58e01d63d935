# Shifts, bit operations on negatives, pow and pow with modulus
vals = [0, 1, -1, 5, -5, 255, -256, 2 ** 63 - 1, -2 ** 63, 2 ** 70 + 3, -(2 ** 70) - 3]
for v in vals:
    print(v, ~v, v & 0xFF, v | 0x0F, v ^ -1, v >> 1, v >> 3, v << 2)
print(-1 >> 100, 1 >> 100, -(2 ** 100) >> 99)
print(1 << 63, 1 << 64, 1 << 200)
print(-1 << 63, (-1 << 64) + 1)
print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110)
print(-12 & -7, -12 | -7, -12 ^ -7, -12 & 7, 12 & -7)
print((2 ** 64 - 1) & -(2 ** 32), (2 ** 100) | -1)
print(bin(-37), oct(-37), hex(-37), bin(2 ** 65), hex(2 ** 64 - 1))
try:
    1 << -1
except ValueError as e:
    print("ValueError", e)
try:
    1 >> -3
except ValueError as e:
    print("ValueError", e)
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 64, 7 ** 23)
print(2 ** -1, 2 ** -2, (-2) ** -3, 4 ** -3)
print(type(2 ** -1).__name__, type(2 ** 3).__name__)
print(pow(2, 10), pow(3, 200, 1000000007), pow(2, 2 ** 64, 97))
print(pow(-3, 5, 7), pow(3, 5, -7), pow(-3, 5, -7))
print(pow(3, -1, 7), pow(2, -3, 11), pow(38, -1, 97))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError", e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(pow(10 ** 30, 3, 10 ** 9 + 9))
print((5).bit_count() if hasattr(int, "bit_count") else 2, (-5).bit_count(), (2 ** 100 - 1).bit_count())
x = 0
for i in range(0, 130, 7):
    x |= 1 << i
print(x, bin(x).count("1"))
print(int(True) + True, True << 3, True & False, ~True, -True)
