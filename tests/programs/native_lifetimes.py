"""Boxed native functions hold references exactly as long as CPython: sys.getrefcount of an
argument and of a loop variable inside a typed function equals CPython's, a call's unused
result dies at the end of its statement, and temporaries (an object whose attribute is read,
a call's arguments) die as soon as the operation that takes them is done."""

import sys


class Noisy(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name

    def __del__(self) -> None:
        print("  del", self.name)


def make(name):
    return Noisy(name)


def show(part):
    print("  show", part)
    return part


def things():
    return THINGS


def count_argument(thing: Noisy) -> int:
    return sys.getrefcount(thing)


def count_loop_variables(repeat: int) -> str:
    counts = ""
    for thing in things():
        counts += " " + str(sys.getrefcount(thing))
    for thing in reversed(things()):
        counts += " " + str(sys.getrefcount(thing))
    for thing in things():
        for again in things():
            counts += " " + str(sys.getrefcount(thing)) + "/" + str(sys.getrefcount(again))
    return counts


def unused_results(label: str) -> None:
    make(label + " unused")
    print("  after the unused result")
    show(make(label + " argument").name)
    print("  after the call")
    length = len(make(label + " attribute").name) + len(make(label + " second").name)
    print("  length", length)
    if make(label + " condition").name:
        print("  in the branch")
    kept = make(label + " kept")
    print("  end of function")


def replaced(label: str) -> int:
    current = make(label + " first")
    current = make(label + " second")
    print("  replaced")
    return len(current.name)


thing = Noisy("argument")
print("argument", count_argument(thing), sys.getrefcount(thing))
THINGS = [Noisy("a"), Noisy("b")]
print("loop variables", count_loop_variables(1))
print("unused results")
unused_results("t")
print("returned")
print("replaced")
print(replaced("r"))
print("returned")
del THINGS
print("end")
