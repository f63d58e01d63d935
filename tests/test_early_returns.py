"""Which functions' early returns fast callers test inline (codegen/early_returns.py): a first
block that compares int parameters and small constants, branching to a block that returns a
parameter or a small constant; nothing else qualifies."""

from __future__ import annotations

from pathlib import Path

from tpy2wasm.analysis.lower import lower_program
from tpy2wasm.analysis.nativeness import check_program
from tpy2wasm.analysis.typed_ast import build_typed_program
from tpy2wasm.codegen.early_returns import EarlyReturn, Operand, early_return
from tpy2wasm.analysis.ir import CompareOperator as C

SOURCE = '''
def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def pell(n: int) -> int:
    if n > 1:
        return 2 * pell(n - 1) + pell(n - 2)
    return n

def ones(n: int, k: int) -> int:
    if 0 == k:
        return 1
    return ones(n, k - 1)

def computed(n: int) -> int:
    if n < 2:
        return 2 - n
    return computed(n - 1)

def big(n: int) -> int:
    if n < 2:
        return 2 ** 70
    return big(n - 1)

def floats(x: float) -> float:
    if x < 2.0:
        return x
    return floats(x - 1.0)

def called_first(n: int) -> int:
    print(n)
    if n < 2:
        return n
    return called_first(n - 1)
'''


def test_early_returns_found_only_in_their_form(tmp_path: Path) -> None:
    script = tmp_path / "main.py"
    script.write_text(SOURCE)
    typed = build_typed_program(str(script))
    found = {function.qualname: early_return(function) for function in lower_program(typed, check_program(typed))}
    n = Operand(0)
    assert found == {
        "fib": EarlyReturn(n, C.LT, Operand(None, 2), True, n),
        "pell": EarlyReturn(n, C.GT, Operand(None, 1), False, n),
        "ones": EarlyReturn(Operand(None, 0), C.EQ, Operand(1), True, Operand(None, 1)),
        "computed": None, "big": None, "floats": None, "called_first": None,
    }
