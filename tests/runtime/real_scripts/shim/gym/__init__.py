"""A stand-in for gym (not installed) with gym's old API (reset() -> state, step() -> 4 values,
seed()): the fault-injection scenarios' CartPole, as gymnasium's stand-in."""

from types import SimpleNamespace

import numpy as np

from tests.runtime.fault_injection.scenarios import CartPole


class _OldApi:
    def __init__(self, limit=500):
        self.env = CartPole()
        self.limit = limit  # CartPole-v1 ends at 500 steps, v0 at 200
        self.observation_space = SimpleNamespace(shape=(4,), sample=lambda: np.zeros(4, dtype=np.float32))
        self.action_space = SimpleNamespace(n=2)

    def seed(self, seed):
        self.env.reset(seed=seed)

    def reset(self):
        return self.env.reset()[0]

    def step(self, action):
        state, reward, terminated, truncated, info = self.env.step(action)
        return state, reward, terminated or truncated or self.env.t >= self.limit, info

    def close(self):
        pass


def make(name):
    assert name in ("CartPole-v0", "CartPole-v1"), name
    return _OldApi(200 if name == "CartPole-v0" else 500)
