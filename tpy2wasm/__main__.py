"""`python -m tpy2wasm` is the `tpy2wasm` command."""

from tpy2wasm.compiler.cli import main

main()
