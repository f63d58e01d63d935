# decimal: precision, quantize, rounding modes; fractions arithmetic
from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, InvalidOperation, DivisionByZero
from fractions import Fraction
print(Decimal("0.1") + Decimal("0.2"), Decimal(0.1), Decimal("1.10") + Decimal("2.205"), Decimal(10) / Decimal(4))
print(Decimal(1) / Decimal(7), getcontext().prec)
getcontext().prec = 50
print(Decimal(1) / Decimal(7), Decimal(2).sqrt())
getcontext().prec = 6
print(Decimal(1) / Decimal(7), Decimal("123456789") + 0, Decimal("1.23456789") * 1)
getcontext().prec = 28
with localcontext() as ctx:
    ctx.prec = 3
    print("local", Decimal(22) / Decimal(7), Decimal("3.14159") + 0)
print("restored", Decimal(22) / Decimal(7))
price = Decimal("19.995")
for mode in [ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR]:
    print(mode, price.quantize(Decimal("0.01"), rounding=mode), Decimal("-2.5").quantize(Decimal("1"), rounding=mode))
print(Decimal("2.5").quantize(Decimal("1")), Decimal("3.5").quantize(Decimal("1")), round(Decimal("2.675"), 2), round(Decimal("7.5")))
print(Decimal("1.000"), Decimal("1.000").normalize(), Decimal("100").normalize(), Decimal("-0"), Decimal("1E+3"), Decimal("0.000001"), Decimal("1e-7"))
print(Decimal("NaN"), Decimal("-Infinity"), Decimal("1.5").as_tuple(), Decimal("-12.34").as_integer_ratio(), int(Decimal("-7.9")), float(Decimal("0.5")))
print(Decimal("10") % Decimal("3"), Decimal("-10") % Decimal("3"), Decimal("-10") // Decimal("3"), divmod(Decimal(-7), Decimal(2)))
print(Decimal("1.1") == Decimal("1.10"), Decimal("0.5") < 1, Decimal(3) == 3, sum([Decimal("0.1")] * 10), max(Decimal("1.5"), Decimal("1.50")))
print(f"{Decimal('1234.5678'):.2f}", f"{Decimal('1234.5678'):,.1f}", f"{Decimal('0.000123'):e}", str(Decimal("123.4500")))
try:
    Decimal(1) / Decimal(0)
except DivisionByZero as e:
    print("DivisionByZero", type(e).__name__)
try:
    Decimal("abc")
except InvalidOperation as e:
    print("InvalidOperation", type(e).__name__)
print(Decimal(2) ** 100, Decimal("1.5") ** 2, Decimal(100).log10(), Decimal("-3").copy_abs(), Decimal("2").max(Decimal("3")))
f = Fraction(3, 4)
g = Fraction("5/6")
print(f, g, f + g, f - g, f * g, f / g, f ** 2, -f, abs(Fraction(-1, 3)), f // g, f % g)
print(Fraction(6, 8), Fraction(-6, -8), Fraction(6, -8), Fraction(0.5), Fraction("0.125"), Fraction(1.1).limit_denominator(100), Fraction(Decimal("1.25")))
print(f.numerator, f.denominator, float(g), int(Fraction(7, 2)), round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(22, 7), 3))
print(f == 0.75, f < g, Fraction(1, 3) + 1, 1 - Fraction(1, 3), Fraction(1, 3) * 3 == 1, Fraction(1, 2) + 0.25, repr(Fraction(2, 4)))
print(sum(Fraction(1, n) for n in range(1, 11)), sorted([Fraction(2, 3), Fraction(1, 2), Fraction(5, 7)]), Fraction(3, 1), str(Fraction(3)))
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
h = Fraction(0)
for k in range(1, 21):
    h += Fraction(1, k * (k + 1))
print(h, Fraction(2 ** 100, 3 ** 50), Fraction(10 ** 20 + 1, 10 ** 20).limit_denominator(1000))
print(hash(Fraction(1, 2)) == hash(0.5), hash(Decimal("0.5")) == hash(0.5), {Fraction(1, 2): "half"}[0.5])
