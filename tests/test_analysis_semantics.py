"""The lowered IR computes what CPython computes.

A tiny reference interpreter runs the FunctionIR of every unboxed native function in
the golden cases on a grid of arguments and compares results, raised exception
types and final module globals with running the source itself. It also checks
that every register holds a value of exactly its declared runtime type, which
catches missing int->float/bool->int conversions in the lowering.
"""

from __future__ import annotations

import itertools
import math
import operator
from pathlib import Path
from typing import Any, Callable

import pytest

from tpy2wasm.analysis import ir
from tpy2wasm.analysis.lower import lower_program
from tpy2wasm.analysis.nativeness import check_program
from tpy2wasm.analysis.rtypes import BOOL, FLOAT, INT, NONE, RType
from tpy2wasm.analysis.typed_ast import build_typed_program

from tests.test_analysis_golden import GOLDEN_DIR, parse_case

BINARY: dict[ir.BinaryOperator, Callable[[Any, Any], Any]] = {
    ir.BinaryOperator.ADD: operator.add, ir.BinaryOperator.SUB: operator.sub,
    ir.BinaryOperator.MUL: operator.mul, ir.BinaryOperator.TRUE_DIV: operator.truediv,
    ir.BinaryOperator.FLOOR_DIV: operator.floordiv, ir.BinaryOperator.MOD: operator.mod,
    ir.BinaryOperator.POW: operator.pow, ir.BinaryOperator.LSHIFT: operator.lshift,
    ir.BinaryOperator.RSHIFT: operator.rshift, ir.BinaryOperator.BIT_AND: operator.and_,
    ir.BinaryOperator.BIT_OR: operator.or_, ir.BinaryOperator.BIT_XOR: operator.xor,
}
COMPARE: dict[ir.CompareOperator, Callable[[Any, Any], bool]] = {
    ir.CompareOperator.EQ: operator.eq, ir.CompareOperator.NE: operator.ne,
    ir.CompareOperator.LT: operator.lt, ir.CompareOperator.LE: operator.le,
    ir.CompareOperator.GT: operator.gt, ir.CompareOperator.GE: operator.ge,
}
UNARY: dict[ir.UnaryOperator, Callable[[Any], Any]] = {
    ir.UnaryOperator.NEG: operator.neg, ir.UnaryOperator.POS: operator.pos,
    ir.UnaryOperator.NOT: operator.not_, ir.UnaryOperator.INVERT: operator.invert,
}
def _range_step(step: int) -> int:
    return range(0, 1, step).step  # raises ValueError for 0, as range() does


PRIMITIVES: dict[ir.Primitive, Callable[..., Any]] = {
    ir.Primitive.SQRT: math.sqrt, ir.Primitive.FLOOR: math.floor, ir.Primitive.CEIL: math.ceil,
    ir.Primitive.ABS: abs, ir.Primitive.MIN: min, ir.Primitive.MAX: max,
    ir.Primitive.FLOAT_TO_INT: int, ir.Primitive.RANGE_STEP: _range_step,
}
PYTHON_TYPES: dict[RType, type] = {INT: int, FLOAT: float, BOOL: bool, NONE: type(None)}
SAMPLES: dict[RType, list[Any]] = {INT: [-3, 0, 1, 2, 7, 12], FLOAT: [-1.5, 0.0, 0.5, 2.0],
                                   BOOL: [False, True]}


class Interpreter:
    def __init__(self, functions: list[ir.FunctionIR], module_globals: dict[str, Any]) -> None:
        self.functions = {f"{function.module}.{function.name}": function for function in functions}
        self.module_globals = module_globals

    def evaluate(self, op: ir.Op, values: dict[ir.Register, Any], frame: dict[str, Any]) -> Any:
        if isinstance(op, ir.LoadConst):
            return op.value
        if isinstance(op, ir.LoadLocal):
            return frame[op.local.name]
        if isinstance(op, ir.LoadGlobal):
            return self.module_globals[op.name]
        if isinstance(op, (ir.Binary, ir.Compare)):
            table: dict[Any, Callable[[Any, Any], Any]] = {**BINARY, **COMPARE}
            return table[op.operator](values[op.left], values[op.right])
        if isinstance(op, ir.Unary):
            return UNARY[op.operator](values[op.operand])
        if isinstance(op, ir.Convert):
            return PYTHON_TYPES[op.dest.type](values[op.source])
        if isinstance(op, ir.CallPrimitive):
            return PRIMITIVES[op.primitive](*(values[arg] for arg in op.args))
        if isinstance(op, ir.CallNative):
            return self.call(op.callee, [values[arg] for arg in op.args])
        raise AssertionError(op)

    def call(self, fullname: str, args: list[Any]) -> Any:
        function = self.functions[fullname]
        frame = {local.name: arg for local, arg in zip(function.args, args)}
        blocks = {block.label: block for block in function.blocks}
        values: dict[ir.Register, Any] = {}
        block = function.blocks[0]
        while True:
            for op in block.ops:
                if isinstance(op, ir.StoreLocal):
                    frame[op.local.name] = values[op.source]
                elif isinstance(op, ir.StoreGlobal):
                    self.module_globals[op.name] = values[op.source]
                else:
                    assert op.dest is not None
                    value = self.evaluate(op, values, frame)
                    assert type(value) is PYTHON_TYPES[op.dest.type], (op, value)
                    values[op.dest] = value
            terminator = block.terminator
            if isinstance(terminator, ir.Return):
                return None if terminator.value is None else values[terminator.value]
            if isinstance(terminator, ir.Branch):
                taken = values[terminator.condition]
                block = blocks[terminator.if_true if taken else terminator.if_false]
            else:
                assert isinstance(terminator, ir.Goto), terminator
                block = blocks[terminator.target]


def outcome(run: Callable[[], Any], module_globals: dict[str, Any]) -> tuple[Any, ...]:
    """Result or exception type, plus the final values of the scalar globals."""
    try:
        result: Any = run()
    except (ArithmeticError, ValueError) as error:
        result = type(error)
    scalars = {name: value for name, value in module_globals.items()
               if type(value) in (int, float, bool)}
    return result, scalars


@pytest.mark.parametrize("case_path", sorted(GOLDEN_DIR.glob("*.test")), ids=lambda path: path.stem)
def test_ir_matches_cpython(case_path: Path, tmp_path: Path) -> None:
    source = parse_case(case_path.read_text())["source"]
    main_path = tmp_path / "main.py"
    main_path.write_text(source)
    program = build_typed_program(str(main_path))
    # Boxed functions are CPython's own operations: the differential programs test them.
    functions = [function for function in lower_program(program, check_program(program)) if not function.boxed]
    for function in functions:
        samples = [SAMPLES[arg.type] for arg in function.args]
        for args in itertools.islice(itertools.product(*samples), 60):
            python_globals: dict[str, Any] = {"__name__": "__main__"}
            exec(compile(source, str(main_path), "exec"), python_globals)
            ir_globals = dict(python_globals)
            expected = outcome(lambda: python_globals[function.name](*args), python_globals)
            interpreter = Interpreter(functions, ir_globals)
            actual = outcome(lambda: interpreter.call(f"__main__.{function.name}", list(args)),
                             ir_globals)
            assert actual == expected, (function.name, args)
