"""The first program: compile it with `tpy2wasm run examples/hello.py`."""

import sys


def greet(name: str) -> str:
    return f"Hello, {name}!"


if __name__ == "__main__":
    print(greet(sys.argv[1] if len(sys.argv) > 1 else "WebAssembly"))
