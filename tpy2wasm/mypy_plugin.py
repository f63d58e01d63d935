"""`plugins = tpy2wasm.mypy_plugin` in a mypy config: the plugin lives in tpy2wasm.analysis."""

from tpy2wasm.analysis.mypy_plugin import plugin

__all__ = ["plugin"]
