"""A stand-in for gymnasium (not installed): CartPole-v1, the fault-injection scenarios' CartPole, and the parts of
gymnasium 0.29 that vwxyzjn/cleanrl's ``ppo.py`` and ``dqn.py`` (with its ``cleanrl_utils/buffers.py``) use:
``vector.SyncVectorEnv`` with its autoreset, ``final_info`` and ``final_observation``,
``wrappers.RecordEpisodeStatistics``, ``spaces``."""

from types import SimpleNamespace

import numpy as np

from tests.runtime.fault_injection.scenarios import CartPole


def make(name, render_mode=None):
    assert name == "CartPole-v1", name
    env = CartPole()
    env.spec = env  # env.spec.reward_threshold
    env.close = lambda: None  # seungeunrho/minimalRL's scripts close the environment at the end
    return env


class Discrete:
    def __init__(self, n):
        self.n, self.shape, self.dtype = n, (), np.dtype(np.int64)
        self.rng = np.random.default_rng()

    def seed(self, seed):
        self.rng = np.random.default_rng(seed)

    def sample(self):
        return int(self.rng.integers(self.n))


class Box:
    def __init__(self, shape):
        self.shape, self.dtype = shape, np.dtype(np.float32)


class _Unused:
    """spaces the scripts only test isinstance against."""


class RecordEpisodeStatistics:
    """The episode's return and length in the last step's info (``info["episode"]``)."""

    def __init__(self, env):
        self.env, self.ret, self.len = env, 0.0, 0
        self.action_space, self.observation_space = Discrete(2), Box((4,))

    def reset(self, seed=None):
        self.ret, self.len = 0.0, 0
        return self.env.reset(seed=seed)

    def step(self, action):
        obs, reward, terminated, truncated, info = self.env.step(action)
        self.ret, self.len = self.ret + reward, self.len + 1
        if terminated or truncated:
            info = {**info, "episode": {"r": np.array([self.ret], dtype=np.float32), "l": np.array([self.len])}}
        return obs, reward, terminated, truncated, info


class SyncVectorEnv:
    """gymnasium 0.29's: an environment that ends is reset at once, its last info in ``infos["final_info"]``."""

    def __init__(self, thunks):
        self.envs = [make_env() for make_env in thunks]
        self.num_envs = len(self.envs)
        first = self.envs[0]
        self.single_observation_space = getattr(first, "observation_space", Box((4,)))
        self.single_action_space = getattr(first, "action_space", Discrete(2))

    def reset(self, seed=None):
        return np.stack([e.reset(seed=None if seed is None else seed + i)[0] for i, e in enumerate(self.envs)]), {}

    def step(self, actions):
        obs, rewards, terms, truncs, finals, last = [], [], [], [], [], []
        for env, action in zip(self.envs, actions):
            o, r, te, tr, info = env.step(int(action))
            last.append(o if te or tr else None)
            if te or tr:
                o, _ = env.reset()
            obs.append(o), rewards.append(r), terms.append(te), truncs.append(tr), finals.append(info if te or tr else None)
        infos = {}
        if any(f is not None for f in finals):
            infos = {"final_info": np.array(finals, dtype=object), "final_observation": np.array(last, dtype=object)}
        return np.stack(obs), np.array(rewards), np.array(terms), np.array(truncs), infos

    def close(self):
        pass


spaces = SimpleNamespace(Discrete=Discrete, Box=Box, MultiDiscrete=_Unused, MultiBinary=_Unused, Dict=_Unused, Space=object)
vector = SimpleNamespace(SyncVectorEnv=SyncVectorEnv)
wrappers = SimpleNamespace(RecordEpisodeStatistics=RecordEpisodeStatistics)
