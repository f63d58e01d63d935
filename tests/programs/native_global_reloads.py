"""A native function's fast version reads an int global once while no Python code can run
between its loads, and again after anything that can run Python code: a call, a print
through a stdout that writes globals, an object released."""

import sys

G: int = 3
H: int = 5


def bump():
    global G
    G += 1


def bump_to_big():
    global G
    G = 2**70


class Recorder:
    """A stdout that rebinds H on every write."""

    def __init__(self, real):
        self.real = real

    def write(self, text):
        global H
        H += 100
        return self.real.write(text)

    def flush(self):
        self.real.flush()


def same_expression(n: int) -> int:
    total: int = 0
    for k in range(n):
        total += G * G + G * k + (G ^ k)
    print("same_expression", n)
    return total


def around_a_call(n: int) -> int:
    total: int = 0
    for k in range(n):
        a: int = G
        bump()
        b: int = G
        total = total * 7 + a * 10 + b + k
    return total


def around_a_print(n: int) -> int:
    total: int = 0
    for k in range(n):
        a: int = H
        print("step", k)
        total += a + H
    return total


def into_a_big_int(n: int) -> int:
    total: int = 0
    for k in range(n):
        a: int = G
        if k == 2:
            bump_to_big()
        total += a + G
    return total


print(same_expression(10))
print(around_a_call(5), G)
real = sys.stdout
sys.stdout = Recorder(real)
result = around_a_print(3)
sys.stdout = real
print(result, H)
print(into_a_big_int(4), G)
