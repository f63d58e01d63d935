"""A native function whose `__defaults__` or `__code__` the program sets does what CPython's
would: native callers (unboxed ones call with the literal defaults; boxed ones call its native
code directly) and calls from CPython all see the change."""


def scaled(x: int, k: int = 2) -> int:
    return x * k


def shifted(x: int, k: int = 2) -> int:
    return x + k


def with_default(x: int) -> int:
    return scaled(x)


def with_both(x: int) -> int:
    return scaled(x, 3)


def boxed_caller(x: int) -> int:
    print("boxed_caller", x)
    return scaled(x, 5)


def boxed_default(x: int) -> int:
    print("boxed_default", x)
    return scaled(x)


def main():
    print(with_default(3), with_both(3), boxed_caller(3), boxed_default(3), scaled(3), shifted(3))
    scaled.__defaults__ = (10,)
    print(with_default(3), with_both(3), boxed_caller(3), boxed_default(3), scaled(3))
    scaled.__code__ = shifted.__code__
    print(with_default(3), with_both(3), boxed_caller(3), boxed_default(3), scaled(3))
    print(scaled.__defaults__, scaled.__name__, scaled.__code__.co_name)


main()
