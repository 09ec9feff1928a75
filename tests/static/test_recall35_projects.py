"""Round 37 (branch recall35, docs/survey.md "Round 37: TD targets' shapes ..."): a DQN's gathered Q-values against its
TD target, each a project with ``# expect:`` markers and its look-alike, run end to end through the engine as in
test_interp.py's PROJECTS. Every positive here is silent on main at the start of session 27 (d9bcb710)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}


# jvmncs/safe-grid-agents' DeepQAgent (realcode_heldout27): the Q-network's hidden layers an unknown number of copies of
# one block (interp/repeated_blocks.py), the actions a helper's tensor reshaped to (-1, 1), so the gathered Q-values are
# (N, 1) (interp/gathered_shapes.py); the TD target broadcasts the (N,) best next value (interp/extremes.py) with
# rewards of unknown shape, so it ends in N (partial_broadcast.py): each Q-value meets every target.
_SAFE_GRID = """
import torch
import torch.nn as nn
import torch.nn.functional as F


class DeepQAgent:
    def __init__(self, n_input, n_layers, n_hidden, n_actions, discount):
        self.n_input = n_input
        self.Q = self.build_Q(n_input, n_layers, n_hidden, n_actions)
        self.target_Q = self.build_Q(n_input, n_layers, n_hidden, n_actions)
        self.optim = torch.optim.Adam(self.Q.parameters(), lr=1e-3)
        self.discount = discount

    def build_Q(self, n_input, n_layers, n_hidden, n_actions):
        first = nn.Sequential(nn.Linear(n_input, n_hidden), nn.ReLU())
        hidden = nn.Sequential(*tuple(nn.Sequential(nn.Linear(n_hidden, n_hidden), nn.ReLU()) for _ in range(n_layers - 1)))
        return nn.Sequential(first, hidden, nn.Linear(n_hidden, n_actions))

    def lift(self, x, dtype=torch.float32):
        return torch.as_tensor(x, dtype=dtype)

    def learn(self, batch):
        states = self.lift(batch.states).reshape(-1, self.n_input)
        actions = self.lift(batch.actions, dtype=torch.long).reshape(-1, 1)
        successors = self.lift(batch.successors).reshape(-1, self.n_input)
        rewards = self.lift(batch.rewards)
        Qs = self.Q(states).gather(1, actions){squeeze}
        next_Qs = self.target_Q(successors).max(1)[0]{unsqueeze}
        expected_Qs = self.discount * next_Qs + rewards
        loss = F.mse_loss(Qs, expected_Qs){expect}
        self.optim.zero_grad()
        loss.backward()
        self.optim.step()


agent = DeepQAgent(25, 3, 64, 4, 0.99)
for batch in replay_batches():
    agent.learn(batch)
"""

PROJECTS["a_gathered_q_column_against_a_td_target_ending_in_the_batch"] = {
    "agent.py": _SAFE_GRID.format(squeeze="", unsqueeze="", expect="  # expect: LG005"),
}
# look-alikes: the best next value made a column too (the rewards' shape unknown: nothing known of the target's last
# axis), and the Q-values squeezed to (N,) against a target ending in N
PROJECTS["a_gathered_q_column_against_a_td_target_of_columns"] = {
    "agent.py": _SAFE_GRID.format(squeeze="", unsqueeze=".unsqueeze(1)", expect=""),
}
PROJECTS["gathered_q_values_squeezed_against_a_td_target_ending_in_the_batch"] = {
    "agent.py": _SAFE_GRID.format(squeeze=".squeeze(1)", unsqueeze="", expect=""),
}


# XinJingHao/Duel-Double-DQN-Pytorch's DQN.py (mut26's xj_q_squeezed): a replay buffer of (capacity, 1) columns sampled by
# rows, so the actions are (B, 1), and ``gather(1, a).squeeze(1)`` is (B,); the TD target ``r + (~dw) * gamma *
# max_q_next`` is (B, 1) (``~`` keeps the mask's shape; ``max(1)[0]`` is the (B,) best value, unsqueezed).
_BUFFER = """
import torch
import torch.nn as nn
import torch.nn.functional as F


class ReplayBuffer:
    def __init__(self, state_dim, max_size):
        self.s = torch.zeros((max_size, state_dim))
        self.a = torch.zeros((max_size, 1), dtype=torch.long)
        self.r = torch.zeros((max_size, 1))
        self.s_next = torch.zeros((max_size, state_dim))
        self.dw = torch.zeros((max_size, 1), dtype=torch.bool)
        self.size = 0

    def sample(self, batch_size):
        ind = torch.randint(0, self.size, size=(batch_size,))
        return self.s[ind], self.a[ind], self.r[ind], self.s_next[ind], self.dw[ind]


class Agent:
    def __init__(self, state_dim, action_dim, gamma=0.99, batch_size=256):
        self.q_net = nn.Sequential(nn.Linear(state_dim, 200), nn.ReLU(), nn.Linear(200, action_dim))
        self.q_target = nn.Sequential(nn.Linear(state_dim, 200), nn.ReLU(), nn.Linear(200, action_dim))
        self.optimizer = torch.optim.Adam(self.q_net.parameters(), lr=1e-4)
        self.replay_buffer = ReplayBuffer(state_dim, int(1e6))
        self.gamma, self.batch_size = gamma, batch_size

    def train(self):
        s, a, r, s_next, dw = self.replay_buffer.sample(self.batch_size)
        with torch.no_grad():
            max_q_next = self.q_target(s_next).{best}.unsqueeze(1)
            target_Q = r + (~dw) * self.gamma * max_q_next
        current_q_a = self.q_net(s).gather(1, a){squeeze}
        q_loss = F.mse_loss(current_q_a, target_Q){expect}
        self.optimizer.zero_grad()
        q_loss.backward()
        self.optimizer.step()


agent = Agent(4, 2)
for step in range(1000):
    agent.train()
"""

PROJECTS["a_squeezed_gather_against_a_buffer_column_target"] = {
    "dqn.py": _BUFFER.format(best="max(1)[0]", squeeze=".squeeze(1)", expect="  # expect: LG005"),
}
PROJECTS["a_squeezed_gather_against_a_buffer_column_target_torch_max"] = {
    "dqn.py": _BUFFER.format(best="max(dim=1).values", squeeze=".squeeze(1)", expect="  # expect: LG005").replace(
        "self.q_target(s_next).max(dim=1).values", "torch.max(self.q_target(s_next), dim=1).values"
    ),
}
# look-alikes: the gathered column kept (B, 1) against the (B, 1) target; against a target whose last size is not
# known (a maximum over every value, ``max()``, is not read as a pair: ``(..., B, ?)``), the column may be right
PROJECTS["a_gathered_column_against_a_buffer_column_target"] = {
    "dqn.py": _BUFFER.format(best="max(1)[0]", squeeze="", expect=""),
}
PROJECTS["a_gathered_column_against_a_target_of_unknown_last_size"] = {
    "dqn.py": _BUFFER.format(best="max()", squeeze="", expect=""),
}


# a repeated block that changes the width (Linear(h, 2h) copies) leaves the Q-values' shape unknown: silent
PROJECTS["a_gathered_q_column_through_widening_repeated_blocks"] = {
    "agent.py": _SAFE_GRID.format(squeeze="", unsqueeze="", expect="").replace(
        "nn.Sequential(nn.Linear(n_hidden, n_hidden), nn.ReLU()) for _", "nn.Sequential(nn.Linear(n_hidden, 2 * n_hidden), nn.ReLU()) for _"
    ),
}


# alirezakazemipour/Discrete-SAC-PyTorch's agent (mut25's as_q_squeezed, with a number for its discount): the value of the
# next states a sum over the actions kept as a last axis of size 1 (``.sum(-1).unsqueeze(-1)``, ``.sum(-1, keepdim=True)``)
# of probabilities of unknown shape, so the target is (..., N, 1) whatever the policy returns
_SAC = """
import torch
import torch.nn as nn
import torch.nn.functional as F


class SAC:
    def __init__(self, policy, n_states, n_actions):
        self.policy = policy
        self.q1 = nn.Sequential(nn.Linear(n_states, 64), nn.ReLU(), nn.Linear(64, n_actions))
        self.q1_target = nn.Sequential(nn.Linear(n_states, 64), nn.ReLU(), nn.Linear(64, n_actions))
        self.q1_opt = torch.optim.Adam(self.q1.parameters(), lr=3e-4)

    def train(self, batch):
        states = torch.cat(batch.state).view(-1, 8)
        actions = torch.cat(batch.action).view((-1, 1)).long()
        rewards = torch.cat(batch.reward).view((-1, 1))
        next_states = torch.cat(batch.next_state).view(-1, 8)
        with torch.no_grad():
            _, next_probs = self.policy(next_states)
            next_v = {next_v}
            target_q = rewards + 0.99 * next_v
        q1 = self.q1(states).gather(1, actions){squeeze}
        loss = F.mse_loss(q1, target_q){expect}
        self.q1_opt.zero_grad()
        loss.backward()
        self.q1_opt.step()


agent = SAC(make_policy(), 8, 4)
for batch in batches():
    agent.train(batch)
"""

PROJECTS["a_squeezed_gather_against_a_column_of_unknown_rank"] = {
    "sac.py": _SAC.format(
        next_v="(next_probs * self.q1_target(next_states)).sum(-1).unsqueeze(-1)", squeeze=".squeeze(1)", expect="  # expect: LG005"
    ),
}
PROJECTS["a_squeezed_gather_against_a_kept_axis_of_unknown_rank"] = {
    "sac.py": _SAC.format(
        next_v="(next_probs * self.q1_target(next_states)).sum(-1, keepdim=True)", squeeze=".squeeze(1)", expect="  # expect: LG005"
    ),
}
# look-alikes: the gathered column against the column; the sum without the kept axis (its rank not known)
PROJECTS["a_gathered_column_against_a_column_of_unknown_rank"] = {
    "sac.py": _SAC.format(next_v="(next_probs * self.q1_target(next_states)).sum(-1).unsqueeze(-1)", squeeze="", expect=""),
}
PROJECTS["a_squeezed_gather_against_a_sum_of_unknown_rank"] = {
    "sac.py": _SAC.format(next_v="(next_probs * self.q1_target(next_states)).sum(-1)", squeeze=".squeeze(1)", expect=""),
}


# the same buffer with the discount and the networks from outside (XinJingHao's agent is built from ``**vars(opt)``):
# ``(~dw) * gamma`` of a discount of unknown kind is ``(..., B, ?)``, and the gathered Q-values of a network the
# checker cannot follow still have the index's shape, squeezed ``(B,)``: the vector repeats down the B rows
PROJECTS["a_squeezed_gather_against_buffer_columns_times_a_discount_from_outside"] = {
    "dqn.py": _BUFFER.format(best="max(1)[0]", squeeze=".squeeze(1)", expect="  # expect: LG005")
    .replace(
        "def __init__(self, state_dim, action_dim, gamma=0.99, batch_size=256):", "def __init__(self, state_dim, action_dim, opt, batch_size=256):"
    )
    .replace("self.gamma, self.batch_size = gamma, batch_size", "self.gamma, self.batch_size = opt.gamma, batch_size")
    .replace(
        "self.q_net = nn.Sequential(nn.Linear(state_dim, 200), nn.ReLU(), nn.Linear(200, action_dim))",
        "self.q_net = build_q_net(state_dim, action_dim)",
    )
    .replace("agent = Agent(4, 2)", "agent = Agent(4, 2, parse_options())"),
}
# look-alike: one target vector for every row (a center the features are pulled to), its length not the rows' count
PROJECTS["one_target_vector_for_every_row_of_unknown_scale"] = {
    "center.py": """
import torch
import torch.nn as nn
import torch.nn.functional as F

encoder = nn.Sequential(nn.Linear(32, 64), nn.ReLU(), nn.Linear(64, 64))
center = torch.zeros(64)
optimizer = torch.optim.Adam(encoder.parameters())
for step in range(100):
    feats = encoder(torch.randn(16, 32)) * config.scale
    loss = F.mse_loss(feats, center)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
""",
}

# look-alike (round 38, athishr88/pytorch_practice at HEAD, lin_reg.py): a regression whose layer width is a name read
# from the data's shape, against (N, 1) targets: the width may be 1 (here it is), so the column is not a mismatch
PROJECTS["a_column_target_against_a_layer_width_named_by_a_variable"] = {
    "lin_reg.py": """
import numpy as np
import torch as T
import torch.nn as nn
from sklearn import datasets

x_np, y_np = datasets.make_regression(n_samples=100, n_features=1, noise=20, random_state=1)
X = T.from_numpy(x_np.astype(np.float32))
y = T.from_numpy(y_np.astype(np.float32))
y = y.view(y.shape[0], 1)
n_samples, n_features = X.shape
model = nn.Linear(n_features, n_features)
criterion = nn.MSELoss()
optimizer = T.optim.SGD(model.parameters(), lr=0.01)
for epoch in range(1000):
    y_pred = model(X)
    loss = criterion(y_pred, y)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
""",
}


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_recall35_projects(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
