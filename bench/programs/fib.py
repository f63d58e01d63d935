"""Measures recursive function-call overhead with naive Fibonacci."""


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def main() -> None:
    print(fib(34))


if __name__ == "__main__":
    main()
