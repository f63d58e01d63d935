print("init:", __name__, "package:", __package__)
from .deep import deep_value, DeepThing
from .. import util as parent_util

SUB_CONST = "sub-" + ".".join(map(str, parent_util.VERSION))
