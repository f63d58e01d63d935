"""A native function's `del` of a global that is not bound, uncaught: NameError's traceback
through the native frames, as CPython prints it (with its suggestion of a similar name)."""

last_label: str = "start"
last_labels: list[str] = []


def forget(times: int) -> int:
    global last_label
    for i in range(times):
        print("forgetting", i)
        del last_label
    return times


def outer() -> int:
    return forget(1) + forget(1)


print(outer())
