"""Round 29's real scripts (docs/runtime.md "Round 39: the watcher on real runs, round 29").

``cleanrl-ppo``: vwxyzjn/cleanrl at fe8d8a0 (``cleanrl/ppo.py``): PPO on CartPole-v1 with 4 synchronous
environments, 128 steps each per rollout, GAE (gamma 0.99, lambda 0.95), 4 epochs of 4 minibatches per rollout, the
loss a hand-written sum of the clipped policy surrogate (signed), minus 0.01 times the entropy, plus half the clipped
value loss; Adam 2.5e-4 (eps 1e-5) annealed linearly to 0 over the run, gradients clipped at norm 0.5. Watched as a
model computing its own loss (``lgrun.watch_model(agent)``, ``observe(loss)``). Stand-ins: ``shim/gymnasium`` (the
fault-injection CartPole, gymnasium 0.29's ``SyncVectorEnv`` autoreset and ``final_info``,
``RecordEpisodeStatistics``) and ``shim/tyro.py`` (``cli`` of the ``Args`` dataclass); ``--total-timesteps 7680``
(15 rollouts, 240 optimizer steps) instead of 500,000; the script seeds itself (``--seed 1``).

``cleanrl-dqn``: vwxyzjn/cleanrl at fe8d8a0 (``cleanrl/dqn.py``, ``cleanrl_utils/buffers.py``): DQN on CartPole-v1, a
120-84 ReLU Q-network, epsilon-greedy exploration decaying linearly over half the run, a replay buffer of 10,000
transitions, every 10th environment step one Adam 2.5e-4 update on ``F.mse_loss(td_target, old_val)`` (the TD target
first: the prediction is the second argument) over 128 sampled transitions, the target network copied every 500
steps. Watched as ``lgrun.watch(q_network, F.mse_loss)``. Stand-ins as cleanrl-ppo's (the buffer is the real
``cleanrl_utils/buffers.py`` over ``shim/gymnasium``'s spaces); ``--total-timesteps 4000 --learning-starts 1000``
(300 optimizer steps, 6 target-network copies) instead of 500,000 and 10,000.

``cleanrl-c51``: vwxyzjn/cleanrl at fe8d8a0 (``cleanrl/c51.py``): categorical DQN (C51) on CartPole-v1: the Q-network
outputs 101 atoms per action (a softmax over returns in [-100, 100]), the target network's next-state distribution
projected onto the atoms, and the loss written by hand, ``-(target_pmfs * old_pmfs.clamp(1e-5, 1 - 1e-5).log())
.sum(-1).mean()`` (a cross-entropy between distributions); Adam 2.5e-4 (eps 0.01 / 128), the target network reloaded
every 500 steps. Watched as a model computing its own loss (``observe``). Stand-ins and length as cleanrl-dqn's.

Every script prints ``LG-DIGEST`` (a hash of the final parameters) and its last loss: the plain run and the watched
healthy run must print the same.
"""

from __future__ import annotations

from tests.runtime.real_scripts.round8 import _first, _lr, lr_faults
from tests.runtime.real_scripts.round28 import FAULT, digest
from tests.runtime.real_scripts.run import Fault, Script

PPO = Script(
    "cleanrl-ppo",
    "cleanrl",
    "cleanrl/ppo.py",
    [
        ("import tyro\n", "import tyro\nimport lgrun\n"),
        ("    args = tyro.cli(Args)\n", f"    args = tyro.cli(Args)\n    args.learning_rate = {_lr('2.5e-4')}\n"),
        (
            "    optimizer = optim.Adam(agent.parameters(), lr=args.learning_rate, eps=1e-5)\n",
            "    optimizer = optim.Adam(agent.parameters(), lr=args.learning_rate, eps=1e-5)\n    LGW = lgrun.watch_model(agent)\n",
        ),
        (
            "        b_returns = returns.reshape(-1)\n",
            f"        b_returns = returns.reshape(-1)\n        if {FAULT} == 'shuffled_targets':\n            b_returns = b_returns[torch.randperm(len(b_returns))]\n",
        ),
        (
            "agent.get_action_and_value(b_obs[mb_inds], b_actions.long()[mb_inds])",
            "agent.get_action_and_value(lgrun.nan_batch(b_obs[mb_inds]), b_actions.long()[mb_inds])",
        ),
        (
            "                loss = pg_loss - args.ent_coef * entropy_loss + v_loss * args.vf_coef\n",
            "                loss = LGW.observe(pg_loss - args.ent_coef * entropy_loss + v_loss * args.vf_coef)\n",
        ),
        (
            "                optimizer.zero_grad()\n                loss.backward()\n",
            f"                optimizer.zero_grad()\n                loss.backward()\n                if {FAULT} == 'frozen':\n                    optimizer.zero_grad()\n",
        ),
        ("    envs.close()\n    writer.close()\n", "    envs.close()\n    writer.close()\n    print('LG-LAST', loss.item())\n    " + digest("agent")),
    ],
    ["--total-timesteps", "7680", "--seed", "1"],
    **_first(
        lr_faults(2.5e-4)
        + [
            Fault("a NaN observation in minibatch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
            Fault("returns shuffled across the rollout (the critic's targets)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
            Fault("zero_grad() after backward() (nothing is stepped)", env={"LG_FAULT": "frozen"}, expected=("LG103", "LG105")),
        ]
    ),
)

DQN = Script(
    "cleanrl-dqn",
    "cleanrl",
    "cleanrl/dqn.py",
    [
        ("import tyro\n", "import tyro\nimport sys, lgrun\nsys.path.insert(0, os.getcwd())\n"),
        ("    args = tyro.cli(Args)\n", f"    args = tyro.cli(Args)\n    args.learning_rate = {_lr('2.5e-4')}\n"),
        (
            "    optimizer = optim.Adam(q_network.parameters(), lr=args.learning_rate)\n",
            "    optimizer = optim.Adam(q_network.parameters(), lr=args.learning_rate)\n    LGC = lgrun.watch(q_network, F.mse_loss)\n",
        ),
        (
            "                old_val = q_network(data.observations).gather(1, data.actions).squeeze()\n                loss = F.mse_loss(td_target, old_val)\n",
            f"                if {FAULT} == 'shuffled_targets':\n                    td_target = td_target[torch.randperm(len(td_target))]\n"
            "                old_val = q_network(lgrun.nan_batch(data.observations)).gather(1, data.actions).squeeze()\n"
            "                loss = LGC(td_target, old_val)\n",
        ),
        (
            "                optimizer.zero_grad()\n                loss.backward()\n",
            f"                optimizer.zero_grad()\n                loss.backward()\n                if {FAULT} == 'frozen':\n                    optimizer.zero_grad()\n",
        ),
        (
            "    envs.close()\n    writer.close()\n",
            "    envs.close()\n    writer.close()\n    print('LG-LAST', loss.item())\n    " + digest("q_network"),
        ),
    ],
    ["--total-timesteps", "4000", "--learning-starts", "1000", "--seed", "1"],
    **_first(
        lr_faults(2.5e-4)
        + [
            Fault("a NaN observation in batch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
            Fault("TD targets shuffled in the batch", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
            Fault("zero_grad() after backward() (nothing is stepped)", env={"LG_FAULT": "frozen"}, expected=("LG103", "LG105")),
        ]
    ),
)

C51 = Script(
    "cleanrl-c51",
    "cleanrl",
    "cleanrl/c51.py",
    [
        ("import tyro\n", "import tyro\nimport sys, lgrun\nsys.path.insert(0, os.getcwd())\n"),
        ("    args = tyro.cli(Args)\n", f"    args = tyro.cli(Args)\n    args.learning_rate = {_lr('2.5e-4')}\n"),
        (
            "    optimizer = optim.Adam(q_network.parameters(), lr=args.learning_rate, eps=0.01 / args.batch_size)\n",
            "    optimizer = optim.Adam(q_network.parameters(), lr=args.learning_rate, eps=0.01 / args.batch_size)\n"
            "    LGW = lgrun.watch_model(q_network)\n",
        ),
        (
            "                _, old_pmfs = q_network.get_action(data.observations, data.actions.flatten())\n"
            "                loss = (-(target_pmfs * old_pmfs.clamp(min=1e-5, max=1 - 1e-5).log()).sum(-1)).mean()\n",
            f"                if {FAULT} == 'shuffled_targets':\n                    target_pmfs = target_pmfs[torch.randperm(len(target_pmfs))]\n"
            "                _, old_pmfs = q_network.get_action(lgrun.nan_batch(data.observations), data.actions.flatten())\n"
            "                loss = LGW.observe((-(target_pmfs * old_pmfs.clamp(min=1e-5, max=1 - 1e-5).log()).sum(-1)).mean())\n",
        ),
        (
            "                optimizer.zero_grad()\n                loss.backward()\n",
            f"                optimizer.zero_grad()\n                loss.backward()\n                if {FAULT} == 'frozen':\n                    optimizer.zero_grad()\n",
        ),
        (
            "    envs.close()\n    writer.close()\n",
            "    envs.close()\n    writer.close()\n    print('LG-LAST', loss.item())\n    " + digest("q_network"),
        ),
    ],
    ["--total-timesteps", "4000", "--learning-starts", "1000", "--seed", "1"],
    **_first(
        lr_faults(2.5e-4)
        + [
            Fault("a NaN observation in batch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
            Fault("target distributions shuffled in the batch", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
            Fault("zero_grad() after backward() (nothing is stepped)", env={"LG_FAULT": "frozen"}, expected=("LG103", "LG105")),
        ]
    ),
)

SCRIPTS29 = [PPO, DQN, C51]
