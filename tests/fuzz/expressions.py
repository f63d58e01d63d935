"""Random typed expressions (int, float, bool, str) that mypy accepts and CPython runs quickly.

Literals favour the edges where native code and CPython could part: the i64 limits and one past
them, big ints, signed zeros, inf and nan, the largest and the tiniest floats. Operators are the
ones the native core compiles, with operands that keep results small enough to print: powers and
shifts take literal exponents, and inside loops `*`, `**` and `<<` are left out so a value cannot
square itself a few dozen times. Boxed functions also get str methods, conversions that raise
(`int("xyz")`, `ord("ab")`, `"a"[5]`, `round(nan)`) and the math functions the native core calls
through CPython; their string arguments never contain what they replace, so no string grows in a loop.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

INT_EDGES = ("9223372036854775807", "(-9223372036854775808)", "9223372036854775808", "(-9223372036854775809)",
             "4611686018427387904", "2147483648", "(-2147483649)", "18446744073709551616", "(10 ** 20)",
             "(-(2 ** 100))", "9007199254740993")
SMALL_INTS = tuple(str(n) if n >= 0 else f"({n})" for n in (-7, -3, -2, -1, 0, 1, 2, 3, 5, 10, 17, 100))
FLOAT_EDGES = ("1e309", "(-1e309)", "(1e309 - 1e309)", "(-0.0)", "0.0", "1e308", "(-1e308)", "5e-324",
               "2.2250738585072014e-308", "1.7976931348623157e308", "9.223372036854776e18", "1e16", "(-2.5)")
SMALL_FLOATS = ("0.5", "1.5", "(-1.5)", "0.1", "3.0", "(-7.25)", "2.0", "1.0")
STRINGS = ('""', '"a"', '"xyz"', '"héllo"', '"-12"', '" 3 "', '("ab" * 3)', '"nan"', '"1_0"', '"ß"', '"-0.0"')
#: what `replace` swaps: no replacement contains a replaced text
REPLACED, REPLACEMENTS = ('"a"', '"l"', '"1"', '" "'), ('""', '"_"', '"A"', '"é"')
NONZERO_INTS = ("(-7)", "(-3)", "(-2)", "2", "3", "5", "10", "17")
NONZERO_FLOATS = ("0.5", "1.5", "(-1.5)", "3.0", "(-7.25)", "1e-300")
INT_OPS = ("+", "-", "*", "//", "%", "<<", ">>", "&", "|", "^", "**")
LOOP_INT_OPS = ("+", "-", "//", "%", ">>", "&", "|", "^")
FLOAT_OPS = ("+", "-", "*", "/", "//", "%")
COMPARISONS = ("<", "<=", "==", "!=", ">", ">=")
#: values of another type than a hint says, passed through the untyped `lie` so mypy lets them in
LIES = {"int": ("2.5", '"7"', "True", "(2 ** 64)", "(1e309 - 1e309)"), "float": ("3", "(2 ** 80)", '"x"', "False"),
        "bool": ("2", "0.0", '""'), "str": ("5", "None"),
        "Cell": ("None", "3", 'Cell(lie("7"), lie(3), lie(2), lie(None))', "Cell(lie(2.5), lie(2 ** 80), lie(0.0), lie(5))")}
#: instances of the prelude's classes a Cell parameter may be given: the shared one, fresh ones,
#: and one of a subclass that overrides a method
CELLS = ("CELL", "CELL", 'Cell(2, -1.5, False, "x")', 'Odd(3, 2.5, True, "")')
#: what an expression may read of a Cell parameter named NAME, by type: fields and method calls
CELL_PARTS = {"i": "int", "f": "float", "b": "bool", "s": "str", "total()": "float", "flag()": "bool"}


@dataclass(frozen=True)
class Signature:
    """A function another function may call: its name, parameter types, return type and cost."""

    name: str
    params: tuple[str, ...]
    returns: str
    cost: int
    #: typed, and free of str, print and try: a function that stays unboxed may call it
    unboxed: bool


@dataclass
class Scope:
    """What an expression may use: typed names, callable functions, whether str and boxed-only
    constructs are allowed, and whether it sits inside a loop."""

    rng: random.Random
    names: dict[str, str]
    callees: list[Signature]
    boxed: bool
    loop_depth: int = 0
    call_budget: int = 400
    calls_made: list[str] = field(default_factory=list)

    def names_of(self, kind: str) -> list[str]:
        return [name for name, declared in self.names.items() if declared == kind]


def expression(scope: Scope, kind: str, depth: int = 3) -> str:
    """An expression of type `kind` ("int", "float", "bool", "str" or "Cell")."""
    makers = {"int": _int_expression, "float": _float_expression, "bool": _bool_expression, "str": _str_expression,
              "Cell": _cell_expression}
    return makers[kind](scope, depth)


def _cell_expression(scope: Scope, depth: int) -> str:
    return _leaf(scope, "Cell", CELLS)


def _leaf(scope: Scope, kind: str, literals: tuple[str, ...]) -> str:
    names = scope.names_of(kind)
    if names and scope.rng.random() < 0.6:
        return scope.rng.choice(names)
    return scope.rng.choice(literals)


def int_literal(rng: random.Random) -> str:
    return rng.choice(INT_EDGES if rng.random() < 0.2 else SMALL_INTS)


def float_literal(rng: random.Random) -> str:
    return rng.choice(FLOAT_EDGES if rng.random() < 0.2 else SMALL_FLOATS)


def _int_expression(scope: Scope, depth: int) -> str:
    rng = scope.rng
    if depth <= 0 or rng.random() < 0.25:
        return _leaf(scope, "int", INT_EDGES if rng.random() < 0.15 else SMALL_INTS)
    choice = rng.randrange(10)
    sub = depth - 1
    if choice <= 2:
        operator = rng.choice(LOOP_INT_OPS if scope.loop_depth else INT_OPS)
        if operator in ("<<", ">>"):
            return f"({_int_expression(scope, sub)} {operator} {rng.choice((0, 1, 3, 31, 62, 63, 64, 65))})"
        if operator == "**":
            return f"({_int_expression(scope, sub)} ** {rng.randrange(5)})"
        return f"({_int_expression(scope, sub)} {operator} {_divisor(scope, operator, 'int', sub)})"
    if choice == 3:
        return f"(-{_int_expression(scope, sub)})" if rng.random() < 0.7 else f"(~{_int_expression(scope, sub)})"
    if choice == 4:
        function = rng.choice(("min", "max", "abs"))
        if function == "abs":
            return f"abs({_int_expression(scope, sub)})"
        return f"{function}({_int_expression(scope, sub)}, {_int_expression(scope, sub)})"
    if choice == 5:
        converter = rng.choice(("int", "math.floor", "math.ceil"))
        return f"{converter}({_float_expression(scope, sub)})"
    if choice == 6:
        return f"({_int_expression(scope, sub)} if {_bool_expression(scope, sub)} else {_int_expression(scope, sub)})"
    if choice == 7 and scope.boxed:
        return _boxed_only(scope, "int", sub)
    return call(scope, "int", sub) or _leaf(scope, "int", SMALL_INTS)


def _float_expression(scope: Scope, depth: int) -> str:
    rng = scope.rng
    if depth <= 0 or rng.random() < 0.25:
        return _leaf(scope, "float", FLOAT_EDGES if rng.random() < 0.15 else SMALL_FLOATS)
    choice = rng.randrange(10)
    sub = depth - 1
    if choice <= 2:
        left = _float_expression(scope, sub) if rng.random() < 0.7 else _int_expression(scope, sub)
        operator = rng.choice(FLOAT_OPS)
        return f"({left} {operator} {_divisor(scope, operator, 'float', sub)})"
    if choice == 3:
        return f"({_int_expression(scope, sub)} / {_divisor(scope, '/', 'int', sub)})"
    if choice == 4:
        function = rng.choice(("min", "max", "abs", "math.sqrt"))
        if function == "abs":
            return f"abs({_float_expression(scope, 0)})"
        if function == "math.sqrt":
            return f"math.sqrt({_float_expression(scope, sub)})"
        return f"{function}({_float_expression(scope, sub)}, {_float_expression(scope, sub)})"
    if choice == 5:
        return f"float({_int_expression(scope, sub)})"
    if choice == 6:
        return f"({_float_expression(scope, sub)} if {_bool_expression(scope, sub)} else {_float_expression(scope, sub)})"
    if choice == 7 and not scope.loop_depth:
        return f"({_float_expression(scope, sub)} ** {rng.choice((-1, 0, 1, 2))})"
    if choice == 8:
        return f"(-{_float_expression(scope, sub)})" if not scope.boxed or rng.random() < 0.5 else _boxed_only(scope, "float", sub)
    return call(scope, "float", sub) or _leaf(scope, "float", SMALL_FLOATS)


def _divisor(scope: Scope, operator: str, kind: str, depth: int) -> str:
    """The right operand of a binary operator: mostly a nonzero literal for a division, so that
    ZeroDivisionError is tested without ending most functions early."""
    if operator in ("/", "//", "%") and scope.rng.random() < 0.6:
        return scope.rng.choice(NONZERO_INTS if kind == "int" else NONZERO_FLOATS)
    return expression(scope, kind, depth)


def _bool_expression(scope: Scope, depth: int) -> str:
    rng = scope.rng
    if depth <= 0 or rng.random() < 0.15:
        return _leaf(scope, "bool", ("True", "False"))
    choice = rng.randrange(8)
    sub = depth - 1
    if choice <= 3:
        kinds = rng.choice((("int", "int"), ("float", "float"), ("int", "float"), ("float", "int")))
        if scope.boxed and rng.random() < 0.15:
            kinds = ("str", "str")
        left, right = (expression(scope, kind, sub) for kind in kinds)
        return f"({left} {rng.choice(COMPARISONS)} {right})"
    if choice == 4:
        return f"(not {_bool_expression(scope, sub)})"
    if choice == 5:
        return f"({_bool_expression(scope, sub)} {rng.choice(('and', 'or'))} {_bool_expression(scope, sub)})"
    if choice == 6:
        middle = _int_expression(scope, sub)
        return f"({_int_expression(scope, 0)} <= {middle} < {_int_expression(scope, 0)})"
    if choice == 7 and scope.boxed and rng.random() < 0.6:
        return _boxed_only(scope, "bool", sub)
    return call(scope, "bool", sub) or _leaf(scope, "bool", ("True", "False"))


def _str_expression(scope: Scope, depth: int) -> str:
    rng = scope.rng
    if depth <= 0 or rng.random() < 0.3:
        return _leaf(scope, "str", STRINGS)
    choice = rng.randrange(9)
    sub = depth - 1
    if choice >= 7:
        return _boxed_only(scope, "str", sub)
    if choice == 0:
        return f"({_str_expression(scope, sub)} + {_str_expression(scope, sub)})"
    if choice == 1:
        return f"str({_int_expression(scope, sub)})"
    if choice == 2:
        return f"repr({_float_expression(scope, sub)})"
    if choice == 3:
        return f"{_str_expression(scope, 0)}[{rng.randrange(-3, 3)}:{rng.randrange(-2, 5)}]"
    if choice == 4:
        return f"{_str_expression(scope, 0)}.{rng.choice(('upper', 'strip', 'lower'))}()"
    if choice == 5:
        return f"f'<{{{_int_expression(scope, 0)}}}|{{{_float_expression(scope, 0)}!r}}>'"
    return call(scope, "str", sub) or _leaf(scope, "str", STRINGS)


def _boxed_only(scope: Scope, kind: str, depth: int) -> str:
    """An expression of `kind` that only boxed code can hold: a str method or a builtin or math
    function the native core calls through CPython, many of them raising on edge inputs."""
    rng = scope.rng

    def of(operand_kind: str, operand_depth: int = depth) -> str:
        return expression(scope, operand_kind, operand_depth)

    makers: dict[str, tuple[Callable[[], str], ...]] = {
        "int": (lambda: f"len({of('str')})", lambda: f"{of('str', 0)}.find({of('str', 0)})",
                lambda: f"int({of('str', 0)})", lambda: f"ord({of('str', 0)})", lambda: f"round({of('float')})",
                lambda: f"({of('int', 0)}).bit_length()", lambda: f"math.trunc({of('float')})",
                lambda: f"pow({of('int', 0)}, {rng.randrange(-1, 40)}, {rng.choice(NONZERO_INTS + ('0',))})"),
        "float": (lambda: f"float({of('str', 0)})", lambda: f"round({of('float')}, {rng.randrange(-2, 4)})",
                  lambda: f"math.fmod({of('float')}, {of('float', 0)})",
                  lambda: f"math.copysign({of('float')}, {of('float', 0)})"),
        "bool": (lambda: f"({of('str', 0)} in {of('str', 0)})", lambda: f"{of('str', 0)}.startswith({of('str', 0)})",
                 lambda: f"math.isnan({of('float')})", lambda: f"math.isinf({of('float')})",
                 lambda: f"({of('float', 0)}).is_integer()", lambda: f"{of('str', 0)}.isdigit()"),
        "str": (lambda: f"{of('str', 0)}.replace({rng.choice(REPLACED)}, {rng.choice(REPLACEMENTS)})",
                lambda: f"{of('str', 0)}[{rng.randrange(-4, 4)}]", lambda: f"chr({rng.randrange(32, 0x250)})",
                lambda: f"{rng.choice(('hex', 'bin', 'oct'))}({of('int')})", lambda: f"({of('float', 0)}).hex()",
                lambda: f"format({of('float')}, {rng.choice(('.3g', '.2f', '+.1e', '>9'))!r})",
                lambda: f"{of('str', 0)}.{rng.choice(('title', 'swapcase', 'casefold'))}()",
                lambda: f"({of('str', 0)} * {rng.randrange(-1, 4)})" if not scope.loop_depth else f"{of('str', 0)}.lstrip('x')"),
    }
    return rng.choice(makers[kind])()


def call(scope: Scope, kind: str, depth: int) -> str | None:
    """A call to an earlier function returning `kind`, if one fits the call budget."""
    multiplier = 8 ** scope.loop_depth
    fitting = [callee for callee in scope.callees
               if callee.returns == kind and callee.cost * multiplier <= scope.call_budget
               and (scope.boxed or callee.unboxed)]
    if not fitting:
        return None
    callee = scope.rng.choice(fitting)
    scope.call_budget -= callee.cost * multiplier
    scope.calls_made.append(callee.name)
    arguments = ", ".join(_argument(scope, param, min(depth, 1)) for param in callee.params)
    return f"{callee.name}({arguments})"


def _argument(scope: Scope, kind: str, depth: int) -> str:
    """Mostly an honest argument; in boxed code sometimes a lie, so a value of the wrong type
    reaches a typed callee from native code, not only from the interpreter."""
    if scope.boxed and scope.rng.random() < 0.08:
        return f"lie({scope.rng.choice(LIES[kind])})"
    return expression(scope, kind, depth)
