"""Round 25's real scripts (docs/runtime.md "Round 35: the watcher on real runs, round 25").

``a2c-cartpole``: Lucasc-99/Actor-Critic at 0a3adb1 (``scripts/cart-pole-a2c.py`` with ``src/a2c.py``): an advantage
actor-critic on CartPole-v0 whose actor and critic are two separate float64 (``.double()``) MLPs with two Adam
optimizers, one update of each per episode: the actor's loss ``-sum(log p(a) * advantage)`` over the episode's
standardised returns (negative as often as positive, and noisy), the critic's ``SmoothL1Loss`` between the returns
and its values (called as ``critic_loss(G, V)``: the target first). Two watchers: ``watch_model(actor)`` with
``observe(l_actor)``, and ``watch(critic, SmoothL1Loss())`` passed as the script's ``critic_loss``. The script as
published takes the actor's chosen-action *logit* as its log-probability (``action_logits[action]``), so the actor's
loss is unbounded below; ``a2c-cartpole-fixed`` takes ``log_softmax`` of the logits (the fix). CartPole is the
harness's stand-in (``shim/gym``: CartPole-v0 ends at 200 steps), seeded 1 (the script's ``SEED = None``); 300
episodes instead of up to 10,000 (it stops early once the last 100 average over 195), 5 test episodes without
rendering instead of 100 rendered.
"""

from __future__ import annotations

from tests.runtime.real_scripts.round8 import _first, _lr, lr_faults
from tests.runtime.real_scripts.run import Fault, Script

_A2C_PATCHES = [
    ("import gym\n", "import os, sys\nsys.path.insert(0, os.getcwd())\nimport gym, lgrun, torch.nn as nn\n"),
    ("LR = .01  # Learning rate", f"LR = {_lr('.01')}  # Learning rate"),
    ("SEED = None  # Random seed", "SEED = 1  # Random seed"),
    ("MAX_EPISODES = 10000  # Max number of episodes", "MAX_EPISODES = 300  # Max number of episodes"),
    (
        "critic_optim = optim.Adam(agent.critic.parameters(), lr=LR)\n",
        "critic_optim = optim.Adam(agent.critic.parameters(), lr=LR)\n"
        "LGA = lgrun.watch_model(agent.actor)\nLGC = lgrun.watch(agent.critic, nn.SmoothL1Loss())\n",
    ),
    (
        "    rewards, critic_vals, action_lp_vals, total_reward = agent.train_env_episode(render=False)\n",
        "    rewards, critic_vals, action_lp_vals, total_reward = agent.train_env_episode(render=False)\n"
        "    rewards = lgrun.shuffled(lgrun.nan_batch(rewards))\n",
    ),
    (
        "    l_actor, l_critic = agent.compute_loss(action_p_vals=action_lp_vals, G=rewards, V=critic_vals)\n",
        "    l_actor, l_critic = agent.compute_loss(action_p_vals=action_lp_vals, G=rewards, V=critic_vals, critic_loss=LGC)\n"
        "    l_actor = LGA.observe(l_actor)\n",
    ),
    ("for _ in range(100):\n    agent.test_env_episode(render=True)", "for _ in range(5):\n    agent.test_env_episode(render=False)"),
]

_FAULTS = lr_faults(0.01) + [
    Fault("a NaN return in episode 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
    Fault("returns of other steps (shuffled in the episode)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
]

A2C = Script("a2c-cartpole", "Actor-Critic", "scripts/cart-pole-a2c.py", _A2C_PATCHES, [], **_first(_FAULTS))

A2C_FIXED = Script(
    "a2c-cartpole-fixed",
    "Actor-Critic",
    "scripts/cart-pole-a2c.py",
    _A2C_PATCHES,
    [],
    file_patches={"src/a2c.py": [("action_log_prob = action_logits[action]", "action_log_prob = action_logits.log_softmax(-1)[action]")]},
    **_first(_FAULTS),
)

SCRIPTS25: list[Script] = [A2C, A2C_FIXED]
