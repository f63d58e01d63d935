from geometry import PI_APPROX

print("loading textutil module, __name__ =", __name__)


def banner(text, width=30, fill="="):
    return f" {text} ".center(width, fill)


def describe_pi():
    return f"pi ~ {PI_APPROX:.6f}"
