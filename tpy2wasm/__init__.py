"""tpy2wasm: compile Python 3.11 programs to standalone WASI modules, natively where types allow."""

__version__ = "0.1.0"
