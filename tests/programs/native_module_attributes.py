"""Module attributes read by native code come from a cache kept while the module's dict is
unchanged (as CPython's LOAD_ATTR_MODULE): a rebound, deleted or added attribute, a module
__getattr__, a module of a subclass, the module type's own attributes and another module under
the same name all give CPython's answer."""
import math
import types
from typing import Any

fake: Any = types.ModuleType("fake")
fake.value = 1


class Loud(types.ModuleType):
    def __getattribute__(self, name: str) -> Any:
        return "loud " + name


loud: Any = Loud("loud")


def read_value() -> int:
    return fake.value  # type: ignore[no-any-return]


def read_pi() -> float:
    return math.pi


def read_loud() -> str:
    return loud.anything  # type: ignore[no-any-return]


def read_name() -> str:
    return fake.__name__  # type: ignore[no-any-return]


def read_dict_size() -> int:
    return len(fake.__dict__)


def main() -> None:
    print(read_value(), read_value())
    fake.value = 2
    print(read_value())
    del fake.value
    try:
        read_value()
    except AttributeError as error:
        print("AttributeError:", error)
    fake.__getattr__ = lambda name: name + "!"
    print(read_value())
    fake.value = 3
    print(read_value(), read_name(), read_dict_size())
    print(read_pi())
    math.pi = 3
    print(read_pi())
    math.pi = 3.141592653589793
    print(read_pi(), read_loud(), read_loud())
    other: Any = types.ModuleType("other")
    other.value = 10
    globals()["fake"] = other
    print(read_value(), read_name(), read_dict_size())


if __name__ == "__main__":
    main()
