"""Helper module whose function raises."""
import math

STATS = {"calls": 0}


def checked_sqrt(x):
    STATS["calls"] += 1
    if x < 0:
        raise ValueError(f"cannot take sqrt of negative number {x}")
    return math.sqrt(x)


def process(values):
    return [round(checked_sqrt(v), 3) for v in values]
