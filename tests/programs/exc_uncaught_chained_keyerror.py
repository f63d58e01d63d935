# ends with an uncaught custom error chained (raise from) to a KeyError
import sys

class ConfigError(Exception):
    pass

CONFIG = {"host": "example.invalid", "port": 8080, "debug": False}

def get(key):
    try:
        return CONFIG[key]
    except KeyError as exc:
        raise ConfigError(f"required setting {key!r} is missing") from exc

for k in ["host", "port", "debug"]:
    print(k, "=", get(k))
for k in ["host", "nope", "port", "missing", "debug"]:
    try:
        print("lookup", k, "->", repr(get(k)))
    except ConfigError as e:
        print("lookup", k, "failed:", e)
        print("  cause type:", type(e.__cause__).__name__, "| cause args:", e.__cause__.args)
        print("  context is cause:", e.__context__ is e.__cause__, "| suppress:", e.__suppress_context__)
try:
    get("timeout")
except ConfigError as e:
    print("handled once:", e, "| cause:", repr(e.__cause__))
sys.stdout.flush()
print("second lookup is not handled")
get("user")
