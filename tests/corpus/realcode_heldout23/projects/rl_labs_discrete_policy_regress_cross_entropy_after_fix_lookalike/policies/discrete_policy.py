"""part of look-alike project [LG005, LG013, LG015]: after the fix the discrete policy's train_regress uses F.cross_entropy on the (T, 3) raw scores against action.flatten().long() (the expert's (T, 1) float column made class indices); train_pg's per-step -log_prob * reward vector is reduced by loss.sum() in update() before backward."""
# Source: osigaud/Basic-Policy-Gradient-Labs at 3ea1463c ("Fix regress loss", PR #7, the fix), policies/discrete_policy.py;
# re-typed, identifiers renamed; make_det_vec and the deterministic branch of select_action shortened.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as func
from torch.distributions import Categorical

from policies.generic_net import GenericNet


class DiscretePolicy(GenericNet):
    def __init__(self, l1, l2, l3, l4, learning_rate):
        super(DiscretePolicy, self).__init__()
        self.relu = nn.ReLU()
        self.fc1 = nn.Linear(l1, l2)
        self.fc2 = nn.Linear(l2, l3)
        self.fc3 = nn.Linear(l3, l4)
        self.optimizer = torch.optim.Adam(self.parameters(), lr=learning_rate)

    def forward(self, state):
        state = torch.from_numpy(state).float()
        state = self.relu(self.fc1(state))
        state = self.relu(self.fc2(state))
        action = self.fc3(state)
        return action

    def select_action(self, state, deterministic=False):
        with torch.no_grad():
            scores = self.forward(state)
            if deterministic:
                return [int(np.argmax(scores))]
            return Categorical(logits=scores).sample().data.numpy().astype(int)

    def train_pg(self, state, action, reward):
        action = torch.FloatTensor(action)
        reward = torch.FloatTensor(reward)
        scores = self.forward(state)
        dist = Categorical(logits=scores)
        loss = -dist.log_prob(action) * reward
        self.update(loss)
        return loss

    def train_regress(self, state, action):
        action = torch.FloatTensor(action)
        proposed_action = self.forward(state)
        loss = func.cross_entropy(proposed_action, action.flatten().long())
        self.update(loss)
        return loss
