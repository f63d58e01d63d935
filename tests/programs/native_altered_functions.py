"""A native function whose `__defaults__` or `__code__` the program sets does what CPython's
would: native callers (unboxed ones call with the literal defaults; boxed ones call its native
code directly) and calls from CPython all see the change; so do the method call sites that
bound a native method before its code was set (on its class and on a subclass)."""


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


class Meter:
    def __init__(self, base: int) -> None:
        self.base = base

    def reading(self, x: int) -> int:
        return self.base + x


class FineMeter(Meter):
    pass


def doubled_reading(self: Meter, x: int) -> int:
    return 2 * (self.base + x)


def read_all(meters: list[Meter], x: int) -> int:
    total = 0
    for meter in meters:
        total += meter.reading(x)
    return total


def main():
    print(with_default(3), with_both(3), boxed_caller(3), boxed_default(3), scaled(3), shifted(3))
    scaled.__defaults__ = (10,)
    print(with_default(3), with_both(3), boxed_caller(3), boxed_default(3), scaled(3))
    scaled.__code__ = shifted.__code__
    print(with_default(3), with_both(3), boxed_caller(3), boxed_default(3), scaled(3))
    print(scaled.__defaults__, scaled.__name__, scaled.__code__.co_name)
    meters = [Meter(1), FineMeter(10), Meter(100)]
    print(read_all(meters, 1), read_all(meters, 2))
    print(doubled_reading(Meter(2), 3))
    Meter.reading.__code__ = doubled_reading.__code__
    print(read_all(meters, 1), read_all(meters, 2), Meter(5).reading(1), FineMeter(7).reading(1))


main()
