def add(a: int, b: int) -> int:
    return a + "x"


print("compiled")
