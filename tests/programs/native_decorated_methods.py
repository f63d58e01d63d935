"""Methods decorated with @property or @staticmethod compiled natively (the decorator wraps the
native function): called from native code and from CPython, on the class and on instances, a
subclass overriding them, replaced at run time, lying arguments, an AttributeError raised inside
a property (which sends CPython to __getattr__), an error's traceback through them; a property
with a setter and a classmethod stay interpreted."""


class Reading:
    def __init__(self, celsius: float, count: int) -> None:
        self.celsius = celsius
        self.count = count

    @property
    def fahrenheit(self) -> float:
        return self.celsius * 9.0 / 5.0 + 32.0

    @property
    def per_count(self) -> float:
        return self.celsius / self.count

    @staticmethod
    def clamp(x: float, lo: float, hi: float) -> float:
        if x < lo:
            return lo
        return hi if x > hi else x

    @staticmethod
    def scaled(n: int) -> int:
        return n * 3 + 1

    @property
    def label(self) -> str:
        return f"{self.celsius}C"

    @label.setter
    def label(self, text: str) -> None:
        self.celsius = float(text.rstrip("C"))

    @classmethod
    def freezing(cls) -> "Reading":
        return cls(0.0, 1)


class Picky(Reading):
    @property
    def missing(self) -> float:
        raise AttributeError("not here")

    def __getattr__(self, name: str) -> str:
        return f"__getattr__({name})"

    @property
    def fahrenheit(self) -> float:
        return -1.0


def fahrenheit_sum(readings: list[Reading]) -> float:
    total = 0.0
    for reading in readings:
        total += reading.fahrenheit + Reading.clamp(reading.celsius, 0.0, 30.0) + reading.clamp(1.0, 2.0, 3.0)
    return total


def attempt(label: str, thunk: object) -> None:
    try:
        print(label, repr(thunk()))  # type: ignore[operator]
    except Exception as error:
        print(label, type(error).__name__, error)


def main() -> None:
    readings = [Reading(20.0, 2), Reading(35.5, 1), Picky(-4.0, 4)]
    attempt("sum", lambda: fahrenheit_sum(readings))
    attempt("from CPython", lambda: (readings[0].fahrenheit, Reading.clamp(50, 0, 10), Reading.scaled(2**70)))
    attempt("lying", lambda: Reading.clamp("b", "a", "c"))  # type: ignore[arg-type]
    attempt("lying int", lambda: Reading.scaled(2.5))  # type: ignore[arg-type]
    attempt("getattr", lambda: Picky(1.0, 1).missing)
    attempt("zero count", lambda: Reading(1.0, 0).per_count)
    attempt("label", lambda: (readings[0].label, Reading.freezing().label))
    readings[0].label = "7.5C"
    attempt("label set", lambda: (readings[0].celsius, readings[0].fahrenheit))
    attempt("descriptors", lambda: (type(Reading.__dict__["fahrenheit"]).__name__,
                                    type(Reading.__dict__["clamp"]).__name__, Reading.clamp.__name__))
    Reading.fahrenheit = property(lambda self: 100.0)  # type: ignore[assignment]
    Reading.clamp = staticmethod(lambda x, lo, hi: -x)  # type: ignore[assignment]
    attempt("replaced", lambda: fahrenheit_sum(readings))
    total = 0.0
    for i in range(3000):
        total += Reading(float(i % 40), 1 + i % 3).per_count + Reading.scaled(i)
    print(total)
    print(Reading(3.0, 0).per_count)


main()
