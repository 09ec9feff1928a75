"""part of positive project [LG005]: the replay memory returns the sampled rewards as a 1-D float32 array, one scalar per transition."""
# Source: vy007vikas/PyTorch-ActorCriticRL at 06f721b6 (head of pull request #3), buffer.py; re-typed, identifiers
# renamed.
import random
from collections import deque

import numpy as np


class ReplayMemory:
    def __init__(self, size):
        self.items = deque(maxlen=size)
        self.cap = size
        self.len = 0

    def sample(self, count):
        count = min(count, self.len)
        batch = random.sample(self.items, count)
        s = np.float32([b[0] for b in batch])
        a = np.float32([b[1] for b in batch])
        r = np.float32([b[2] for b in batch])
        s_next = np.float32([b[3] for b in batch])
        return s, a, r, s_next

    def add(self, s, a, r, s_next):
        self.len = min(self.len + 1, self.cap)
        self.items.append((s, a, r, s_next))
