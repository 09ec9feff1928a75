"""A stand-in for gymnasium (not installed): CartPole-v1, the fault-injection scenarios' CartPole."""

from tests.runtime.fault_injection.scenarios import CartPole


def make(name, render_mode=None):
    assert name == "CartPole-v1", name
    env = CartPole()
    env.spec = env  # env.spec.reward_threshold
    env.close = lambda: None  # seungeunrho/minimalRL's scripts close the environment at the end
    return env
