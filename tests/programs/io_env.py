# reads environment variables set in io_env.env.json, plus defaults for unset ones
import os
name = os.environ.get("TPY_TEST_NAME")
count = int(os.environ.get("TPY_TEST_COUNT", "1"))
mode = os.environ.get("TPY_TEST_MODE_UNSET", "default-mode")
unset = os.environ.get("TPY_DEFINITELY_NOT_SET_VAR")
print("name:", name)
print("count:", count, type(count).__name__)
print("mode:", mode)
print("unset:", unset)
print("in environ:", "TPY_TEST_NAME" in os.environ, "TPY_DEFINITELY_NOT_SET_VAR" in os.environ)
print("getenv:", os.getenv("TPY_TEST_UNICODE"), os.getenv("TPY_NOPE", "fallback"))
print("empty value:", repr(os.environ.get("TPY_TEST_EMPTY")), repr(os.environ.get("TPY_TEST_EMPTY") or "was-empty"))
try:
    os.environ["TPY_DEFINITELY_NOT_SET_VAR"]
except KeyError as e:
    print("KeyError", e)
for key in ["TPY_TEST_NAME", "TPY_TEST_COUNT", "TPY_TEST_UNICODE", "TPY_TEST_EMPTY", "TPY_TEST_LIST", "TPY_TEST_FLAG", "TPY_TEST_MISSING"]:
    value = os.environ.get(key)
    print(f"{key:<18} {value!r:<14} len={-1 if value is None else len(value)}")
for i in range(count):
    print(f"{i + 1}: hello {name}")
csv = os.environ.get("TPY_TEST_LIST", "")
items = [x.strip() for x in csv.split(",") if x.strip()]
print("items:", items, len(items))
flag = os.environ.get("TPY_TEST_FLAG", "").lower() in ("1", "true", "yes")
print("flag:", flag)
os.environ["TPY_SET_AT_RUNTIME"] = "runtime"
print("runtime set:", os.environ["TPY_SET_AT_RUNTIME"], os.getenv("TPY_SET_AT_RUNTIME"))
del os.environ["TPY_SET_AT_RUNTIME"]
print("after delete:", os.environ.get("TPY_SET_AT_RUNTIME"))
print("sorted TPY_TEST vars:", sorted(k for k in os.environ if k.startswith("TPY_TEST_")))
