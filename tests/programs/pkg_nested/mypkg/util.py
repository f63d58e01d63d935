print("init:", __name__, "package:", __package__)

VERSION = (1, 4, 2)
_private = "hidden"


def helper(x):
    from . import registry
    registry.append(("helper", x))
    return f"helper({x!r})"


def module_names():
    import mypkg.sub.deep as d
    return [__name__, d.__name__]
