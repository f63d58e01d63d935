"""Values declared Any, globals, float locals and `/` take the generic path, and say why."""

import json
from typing import Any

LIMIT: int = 10
counts: dict[str, int] = {}


def load(text: str) -> int:
    data: Any = json.loads(text)
    total: int = 0
    for i in range(3):
        total = total + data[i] * 2
        if data[i] > LIMIT:
            total -= 1
    scale: float = 1.5
    print("scaled", scale * total, total / 4)
    counts[text] = total
    return total + LIMIT


def untyped(value):
    return value


print(load("[1, 20, 3]"), untyped(2), counts)
