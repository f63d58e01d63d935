"""Fixtures the test modules share."""

from __future__ import annotations

import shutil

import pytest


@pytest.fixture(scope="session")
def node() -> str:
    executable = shutil.which("node")
    if executable is None:
        pytest.fail("node is not installed (.ci/run installs it)")
    return executable
