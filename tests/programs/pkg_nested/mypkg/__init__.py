"""Top-level package: runs on first import, re-exports names."""
print("init:", __name__, "package:", __package__)

counter = 0
registry = []

from . import util
from .util import helper, VERSION
from .sub import deep_value

__all__ = ["helper", "VERSION", "bump"]


def bump(by=1):
    global counter
    counter += by
    return counter
