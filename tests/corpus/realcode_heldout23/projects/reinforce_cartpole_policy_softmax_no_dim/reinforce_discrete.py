"""part of positive project [LG011]: the discrete REINFORCE policy returns F.softmax(action_scores) without dim= (the scores are (1, n_actions) here, so the implicit choice is dim 1); the agent samples from the probabilities, takes log of the chosen one and minimises the negative return-weighted log-probability minus an entropy bonus."""
# Source: chingyaoc/pytorch-REINFORCE at 4a38741b (read as is), reinforce_discrete.py; re-typed, identifiers renamed;
# the mixed tab / space indentation of the source written as spaces.
import math
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.nn.utils as utils
import torch.optim as optim
from torch.autograd import Variable


class Policy(nn.Module):
    def __init__(self, hidden_size, num_inputs, action_space):
        super(Policy, self).__init__()
        self.action_space = action_space
        num_outputs = action_space.n
        self.linear1 = nn.Linear(num_inputs, hidden_size)
        self.linear2 = nn.Linear(hidden_size, num_outputs)

    def forward(self, inputs):
        x = inputs
        x = F.relu(self.linear1(x))
        action_scores = self.linear2(x)
        return F.softmax(action_scores)  # expect: LG011


class REINFORCE:
    def __init__(self, hidden_size, num_inputs, action_space):
        self.action_space = action_space
        self.model = Policy(hidden_size, num_inputs, action_space)
        self.model = self.model.cuda()
        self.optimizer = optim.Adam(self.model.parameters(), lr=1e-3)
        self.model.train()

    def select_action(self, state):
        probs = self.model(Variable(state).cuda())
        action = probs.multinomial().data
        prob = probs[:, action[0, 0]].view(1, -1)
        log_prob = prob.log()
        entropy = -(probs * probs.log()).sum()
        return action[0], log_prob, entropy

    def update_parameters(self, rewards, log_probs, entropies, gamma):
        R = torch.zeros(1, 1)
        loss = 0
        for i in reversed(range(len(rewards))):
            R = gamma * R + rewards[i]
            loss = loss - (log_probs[i] * (Variable(R).expand_as(log_probs[i])).cuda()).sum() \
                - (0.0001 * entropies[i].cuda()).sum()
        loss = loss / len(rewards)
        self.optimizer.zero_grad()
        loss.backward()
        utils.clip_grad_norm(self.model.parameters(), 40)
        self.optimizer.step()
