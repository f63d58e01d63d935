"""tpy2wasm: compile Python 3.11 programs to standalone WASI modules, natively where types allow."""

from pathlib import Path

__version__ = "0.1.0"

# The parts (compiler, analysis, codegen, wasm_runtime) are top-level folders of the repository,
# which the wheel and the editable install map into this package (pyproject's package-dir). When
# this very folder is imported from a checkout (the repository root on sys.path, as under pytest
# or `python -m tpy2wasm` run there), the parts are found beside it.
if not (Path(__file__).parent / "compiler").is_dir():
    __path__.append(str(Path(__file__).parent.parent))
