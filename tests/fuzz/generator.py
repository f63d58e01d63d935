"""Seeded generator of small, valid, typed Python programs; the same seed gives the same program.

A program is typed module globals, a batch of functions (each calling only earlier ones, so
there is no recursion and the cost stays bounded), and a driver that calls every function in
its own try/except and prints the result's repr or the exception, then the globals. Some calls
lie about the hints (a float, str or big int where int is declared) through an untyped helper,
some functions are untyped, and some globals are set to a value their hint does not allow.
Functions are scalar-only (int/float/bool, which native code may compile closed: a fast
version that runs no Python code) or "boxed" (may also print, use str, try/except and raise,
and take an instance of the prelude's class, whose fields they read and write and whose methods,
overridden in a subclass, they call),
so both shapes of native code are exercised. Handlers may re-raise or raise another exception
(`from` the caught one), so exceptions cross typed and untyped callers; some programs end with a
call that is not caught, so the traceback through native frames is compared too.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from tests.fuzz.expressions import (CELL_PARTS, CELLS, LIES, STRINGS, Scope, Signature, call, expression,
                                    float_literal, int_literal)

SCALARS = ("int", "float", "bool")
#: what handlers catch: raised classes, their bases, a tuple, and the prelude's own class
CAUGHT = ("ZeroDivisionError", "ValueError", "OverflowError", "ArithmeticError", "Exception", "LookupError",
          "TypeError", "FuzzError", "(IndexError, ZeroDivisionError)")
RAISED = ("ZeroDivisionError", "ValueError", "OverflowError", "FuzzError", "IndexError")
GLOBAL_INITIAL = {"int": "7", "float": "0.5", "bool": "True", "str": '"g"'}

PRELUDE = '''import math
import sys


def check(label, thunk):
    try:
        print(label, repr(thunk()))
    except Exception as error:
        print(label, "raised", type(error).__name__, error)
    print("  globals", {globals_shown})


def lie(value):
    return value


def set_global(name, value):
    globals()[name] = value


class FuzzError(ValueError):
    """Raised by generated functions; caught as itself, as ValueError or as Exception."""


class Cell:
    """What boxed functions may take: its fields are read and written, its methods called."""

    def __init__(self, i: int, f: float, b: bool, s: str) -> None:
        self.i = i
        self.f = f
        self.b = b
        self.s = s

    def total(self) -> float:
        return self.i + self.f

    def flag(self) -> bool:
        return self.b or not self.s


class Odd(Cell):
    def total(self) -> float:
        return self.f - self.i


CELL = Cell(3, 0.5, True, "c")
'''


@dataclass(frozen=True)
class Program:
    origin: str  # "seed N", or what else made the choices
    source: str
    #: names of the generated functions with full annotations (the ones expected to be native)
    typed_functions: tuple[str, ...]


class _FunctionWriter:
    """Writes one function's lines, tracking which names hold which type."""

    def __init__(self, rng: random.Random, name: str, callees: list[Signature],
                 global_types: dict[str, str], boxed: bool, typed: bool, recursive: bool) -> None:
        self.rng, self.name, self.boxed, self.typed, self.recursive = rng, name, boxed, typed, recursive
        kinds = (*SCALARS, "str") if boxed else SCALARS
        self.params = tuple((f"p{index}", rng.choice(kinds)) for index in range(rng.randrange(4)))
        if recursive:  # n counts down to the base case; the body never assigns it
            self.params = (("n", "int"), *self.params[:2])
        elif boxed and rng.random() < 0.4:  # an instance of a class of the program
            self.params = (*self.params[:2], ("c0", "Cell"))
        self.returns = rng.choice(kinds)
        # a `global` of a str global keeps a function out of native code altogether: only scalars are written
        scalar_globals = sorted(name for name, kind in global_types.items() if kind != "str")
        self.written_globals = rng.sample(scalar_globals, k=rng.choice((0, 0, 1, 2)))
        readable = {name: kind for name, kind in global_types.items() if boxed or kind != "str"}
        cells = [name for name, kind in self.params if kind == "Cell"]
        parts = {f"{cell}.{part}": kind for cell in cells for part, kind in CELL_PARTS.items()}
        self.scope = Scope(rng, {**readable, **dict(self.params), **parts}, callees, boxed)
        self.assignable = {name: kind for name, kind in self.params if name != "n" and kind != "Cell"} \
            | {name: global_types[name] for name in self.written_globals} \
            | {name: kind for name, kind in parts.items() if not name.endswith(")")}
        self.lines: list[str] = []
        self.counters = 0
        self.statement_cost = 0

    def annotation(self, kind: str) -> str:
        return f": {kind}" if self.typed else ""

    def write(self) -> tuple[str, Signature]:
        params = ", ".join(f"{name}{self.annotation(kind)}" for name, kind in self.params)
        returns = f" -> {self.returns}" if self.typed else ""
        self.lines.append(f"def {self.name}({params}){returns}:")
        if self.written_globals:
            self.lines.append(f"    global {', '.join(self.written_globals)}")
        if self.recursive and self.returns == "int" and self.rng.random() < 0.5:
            # a base case first, of the form fast callers test inline (codegen/early_returns.py)
            self.emit(1, f"if n {self.rng.choice(('<', '<=', '=='))} {self.rng.choice((0, 1, 2))}:")
            self.emit(2, f"return {self.rng.choice(('n', str(self.rng.randrange(-3, 4))))}")
        for index in range(self.rng.randrange(1, 4)):
            kind = self.rng.choice((*SCALARS, "str") if self.boxed else SCALARS)
            local = f"v{index}"
            self.lines.append(f"    {local}{self.annotation(kind)} = {expression(self.scope, kind, 2)}")
            self.scope.names[local] = kind
            self.assignable[local] = kind
        if self.recursive:
            # depth stays far below the recursion limit (see tests/programs/fuzz_recursion_message.py),
            # also when a lie makes n a nan, for which `n <= 0 or n > 40` is false at every depth
            self.emit(1, "if not 0 < n <= 40:")
            self.emit(2, f"return {expression(self.scope, self.returns, 2)}")
        self.block(1, self.rng.randrange(2, 7))
        self.lines.append(f"    return {self.recursive_call() if self.recursive else expression(self.scope, self.returns)}")
        cost = (10 + self.statement_cost + (400 - self.scope.call_budget)) * (20 if self.recursive else 1)
        return "\n".join(self.lines) + "\n", Signature(self.name, tuple(kind for _, kind in self.params), self.returns, cost,
                                                      unboxed=self.typed and not self.boxed)

    def recursive_call(self) -> str:
        """The self-call that ends a recursive function: in tail position (which the compiler turns
        into a loop) or inside arithmetic."""
        arguments = "".join(f", {expression(self.scope, kind, 1)}" for _, kind in self.params[1:])
        call = f"{self.name}(n - {self.rng.choice((1, 1, 2))}{arguments})"
        if self.returns in ("int", "float") and self.rng.random() < 0.4:
            return f"{expression(self.scope, self.returns, 1)} {self.rng.choice(('+', '-'))} {call}"
        return call

    def block(self, indent: int, count: int) -> None:
        for _ in range(count):
            self.statement(indent)

    def emit(self, indent: int, text: str) -> None:
        self.lines.append("    " * indent + text)
        self.statement_cost += 8 ** self.scope.loop_depth

    def statement(self, indent: int) -> None:
        rng, nested = self.rng, indent < 3
        options = ["assign", "assign", "swap", "augment", "return"]
        options += ["if", "for", "while"] if nested else []
        options += ["exit"] if self.scope.loop_depth else []
        options += ["print", "try", "raise", "assert", "list"] if self.boxed else []
        options += ["call"] if self.scope.callees else []
        getattr(self, f"_{rng.choice(options)}")(indent)

    def _assign(self, indent: int) -> None:
        target = self.rng.choice(sorted(self.assignable))
        self.emit(indent, f"{target} = {expression(self.scope, self.assignable[target])}")

    def _swap(self, indent: int) -> None:
        """Two targets assigned at once, each value computed before either is stored."""
        targets = sorted(self.assignable)
        if len(targets) < 2:
            return self._assign(indent)
        first, second = self.rng.sample(targets, 2)
        values = ", ".join(expression(self.scope, self.assignable[target], 2) for target in (first, second))
        self.emit(indent, f"{first}, {second} = {values}")

    def _augment(self, indent: int) -> None:
        targets = [name for name, kind in self.assignable.items() if kind != "bool"]
        if not targets:
            return self._assign(indent)
        target = self.rng.choice(sorted(targets))
        kind = self.assignable[target]
        operators = {"int": ["+=", "-=", "//=", "%=", "|=", "^="], "float": ["+=", "-=", "/=", "%="], "str": ["+="]}[kind]
        if not self.scope.loop_depth and kind != "str":
            operators.append("*=")
        value_kind = kind if kind != "float" or self.rng.random() < 0.7 else "int"
        self.emit(indent, f"{target} {self.rng.choice(operators)} {expression(self.scope, value_kind, 2)}")

    def _return(self, indent: int) -> None:
        self.emit(indent, f"if {expression(self.scope, 'bool', 2)}:")
        self.emit(indent + 1, f"return {expression(self.scope, self.returns, 2)}")

    def _if(self, indent: int) -> None:
        self.emit(indent, f"if {expression(self.scope, 'bool')}:")
        self.block(indent + 1, self.rng.randrange(1, 3))
        if self.rng.random() < 0.3:
            self.emit(indent, f"elif {expression(self.scope, 'bool')}:")
            self.block(indent + 1, 1)
        if self.rng.random() < 0.5:
            self.emit(indent, "else:")
            self.block(indent + 1, self.rng.randrange(1, 3))

    def _for(self, indent: int) -> None:
        variable = f"i{self.counters}"
        self.counters += 1
        bounds = self.rng.choice((f"{self.rng.randrange(8)}", f"{self.rng.randrange(-3, 3)}, {self.rng.randrange(8)}",
                                  f"{self.rng.randrange(8)}, {self.rng.randrange(-3, 2)}, -{self.rng.randrange(1, 3)}",
                                  f"min({expression(self.scope, 'int', 1)}, 6)"))
        self.emit(indent, f"for {variable} in range({bounds}):")
        self.loop_body(indent + 1, variable)
        self.loop_else(indent)

    def _while(self, indent: int) -> None:
        """A counted `while`, or a `while True` that a break at the top of its body ends."""
        counter = f"w{self.counters}"
        self.counters += 1
        self.lines.insert(1 + bool(self.written_globals), f"    {counter}{self.annotation('int')} = 0")
        self.emit(indent, f"{counter} = 0")
        limit = self.rng.randrange(1, 8)
        if self.rng.random() < 0.3:
            self.emit(indent, "while True:")
            self.emit(indent + 1, f"{counter} += 1")
            self.emit(indent + 1, f"if {counter} > {limit}:")
            self.emit(indent + 2, "break")
        else:
            condition = f" and {expression(self.scope, 'bool', 1)}" if self.rng.random() < 0.5 else ""
            self.emit(indent, f"while {counter} < {limit}{condition}:")
            self.emit(indent + 1, f"{counter} += 1")
        self.loop_body(indent + 1, counter)
        self.loop_else(indent)

    def loop_else(self, indent: int) -> None:
        """Sometimes an else clause: it runs unless the loop was left by `break`."""
        if self.rng.random() < 0.25:
            self.emit(indent, "else:")
            self.block(indent + 1, 1)

    def loop_body(self, indent: int, variable: str) -> None:
        self.scope.loop_depth += 1
        self.scope.names[variable] = "int"
        self.block(indent, self.rng.randrange(1, 4))
        del self.scope.names[variable]
        self.scope.loop_depth -= 1

    def _exit(self, indent: int) -> None:
        self.emit(indent, f"if {expression(self.scope, 'bool', 2)}:")
        self.emit(indent + 1, self.rng.choice(("break", "continue")))

    def _print(self, indent: int) -> None:
        values = ", ".join(expression(self.scope, self.rng.choice((*SCALARS, "str")), 1)
                           for _ in range(self.rng.randrange(1, 4)))
        stream = ", file=sys.stderr" if self.rng.random() < 0.2 else ""
        self.emit(indent, f'print("{self.name}:", {values}{stream})')

    def _try(self, indent: int) -> None:
        """try with except clauses (and else), with a finally clause, or both."""
        self.emit(indent, "try:")
        self.block(indent + 1, self.rng.randrange(1, 3))
        handlers = self.rng.choice((0, 1, 1, 1, 2))
        for _ in range(handlers):
            self.handler(indent)
        if handlers and self.rng.random() < 0.4:
            self.emit(indent, "else:")
            self.block(indent + 1, 1)
        if not handlers or self.rng.random() < 0.3:
            self.emit(indent, "finally:")
            self.emit(indent + 1, f'print("{self.name} finally")')
            self.block(indent + 1, self.rng.randrange(0, 2))

    def handler(self, indent: int) -> None:
        """An except clause that reports what it caught, then may go on, re-raise it, or raise
        another exception from it."""
        error = f"e{self.counters}"
        self.counters += 1
        self.emit(indent, f"except {self.rng.choice(CAUGHT)} as {error}:")
        self.emit(indent + 1, f'print("{self.name} caught", type({error}).__name__, {error})')
        ending = self.rng.random()
        if ending < 0.4:
            self.block(indent + 1, 1)
        elif ending < 0.55:
            self.emit(indent + 1, f"if {expression(self.scope, 'bool', 1)}:")
            self.emit(indent + 2, "raise")
        elif ending < 0.65:
            self.emit(indent + 1, f"{self.raise_statement()} from {error}")

    def raise_statement(self) -> str:
        kind = self.rng.choice(("int", "float", "str"))
        return f'raise {self.rng.choice(RAISED)}("{self.name} " + str({expression(self.scope, kind, 1)}))'

    def _assert(self, indent: int) -> None:
        self.emit(indent, f"assert {expression(self.scope, 'bool', 2)}, {expression(self.scope, 'str', 1)}")

    def _raise(self, indent: int) -> None:
        self.emit(indent, f"if {expression(self.scope, 'bool', 2)}:")
        self.emit(indent + 1, self.raise_statement())

    def _list(self, indent: int) -> None:
        """A list of one scalar type, then its items stored, read, updated, appended and iterated
        over, at indices that may be negative or out of range (IndexError), with values whose
        type may lie (a parameter's)."""
        rng, kind = self.rng, self.rng.choice(SCALARS)
        name, item = f"l{self.counters}", f"x{self.counters}"
        self.counters += 1
        items = ", ".join(expression(self.scope, kind, 1) for _ in range(rng.randrange(4)))
        repeat = f" * {rng.randrange(1, 4)}" if rng.random() < 0.3 else ""
        self.emit(indent, f"{name}{self.annotation(f'list[{kind}]')} = [{items}]{repeat}")
        receivers = sorted(local for local, local_kind in self.assignable.items() if local_kind == kind)
        for _ in range(rng.randrange(1, 4)):
            index = rng.choice((str(rng.randrange(-4, 4)), f"{expression(self.scope, 'int', 1)} % 6 - 3", f"len({name}) - 1"))
            step = rng.choice(("store", "read", "augment", "append", "iterate"))
            if step == "read" and receivers:
                self.emit(indent, f"{rng.choice(receivers)} = {name}[{index}]")
            elif step == "augment" and kind != "bool":
                self.emit(indent, f"{name}[{index}] {rng.choice(('+=', '-='))} {expression(self.scope, kind, 1)}")
            elif step == "append":
                self.emit(indent, f"{name}.append({expression(self.scope, kind, 1)})")
            elif step == "iterate":
                self.emit(indent, f"for {item} in {name}:")
                self.emit(indent + 1, f"{rng.choice(receivers)} = {item}" if receivers else f'print("{self.name}:", {item})')
            else:
                self.emit(indent, f"{name}[{index}] = {expression(self.scope, kind, 1)}")
        self.emit(indent, f'print("{self.name}:", {name})')

    def _call(self, indent: int) -> None:
        made = call(self.scope, self.rng.choice((*SCALARS, "str") if self.boxed else SCALARS), 1)
        if made is None:
            return self._assign(indent)
        self.emit(indent, made)


def _honest_argument(rng: random.Random, kind: str) -> str:
    if kind == "int":
        return int_literal(rng)
    if kind == "float":
        return float_literal(rng)
    if kind == "bool":
        return rng.choice(("True", "False"))
    if kind == "Cell":
        return rng.choice(CELLS)
    return rng.choice(STRINGS)


def _arguments(rng: random.Random, params: tuple[str, ...], lying: bool) -> str:
    values = []
    for kind in params:
        if lying and rng.random() < 0.6:
            values.append(f"lie({rng.choice(LIES[kind])})")
        else:
            values.append(_honest_argument(rng, kind))
    return ", ".join(values)


def generate_program(seed: int, function_count: int) -> Program:
    """A program of `function_count` generated functions, all of it determined by `seed`."""
    return program_from(random.Random(seed), function_count, f"seed {seed}")


def program_from(rng: random.Random, function_count: int, origin: str,
                 body_rng: Callable[[], random.Random] | None = None) -> Program:
    """A program of `function_count` functions whose choices come from `rng`, and each function's
    body from `body_rng()` when given (else from `rng` too). Hypothesis passes its own Random as
    `rng` and seeded ones for the bodies: its choices stay few enough to shrink the program's
    shape and each body's seed. `origin` goes into the program's docstring."""
    global_types = {f"G{index}": kind for index, kind in enumerate(("int", "float", "bool", "str", "int", "float"))}
    shown = ", ".join([*(f"repr({name})" for name in global_types), "vars(CELL)"])
    parts = [f'"""Generated by tests.fuzz from {origin}."""\n\n' + PRELUDE.format(globals_shown=shown)]
    parts.append("\n".join(f"{name}: {kind} = {GLOBAL_INITIAL[kind]}" for name, kind in global_types.items()) + "\n")
    callees: list[Signature] = []
    driver: list[str] = []
    typed_functions: list[str] = []
    for index in range(function_count):
        typed = rng.random() < 0.9
        writer = _FunctionWriter(rng if body_rng is None else body_rng(), f"f{index}", callees, global_types, boxed=rng.random() < 0.4, typed=typed,
                                  recursive=rng.random() < 0.1)
        source, signature = writer.write()
        parts.append(source)
        callees.append(signature)
        if typed:
            typed_functions.append(signature.name)
        for lying in (False, rng.random() < 0.5, True):
            driver.append(f'check("{signature.name}", lambda: {signature.name}({_arguments(rng, signature.params, lying)}))')
        if rng.random() < 0.1:
            name = rng.choice(sorted(global_types))
            driver.append(f'set_global("{name}", {rng.choice(LIES[global_types[name]])})')
            driver.append(f'check("{signature.name} lied-to global", lambda: {signature.name}'
                          f'({_arguments(rng, signature.params, False)}))')
            driver.append(f'set_global("{name}", {GLOBAL_INITIAL[global_types[name]]})')
    ending = rng.random()
    if ending < 0.2:
        driver.append(f"sys.exit({rng.randrange(4)})")
    elif ending < 0.4:  # not caught: the traceback goes to stderr, through the callee's native frame when it raised
        finale = rng.choice(callees)
        driver.append(f"{finale.name}({_arguments(rng, finale.params, lying=True)})")
    parts.append("\n".join(driver) + "\n")
    return Program(origin, "\n\n".join(parts), tuple(typed_functions))
