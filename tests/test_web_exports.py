"""A real reactor on the page: `tpy2wasm compile calculator.py --export … --html DIR`, opened in
headless Chromium, its exports called from JavaScript in the page (`tpy2wasm.NAME(...)`).

The calls and the expectation are tests/test_exports.py's, computed by python3.11 running
tests/exports/calculator.py: every ABI type both ways, state kept across calls, exceptions that
leave the instance usable, and host imports the page's own script supplies.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.test_exports import CALCULATOR, CALLS, comparable, cpython_expectation, encoded
from tpy2wasm.compiler.web import make_server, url_of

DRIVER = Path(__file__).parent / "web" / "call_exports.mjs"
DRIVER_TIMEOUT_SECONDS = 300


@pytest.fixture(scope="module")
def page(chromium: str, node: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """What the page gave for CALLS, built by the CLI as a user would build it."""
    root = tmp_path_factory.mktemp("site")
    exports = json.loads(CALCULATOR.with_suffix(".tpy2wasm.json").read_text())["exports"]
    build = subprocess.run([sys.executable, "-m", "tpy2wasm", "compile", str(CALCULATOR), "--html", str(root / "lib"), "-q",
                            *(f"--export={name}" for name in exports)], capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stderr
    server = make_server(root, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        calls = [[name, [encoded(argument) for argument in arguments]] for name, arguments in CALLS]
        request = json.dumps({"chromium": chromium, "url": f"{url_of(server)}lib/", "calls": calls})
        result = subprocess.run([node, str(DRIVER), request], cwd=DRIVER.parent, capture_output=True, text=True,
                                timeout=DRIVER_TIMEOUT_SECONDS)
        assert result.returncode == 0, result.stderr
        yield json.loads(result.stdout)
    finally:
        server.shutdown()
        server.server_close()


def test_exports_called_in_the_page_give_what_cpython_computes(page: dict[str, Any]) -> None:
    expected_results, expected_recorded, expected_stdout = cpython_expectation()
    assert page["pageErrors"] == []
    assert comparable(page["results"]) == expected_results
    assert page["recorded"] == expected_recorded
    assert (page["stdout"], page["stderr"]) == (expected_stdout, "")
    assert page["status"].startswith("a library module: call add, scale, ")


def test_an_exception_is_the_python_traceback_and_later_calls_work(page: dict[str, Any]) -> None:
    failed = CALLS.index(("fails", [9]))
    error = page["results"][failed]["error"]
    line = CALCULATOR.read_text().splitlines().index('        raise ValueError(f"{n} is too big")') + 1
    assert error.startswith("Traceback (most recent call last):\n")
    assert f'File "{CALCULATOR}", line {line}, in fails\n' in error
    assert error.endswith("ValueError: 9 is too big\n")
    assert page["results"][failed + 1] == {"result": {"int": "2"}}


def test_without_its_host_functions_the_page_says_which_are_missing(page: dict[str, Any]) -> None:
    assert page["withoutHostImports"] == (
        "cannot start the library: the module imports host function(s) env.record, env.twice, env.shout: give them "
        "as the imports option, e.g. {imports: {env: {name(...args) {...}}}}")


def test_a_host_function_that_throws_leaves_an_instance_that_refuses_calls(page: dict[str, Any]) -> None:
    """The JS exception unwound through CPython's frames: no later call may run on that state."""
    assert page["afterHostThrew"] == [
        "Error: the host refuses",
        "Error: the instance is unusable since use_host() ended abnormally: Error: the host refuses"]
