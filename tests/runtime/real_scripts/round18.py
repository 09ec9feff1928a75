"""Round 18's real scripts (docs/runtime.md "On real scripts, round 18"): kinds not covered before.

``minimalRL-dqn``: seungeunrho/minimalRL at c8efed8 (``dqn.py``), deep Q-learning on CartPole-v1: a
replay buffer, a target network copied every 20 episodes, the TD target ``r + gamma * max Q'(s')``
through ``F.smooth_l1_loss`` (watched as the criterion), Adam 5e-4, ten updates of batch 32 per
episode. Stand-in environment ``shim/gymnasium`` (the script's ``gym`` has gymnasium's API: reset()
-> (state, info), five-value step); training starts at 500 transitions instead of 2,000, 60 episodes
instead of 10,000 (about 300 optimizer steps).

``minimalRL-acer``: the same repository's ``acer.py``: ACER, an off-policy actor-critic with a replay
buffer, truncated importance weights and a bias correction, a Retrace target for the Q head, one
on-policy and one off-policy update per rollout of 10 steps; its loss
``(loss1 + loss2.sum(1) + F.smooth_l1_loss(q_a, q_ret)).mean()`` is handed to ``observe`` (the
recipe for a loss the script computes itself); 80 episodes instead of 10,000, training from 20 rollouts in
the buffer instead of 500 (about 300 updates).

``minimalRL-vtrace``: the same repository's ``vtrace.py``: an actor-critic whose value targets and
policy-gradient weights are V-trace's (IMPALA: truncated importance weights between the behaviour
policy that collected a rollout and the current one), one update per rollout of 20 steps, Adam 5e-4;
``loss.mean()`` handed to ``observe``; 150 episodes instead of 10,000.

``bilstm-crf``: pytorch/tutorials at 546ebc6 (``beginner_source/nlp/advanced_tutorial.py``, its code
without the prose docstring, as ``tutorials-nlp/advanced_tutorial.py`` under ``--src``): a BiLSTM-CRF
tagger whose loss is the CRF's negative log-likelihood of a sentence's tags (the forward algorithm's
log-partition minus the gold path's score), computed by the model (``neg_log_likelihood``) and handed
to ``observe``; SGD 0.01 with weight decay, one sentence per step, its two training sentences for 150
epochs (300 steps) instead of 300. The script's ``torch.cat`` of 0-dimensional scores fails on torch
0.4 and later: each score is viewed as a 1-element tensor (what later versions of the tutorial do).
"""

from __future__ import annotations

from pathlib import Path

from tests.runtime.real_scripts.round8 import FAULT, _first, _lr, lr_faults
from tests.runtime.real_scripts.run import ENV_INT, Fault, Script

# a NaN reward stored in the replay buffer with the 520th transition (sampled into later batches)
_NAN_REWARD = f"(float('nan') if {FAULT.format('nan_batch')} and memory.size() == 520 else r/100.0)"

SCRIPTS18 = [
    Script(
        "minimalRL-dqn",
        "minimalRL",
        "dqn.py",
        [
            ("import gym\n", "import gymnasium as gym\nimport lgrun\n"),
            ("learning_rate = 0.0005\n", f"learning_rate = {_lr('0.0005')}\n"),
            ("        loss = F.smooth_l1_loss(q_a, target)\n", "        loss = LGC(q_a, target)\n"),
            ("    q = Qnet()\n", "    q = Qnet()\n    global LGC\n    LGC = lgrun.watch(q, F.smooth_l1_loss)\n"),
            ("    for n_epi in range(10000):\n", f"    for n_epi in range({ENV_INT.format('LG_EPISODES', '60')}):\n"),
            ("            memory.put((s,a,r/100.0,s_prime, done_mask))\n", f"            memory.put((s,a,{_NAN_REWARD},s_prime, done_mask))\n"),
            ("        if memory.size()>2000:\n", "        if memory.size()>500:\n"),
        ],
        [],
        **_first(lr_faults(5e-4) + [Fault("a NaN reward in the replay buffer (transition 520)", env={"LG_FAULT": "nan_batch"}, expected=("LG101",))]),
    ),
    Script(
        "minimalRL-acer",
        "minimalRL",
        "acer.py",
        [
            ("import gym\n", "import gymnasium as gym\nimport lgrun\n"),
            ("learning_rate = 0.0002\n", f"learning_rate = {_lr('0.0002')}\n"),
            ("    loss.mean().backward()\n", "    LGW.observe(loss.mean()).backward()\n"),
            ("    model = ActorCritic()\n", "    model = ActorCritic()\n    global LGW\n    LGW = lgrun.watch_model(model)\n"),
            ("    for n_epi in range(10000):\n", f"    for n_epi in range({ENV_INT.format('LG_EPISODES', '80')}):\n"),
            # its replay buffer holds rollouts of 10 steps: training from 20 of them instead of 500
            ("            if memory.size()>500:\n", "            if memory.size()>20:\n"),
        ],
        [],
        **_first(lr_faults(2e-4)),
    ),
    Script(
        "minimalRL-vtrace",
        "minimalRL",
        "vtrace.py",
        [
            ("import gym\n", "import gymnasium as gym\nimport lgrun\n"),
            ("learning_rate      = 0.0005\n", f"learning_rate      = {_lr('0.0005')}\n"),
            ("        loss.mean().backward()\n", "        LGW.observe(loss.mean()).backward()\n"),
            ("    model = Vtrace()\n", "    model = Vtrace()\n    global LGW\n    LGW = lgrun.watch_model(model)\n"),
            ("    for n_epi in range(10000):\n", f"    for n_epi in range({ENV_INT.format('LG_EPISODES', '150')}):\n"),
        ],
        [],
        **_first(lr_faults(5e-4)),
    ),
    Script(
        "bilstm-crf",
        "tutorials-nlp",
        "advanced_tutorial.py",
        [
            ("import torch\n", "import torch, lgrun\n"),
            ("                alphas_t.append(log_sum_exp(next_tag_var))\n", "                alphas_t.append(log_sum_exp(next_tag_var).view(1))\n"),
            (
                "                viterbivars_t.append(next_tag_var[0][best_tag_id])\n",
                "                viterbivars_t.append(next_tag_var[0][best_tag_id].view(1))\n",
            ),
            (
                "optimizer = optim.SGD(model.parameters(), lr=0.01, weight_decay=1e-4)\n",
                f"optimizer = optim.SGD(model.parameters(), lr={_lr('0.01')}, weight_decay=1e-4)\nLGW = lgrun.watch_model(model)\n",
            ),
            ("        300):  # again", "        150):  # again"),
            (
                "        targets = torch.LongTensor([tag_to_ix[t] for t in tags])\n",
                "        targets = lgrun.shuffled(torch.LongTensor([tag_to_ix[t] for t in tags]))\n",
            ),
            (
                "        neg_log_likelihood = model.neg_log_likelihood(sentence_in, targets)\n",
                "        neg_log_likelihood = LGW.observe(model.neg_log_likelihood(sentence_in, targets))\n",
            ),
        ],
        [],
        **_first(
            lr_faults(0.01) + [Fault("tags of other words (permuted in each sentence)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",))]
        ),
    ),
]


def prepare(script: Script, work: Path) -> None:
    """Nothing to generate: CartPole is the stand-in environment, the tagger's data is in its script."""
