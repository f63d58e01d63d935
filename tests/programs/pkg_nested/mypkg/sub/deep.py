print("init:", __name__, "package:", __package__)
from ..util import VERSION
import mypkg

calls = []


def deep_value(n):
    calls.append(n)
    mypkg.counter += 10
    return n * VERSION[0] * 100


class DeepThing:
    def __init__(self, tag):
        self.tag = tag

    def __repr__(self):
        return f"{type(self).__module__}.{type(self).__qualname__}({self.tag!r})"
