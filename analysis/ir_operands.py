"""The registers each op and terminator reads, for the passes that follow uses."""

from __future__ import annotations

from tpy2wasm.analysis import ir
from tpy2wasm.analysis import ir_objects as objects
from tpy2wasm.analysis import ir_ranges as ranges


def operands(op: ir.Op) -> tuple[ir.Register, ...]:
    if isinstance(op, (ir.Binary, ir.Compare)):
        return (op.left, op.right)
    if isinstance(op, ir.Unary):
        return (op.operand,)
    if isinstance(op, (ir.StoreLocal, ir.StoreGlobal)):
        return (op.source,)
    if isinstance(op, objects.GetAttr):
        return (op.obj,)
    if isinstance(op, objects.SetAttr):
        return (op.obj, op.value)
    if isinstance(op, objects.BuildSlice):
        return (op.start, op.stop, op.step)
    if isinstance(op, objects.BuildDict):
        return op.items
    if isinstance(op, objects.GetItem):
        return (op.obj, op.index)
    if isinstance(op, objects.SetItem):
        return (op.obj, op.index, op.value)
    if isinstance(op, (objects.GetMethod, objects.GetNativeMethod)):
        return (op.obj,)
    if isinstance(op, (objects.CallMethod, objects.CallNativeMethod)):
        return (op.method, op.obj, *op.args)
    if isinstance(op, objects.CallBuiltin):
        return (op.callee, op.arg)
    if isinstance(op, (objects.CallObject, objects.CallDirect)):
        return (op.callee, *op.args)
    if isinstance(op, objects.BuildSequence):
        return op.items
    if isinstance(op, objects.MakeFunction):
        return op.parts
    if isinstance(op, objects.NewCell):
        return () if op.value is None else (op.value,)
    if isinstance(op, objects.CellGet):
        return (op.cell,)
    if isinstance(op, objects.CellSet):
        return (op.cell,) if op.value is None else (op.cell, op.value)
    if isinstance(op, (objects.IsTrue, objects.Box, objects.ToWord)):
        return (op.value,)
    if isinstance(op, objects.GetIter):
        return (op.iterable,)
    if isinstance(op, objects.UnpackSequence):
        return (op.value,)
    if isinstance(op, objects.UnpackedItem):
        return (op.items,)
    if isinstance(op, objects.NewAssertionError):
        return op.args
    if isinstance(op, objects.EnterWith):
        return (op.manager,)
    if isinstance(op, objects.CloseWith):
        return (op.exit,)
    if isinstance(op, objects.ExitSuppresses):
        return (op.exit, op.exception)
    if isinstance(op, ranges.IsCountedRange):
        return (op.callee, *op.args)
    if isinstance(op, ranges.CountCompare):
        return (op.left, op.right)
    if isinstance(op, ranges.CountAdd):
        return (op.counter, op.step)
    if isinstance(op, (objects.EnterHandler, objects.RestoreException)):
        return (op.exception,)
    if isinstance(op, objects.LeaveHandler):
        return (op.saved,)
    if isinstance(op, objects.ExceptionMatches):
        return (op.exception, op.classes)
    if isinstance(op, objects.KeepAlive):
        return op.values
    if isinstance(op, objects.DecRef):
        return (op.value,)
    return ()


def terminator_operands(terminator: ir.Terminator) -> tuple[ir.Register, ...]:
    if isinstance(terminator, ir.Branch):
        return (terminator.condition,)
    if isinstance(terminator, ir.ForIter):
        return (terminator.iterator,)
    values = (terminator.value,) if isinstance(terminator, ir.Return) else (
        (terminator.exception, terminator.cause) if isinstance(terminator, ir.Raise) else ())
    return tuple(value for value in values if value is not None)
