# algorithms on big integers: fibonacci, factorial digit sums, modular exponentiation, primality, Collatz, base conversion
import math
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
f1000 = fib(1000)
print("fib(300):", fib(300))
print("fib(1000) digits:", len(str(f1000)), "head:", str(f1000)[:20], "mod 1e9+7:", f1000 % (10 ** 9 + 7))
print("digit sum 100!:", sum(map(int, str(math.factorial(100)))), "trailing zeros 100!:", len(str(math.factorial(100))) - len(str(math.factorial(100)).rstrip("0")))
print("2**1000 digit sum:", sum(int(c) for c in str(2 ** 1000)))
def is_probable_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True
for n in [2 ** 61 - 1, 2 ** 64 + 1, 2 ** 89 - 1, 10 ** 18 + 9, 10 ** 18 + 7, 1000000007, 561, 2 ** 127 - 1]:
    print(n, is_probable_prime(n))
def collatz_len(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print("collatz:", [collatz_len(n) for n in (1, 7, 27, 97, 871, 2 ** 100 + 1)])
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, b)
        out.append(digits[r])
    return sign + "".join(reversed(out))
for b in (2, 7, 16, 36):
    s = to_base(-(3 ** 50), b)
    print(b, s, int(s, b) == -(3 ** 50))
def isqrt_newton(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x, y = y, (y + n // y) // 2
    return x
big = 10 ** 100 + 12345
print("isqrt:", isqrt_newton(big) == math.isqrt(big), math.isqrt(big))
print("sqrt(2) to 50 digits:", math.isqrt(2 * 10 ** 100))
def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return "".join(map(str, out))
print("pi:", pi_digits(60))
print("gcd/lcm big:", math.gcd(fib(300), fib(200)), fib(100), math.lcm(2 ** 40, 3 ** 20, 10 ** 10))
print("catalan(50):", math.comb(100, 50) // 51, "bell-ish:", sum(math.comb(30, k) * k ** 3 for k in range(31)))
print("mersenne 2**521-1 mod small:", [(2 ** 521 - 1) % p for p in (3, 7, 31, 127, 8191)])
x = 1
for i in range(1, 40):
    x = x * (2 ** 64 - i) // i if i % 5 else -x * i
print("mixed sign accumulate:", x, x.bit_length(), x < 0)
