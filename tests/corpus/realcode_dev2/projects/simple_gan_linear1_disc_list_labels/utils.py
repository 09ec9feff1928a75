"""part of positive project [LG005]: the batch of real examples comes back with a plain list of batch_size labels."""
# Source: https://github.com/nbertagnolli/pytorch-simple-gan utils.py at 14319f4eb1dca043632b6b5a2004b9bf278914f9
# (pull request #3 "Fixed target size error" is open: the bug is at HEAD); re-typed, names changed, reduced.
import math
from typing import List, Tuple

import numpy as np


def to_bits(number: int) -> List[int]:
    if number < 0 or type(number) is not int:
        raise ValueError("Only positive integers are allowed")
    return [int(x) for x in list(bin(number))[2:]]


def even_batch(max_int: int, batch_size: int = 16) -> Tuple[List[int], List[List[int]]]:
    width = int(math.log(max_int, 2))
    picked = np.random.randint(0, int(max_int / 2), batch_size)
    labels = [1] * batch_size
    rows = [to_bits(int(x * 2)) for x in picked]
    rows = [([0] * (width - len(x))) + x for x in rows]
    return labels, rows
