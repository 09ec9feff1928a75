"""A stand-in for gym (not installed) with gym's old API (reset() -> state, step() -> 4 values,
seed()): the fault-injection scenarios' CartPole, as gymnasium's stand-in."""

from types import SimpleNamespace

from tests.runtime.fault_injection.scenarios import CartPole


class _OldApi:
    def __init__(self):
        self.env = CartPole()
        self.observation_space = SimpleNamespace(shape=(4,))
        self.action_space = SimpleNamespace(n=2)

    def seed(self, seed):
        self.env.reset(seed=seed)

    def reset(self):
        return self.env.reset()[0]

    def step(self, action):
        state, reward, terminated, truncated, info = self.env.step(action)
        return state, reward, terminated or truncated, info

    def close(self):
        pass


def make(name):
    assert name == "CartPole-v1", name
    return _OldApi()
