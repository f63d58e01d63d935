"""Generated-program fuzzing: seeded random typed programs, run under CPython 3.11 and compiled.

`generator` writes programs, `expressions` their typed expressions, `harness` runs one program
both ways and compares, `minimise` shrinks a failing one, `python -m tests.fuzz` runs a batch.
"""
