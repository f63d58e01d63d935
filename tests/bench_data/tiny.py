"""A tiny benchmark for the harness's own test: sums squares."""


def sum_squares(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i
    return total


if __name__ == "__main__":
    print(sum_squares(1000))
