"""Native control flow: loops, break/continue, range steps, and/or/not, conditional expressions."""


def collatz_length(n: int) -> int:
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def range_sum_up(start: int, stop: int) -> int:
    total = 0
    for i in range(start, stop, 3):
        if i % 7 == 3:
            continue
        if i > 1000:
            break
        total += i * i
    return total


def range_sum_down(start: int, stop: int) -> int:
    total = 0
    for i in range(start, stop, -4):
        total = total * 3 + i
    return total


def stepped(start: int, stop: int, step: int) -> int:
    total = 0
    for i in range(start, stop, step):
        total = total * 7 + i
    return total


def power_table(base: int, limit: int) -> int:
    total = 0
    for exponent in range(limit):
        total += base ** exponent
    return total


def logic(a: int, b: int) -> bool:
    return (a > 0 and b > 0) or (not a and b < 0)


def classify(x: float) -> int:
    if x < -1.0:
        return -2
    elif x < 0.0:
        return -1
    elif x == 0.0:
        return 0
    return 1


def count_primes(limit: int) -> int:
    count = 0
    for n in range(2, limit):
        d = 2
        prime = True
        while d * d <= n:
            if n % d == 0:
                prime = False
                break
            d += 1
        if prime:
            count += 1
    return count


def factorial(n: int) -> int:
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


def fourth_powers(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i * i * i
    return total


print([collatz_length(n) for n in range(1, 30)], collatz_length(837799))
for start, stop in [(0, 50), (100, -5), (5, 5), (-20, 20), (0, 3000), (2**63 - 10, 2**63 - 1)]:
    print(start, stop, range_sum_up(start, stop), range_sum_down(stop, start))
for args in [(0, 50, 5), (50, 0, -7), (0, 10, -1), (10, 0, 1), (-5, 5, 1), (3, 1000, 97), (0, 3, 0)]:
    try:
        print(args, stepped(*args))
    except ValueError as error:
        print(args, "ValueError", error)
print([power_table(b, 10) for b in (-3, 0, 2, 7)], power_table(3, 50), power_table(2, 70))
print([logic(a, b) for a in (-1, 0, 1) for b in (-1, 0, 1)])
print([classify(x) for x in (-5.0, -0.5, -0.0, 0.0, 2.0, float("nan"))])
print(count_primes(2000), factorial(20), factorial(21), factorial(30), fourth_powers(100000))
