"""Fixtures the test modules share."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

WEB_TESTS = Path(__file__).parent / "web"

# A suite started in the background of a shell (`.ci/run &`, nohup) inherits SIGINT ignored, and
# so would every program the Ctrl-C tests start: CPython keeps an ignored SIGINT ignored. A
# handler of our own is reset to the default in each child, as a terminal's Ctrl-C finds it.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(scope="session")
def node() -> str:
    executable = shutil.which("node")
    if executable is None:
        pytest.fail("node is not installed (.ci/run installs it)")
    return executable


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's chromium, with playwright-core to drive it (tests/web/package-lock.json; `npm ci`
    there installs a driver only and downloads no browser)."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.skip("Debian's chromium is not installed here (apt-get install chromium; .ci/run does)")
    if not (WEB_TESTS / "node_modules" / "playwright-core").is_dir():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=WEB_TESTS, check=True, capture_output=True,
                       env={"PATH": os.environ["PATH"], "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"})
    return executable
