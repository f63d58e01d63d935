"""The page `tpy2wasm compile --html` writes, in headless Chromium, shows what CPython prints.

One browser session runs several differential programs: through the page's inputs and Run
button, and one from its URL (?argv=…&env=…&stdin=…&run=1). Pages are served from 127.0.0.1 by
the same server `tpy2wasm serve` uses. Chromium is Debian's; .ci/run installs it.
"""

from __future__ import annotations

import json
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.differential import PROGRAMS, Case, Outcome, assert_same, load_case, run_cpython
from tpy2wasm.compiler.pipeline import build_module
from tpy2wasm.compiler.progress import SilentSteps
from tpy2wasm.compiler.web import make_server, url_of, write_site

WEB_TESTS = Path(__file__).parent / "web"
DRIVER = WEB_TESTS / "drive_page.mjs"
#: Through the form: output, stdin + argv + exit status, an uncaught exception, env, stdlib.
FORM_PROGRAMS = ["io_stdin_and_argv", "exc_uncaught_valueerror", "io_env", "stdlib_json", "stdlib_re",
                 "stdlib_random_seeded", "str_unicode", "io_stderr_interleave", "io_exit_code_3",
                 "io_time_sleep_clocks"]
URL_PROGRAMS = ["io_stdin_and_argv"]
DRIVER_TIMEOUT_SECONDS = 600


def _case(name: str) -> Case:
    return load_case(PROGRAMS / f"{name}.py")


def _url_query(case: Case) -> str:
    return urlencode([*(("argv", arg) for arg in case.args),
                      *(("env", f"{key}={value}") for key, value in case.full_env.items()),
                      ("stdin", case.stdin.decode("utf-8")), ("run", "1")])


@pytest.fixture(scope="module")
def shown(chromium: str, node: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, dict[str, object]]]:
    """What each page showed, keyed "form:NAME" or "url:NAME": one browser session for them all."""
    root = tmp_path_factory.mktemp("sites")
    names = sorted(set(FORM_PROGRAMS) | set(URL_PROGRAMS))
    for name in names:
        case = _case(name)
        write_site(root / name, build_module(case.script, case.options, SilentSteps()), case.script.name)
    server = make_server(root, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = url_of(server)
        runs: list[tuple[str, dict[str, object]]] = []
        for name in FORM_PROGRAMS:
            case = _case(name)
            inputs = {"argv": list(case.args), "env": case.full_env, "stdin": case.stdin.decode("utf-8")}
            runs.append((f"form:{name}", {"url": f"{base}{name}/", "inputs": inputs}))
        for name in URL_PROGRAMS:
            runs.append((f"url:{name}", {"url": f"{base}{name}/?{_url_query(_case(name))}"}))
        request = json.dumps({"chromium": chromium, "runs": [run for _, run in runs]})
        result = subprocess.run([node, str(DRIVER), request], cwd=WEB_TESTS, capture_output=True, text=True,
                                timeout=DRIVER_TIMEOUT_SECONDS)
        assert result.returncode == 0, result.stderr
        yield dict(zip((key for key, _ in runs), json.loads(result.stdout)))
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("key", [*(f"form:{name}" for name in FORM_PROGRAMS), *(f"url:{name}" for name in URL_PROGRAMS)])
def test_page_shows_what_cpython_prints(key: str, shown: dict[str, dict[str, object]]) -> None:
    page = shown[key]
    expected = run_cpython(_case(key.split(":", 1)[1]))
    actual = Outcome(str(page["stdout"]).encode(), str(page["stderr"]).encode(), int(str(page["exitCode"])))
    assert page["pageErrors"] == []
    assert_same(expected, actual)
    assert page["status"] == f"exit status {expected.exit_code}"


def test_uncaught_exception_shows_the_traceback_as_stderr(shown: dict[str, dict[str, object]]) -> None:
    page = shown["form:exc_uncaught_valueerror"]
    assert str(page["stderr"]).startswith("Traceback (most recent call last):\n")
    assert "Traceback" not in str(page["stdout"])
    assert page["status"] == "exit status 1"
