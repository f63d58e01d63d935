"""Deterministic text form of the IR, used by golden tests and `explain`."""

from __future__ import annotations

from tpy2wasm.analysis.ir import (
    BasicBlock,
    Binary,
    Branch,
    Compare,
    ErrorKind,
    ForIter,
    FunctionIR,
    Goto,
    LoadConst,
    LoadGlobal,
    LoadLocal,
    Op,
    Raise,
    Return,
    StoreGlobal,
    StoreLocal,
    Terminator,
    Unary,
    Unwind,
)
from tpy2wasm.analysis.ir_objects import (
    Box,
    BuildDict,
    BuildSlice,
    BuildSequence,
    CallBuiltin,
    CallDirect,
    CallNativeMethod,
    CallMethod,
    CellGet,
    CellSet,
    CallObject,
    CatchException,
    ClearLocal,
    DeleteGlobal,
    CloseWith,
    DecRef,
    EnterHandler,
    EnterWith,
    ExceptionMatches,
    ExitSuppresses,
    GetAttr,
    GetNativeMethod,
    GetItem,
    GetMethod,
    GetIter,
    MakeFunction,
    IsTrue,
    KeepAlive,
    LeaveHandler,
    NewAssertionError,
    NewCell,
    RestoreException,
    SetAttr,
    SetItem,
    ToWord,
    UnpackedItem,
    UnpackSequence,
)
from tpy2wasm.analysis.ir_ranges import CountAdd, CountCompare, IsCountedRange


def _join(registers: tuple[object, ...]) -> str:
    return ", ".join(str(register) for register in registers)


def _op_body(op: Op) -> str:
    """The right-hand side of an op, e.g. `r1 + r2`."""
    if isinstance(op, LoadConst):
        return repr(op.value)
    if isinstance(op, LoadLocal):
        return op.local.name
    if isinstance(op, StoreLocal):
        return f"{op.local.name} = {op.source}"
    if isinstance(op, LoadGlobal):
        return f"global {op.module}.{op.name}"
    if isinstance(op, StoreGlobal):
        return f"global {op.module}.{op.name} = {op.source}"
    if isinstance(op, Binary) and op.inplace:
        return f"{op.left} {op.operator.value}= {op.right}"
    if isinstance(op, (Binary, Compare)):
        return f"{op.left} {op.operator.value} {op.right}"
    if isinstance(op, Unary):
        separator = " " if op.operator.value.isalpha() else ""
        return f"{op.operator.value}{separator}{op.operand}"
    return _object_op_body(op)


def _object_op_body(op: Op) -> str:
    if isinstance(op, GetAttr):
        return f"{op.obj}.{op.name}"
    if isinstance(op, SetAttr):
        return f"{op.obj}.{op.name} = {op.value}"
    if isinstance(op, BuildSlice):
        return f"slice({_join((op.start, op.stop, op.step))})"
    if isinstance(op, BuildDict):
        pairs = zip(op.items[::2], op.items[1::2])
        return "{" + ", ".join(f"{key}: {value}" for key, value in pairs) + "}"
    if isinstance(op, GetItem):
        return f"{op.obj}[{op.index}]"
    if isinstance(op, SetItem):
        return f"{op.obj}[{op.index}] = {op.value}"
    if isinstance(op, GetMethod):
        return f"method {op.obj}.{op.name}"
    if isinstance(op, CallMethod) and op.in_place:
        return f"call {op.method} or {op.obj}.{op.name}({_join(op.args)})"
    if isinstance(op, CallMethod):
        return f"call {op.method}({_join((op.obj, *op.args))})"
    if isinstance(op, GetNativeMethod):
        return f"native method {op.function} or {op.obj}.{op.name}"
    if isinstance(op, CallNativeMethod):
        return f"call direct {op.function} {op.method} or ({_join((op.obj, *op.args))})"
    if isinstance(op, CallBuiltin):
        return f"builtin {op.builtin} {op.callee}({op.arg})"
    if isinstance(op, CallObject):
        positional = op.args[:len(op.args) - len(op.keywords)]
        keywords = op.args[len(positional):]
        named = [f"{name}={value}" for name, value in zip(op.keywords, keywords)]
        return f"call {op.callee}({', '.join([*map(str, positional), *named])})"
    if isinstance(op, CallDirect):
        return f"call direct {op.function} {op.callee}({_join(op.args)})"
    if isinstance(op, BuildSequence):
        return f"{op.kind.value}({_join(op.items)})"
    if isinstance(op, MakeFunction):
        parts = zip(("defaults", "kwdefaults", "annotations", "closure"),
                    (op.defaults, op.kwdefaults, op.annotations, op.closure))
        return f"function {op.code_name} of line {op.code_line}" + "".join(
            f" {name} {part}" for name, part in parts if part is not None)
    if isinstance(op, NewCell):
        return f"cell {'empty' if op.value is None else op.value}"
    if isinstance(op, CellGet):
        return f"{op.cell} content of '{op.name}'"
    if isinstance(op, CellSet):
        return f"{op.cell} content = {'empty' if op.value is None else op.value}"
    if isinstance(op, IsTrue):
        return f"truth {op.value}"
    if isinstance(op, Box):
        return f"box {op.value}"
    if isinstance(op, ToWord):
        return f"word {op.value}"
    if isinstance(op, GetIter):
        return f"iter {op.iterable}"
    if isinstance(op, UnpackSequence):
        return f"unpack {op.value} into {op.count}"
    if isinstance(op, UnpackedItem):
        return f"{op.items}[{op.index}]"
    if isinstance(op, EnterWith):
        return f"enter {op.manager}"
    if isinstance(op, CloseWith):
        return f"{op.exit}(None, None, None)"
    if isinstance(op, ExitSuppresses):
        return f"{op.exit} suppresses {op.exception}"
    if isinstance(op, NewAssertionError):
        return f"AssertionError({_join(op.args)})"
    if isinstance(op, IsCountedRange):
        step = {1: ", step > 0", -1: ", step < 0"}.get(op.step_sign, "")
        return f"counted range {op.callee}({_join(op.args)}){step}"
    if isinstance(op, CountCompare):
        return f"count {op.left} {op.operator.value} {op.right}"
    if isinstance(op, CountAdd):
        return f"count {op.counter} + {op.step}"
    if isinstance(op, CatchException):
        return "catch"
    if isinstance(op, EnterHandler):
        return f"enter handler {op.exception}"
    if isinstance(op, LeaveHandler):
        return f"leave handler {op.saved}"
    if isinstance(op, ExceptionMatches):
        return f"{op.exception} matches {op.classes}"
    if isinstance(op, RestoreException):
        return f"restore {op.exception}"
    if isinstance(op, ClearLocal):
        return f"del {op.local.name}"
    if isinstance(op, DeleteGlobal):
        return f"del global {op.module}.{op.name}"
    if isinstance(op, KeepAlive):
        return f"keep alive {_join(op.values)}"
    if isinstance(op, DecRef):
        return f"release {op.value}"
    raise TypeError(f"unknown op {op!r}")


def format_op(op: Op) -> str:
    """One line: `r3 = r1 + r2 :: int  # line 4`, `!raises` marking ops that may raise, and
    `-> L5` (or `-> exit`) their error edge, once the exceptions pass has given them one."""
    body = _op_body(op)
    text = body if op.dest is None else f"{op.dest} = {body} :: {op.type}"
    raises = "  !raises" if op.error_kind is ErrorKind.MAY_RAISE else ""
    return f"{text}{raises}{_edge(op)}  # line {op.line}"


def _edge(item: Op | Terminator) -> str:
    if item.error is None:
        return ""
    return f" -> {'exit' if item.error.handler is None else item.error.handler}"


def format_terminator(terminator: Terminator) -> str:
    if isinstance(terminator, Goto):
        text = f"goto {terminator.target}"
    elif isinstance(terminator, Branch):
        text = f"branch {terminator.condition} ? {terminator.if_true} : {terminator.if_false}"
    elif isinstance(terminator, Return):
        value = "None" if terminator.value is None else str(terminator.value)
        text = f"return {value}"
    elif isinstance(terminator, Raise):
        cause = "" if terminator.cause is None else f" from {terminator.cause}"
        text = "raise" if terminator.exception is None else f"raise {terminator.exception}{cause}"
    elif isinstance(terminator, ForIter):
        text = f"{terminator.item.name} = next {terminator.iterator} ? {terminator.body} : {terminator.exit}"
    else:
        assert isinstance(terminator, Unwind), terminator
        text = "unwind"
    raises = "  !raises" if terminator.error is not None else ""
    return f"{text}{raises}{_edge(terminator)}  # line {terminator.line}"


def format_block(block: BasicBlock) -> list[str]:
    handler = "" if block.handler is None else f"  # except -> {block.handler}"
    lines = [f"{block.label}:{handler}"]
    lines.extend(f"    {format_op(op)}" for op in block.ops)
    lines.append(f"    {format_terminator(block.terminator)}")
    return lines


def format_function(function: FunctionIR) -> str:
    args = ", ".join(f"{arg.name}: {arg.type}" for arg in function.args)
    header = f"def {function.qualname}({args}) -> {function.return_type}:  # line {function.line}"
    lines = [header]
    for block in function.blocks:
        lines.extend(format_block(block))
    return "\n".join(lines) + "\n"
