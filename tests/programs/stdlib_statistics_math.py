# statistics and assorted math/numeric builtins
import statistics as st, math
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data), st.pstdev(data), st.stdev(data), st.pvariance(data), st.variance(data))
print(st.median([1, 3, 5]), st.median_low([1, 2, 3, 4]), st.median_high([1, 2, 3, 4]), st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]))
print(st.multimode("aabbbcccd"), st.mode(["x", "y", "y"]), st.fmean([1, 2, 3.5]), round(st.geometric_mean([1, 10, 100]), 9), st.harmonic_mean([40, 60]))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=4), st.quantiles(range(1, 101), n=10)[:3])
from fractions import Fraction
from decimal import Decimal
print(st.mean([Fraction(1, 3), Fraction(2, 3), Fraction(1, 2)]), st.mean([Decimal("1.1"), Decimal("2.2")]), st.mean([1.5, 2.5, 3]))
x = [1, 2, 3, 4, 5]
y = [2, 4, 5, 4, 5]
print(st.correlation(x, y), st.covariance(x, y), st.linear_regression(x, y))
try:
    st.mean([])
except st.StatisticsError as e:
    print("StatisticsError", e)
try:
    st.stdev([1])
except st.StatisticsError as e:
    print("StatisticsError", e)
nd = st.NormalDist(mu=100, sigma=15)
print(nd, round(nd.cdf(115), 10), round(nd.pdf(100), 10), round(nd.inv_cdf(0.975), 6), nd.mean, nd.stdev)
print(sum([1, 2, 3], 10), sum([0.1] * 3), sum([[1], [2]], []), divmod(17, 5), abs(-7), abs(3 - 4j), pow(2, 8))
print(max([3, 1, 2]), max(3, 1, 2), min("bca"), max([], default=None), max([1, -5, 3], key=abs), min((2, "b"), (2, "a")))
print(round(2.5), round(3.5), round(-2.5), round(2.567, 1), round(1234.5678, -2), round(5, -1))
print(complex(1, 2) * complex(3, -1), (1 + 2j).conjugate(), (3 + 4j).real, abs(3 + 4j), 1j ** 2, complex("1+2j"), (1+2j) / (1-1j))
print(math.gcd(48, 18, 30), math.lcm(4, 6, 10), math.comb(10, 3), math.perm(5), math.isqrt(99), math.prod(range(1, 8)))
print(math.floor(-0.5), math.ceil(-0.5), math.trunc(-0.5), int(-0.5), math.copysign(0, -1), math.remainder(10, 3), math.nextafter(1.0, 2.0), math.ulp(1.0))
print(bin(255).count("1"), (255).bit_length(), (10).to_bytes(2, "big"), int("-0b101", 0), float.fromhex("0x1p-2"))
vals = [3.5, 1.25, 9.0, 4.75]
total = 0.0
for i, v in enumerate(vals, 1):
    total += v
    print(f"running mean after {i}: {total / i:.4f}, median so far: {st.median(vals[:i])}")
