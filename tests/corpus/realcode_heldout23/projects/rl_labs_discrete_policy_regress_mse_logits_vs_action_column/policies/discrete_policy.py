"""part of positive project [LG005]: the discrete (Categorical) policy for MountainCar returns one raw score per action, (T, 3); train_regress fits it to the expert's actions with F.mse_loss(proposed_action, action), where the action array built from the expert's [0] / [1] lists is a float (T, 1) column, so the loss broadcasts (T, 3) against (T, 1) (the fix, PR #7, uses cross_entropy on action.flatten().long())."""
# Source: osigaud/Basic-Policy-Gradient-Labs at d190ef16 (the parent of 3ea1463c, "Fix regress loss", PR #7), policies/discrete_policy.py;
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
        loss = func.mse_loss(proposed_action, action)  # expect: LG005
        self.update(loss)
        return loss
