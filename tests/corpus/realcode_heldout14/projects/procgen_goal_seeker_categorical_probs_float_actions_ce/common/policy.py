"""part of positive project [LG001, LG013]: the goal-seeker policy's action model returns a Categorical built from log_softmax logits."""
# Source: tbuckworth/train-procgen-pytorch at b959417 ("changed action_loss to cross entropy if c"), the parent of 61350fe
# (same message, which one-hot encodes the actions as a float target and keeps act_hat.probs), common/policy.py; re-typed, identifiers renamed; the goal, trajectory and actor heads' use cut.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.distributions import Categorical, Normal


class GoalSeekerPolicy(nn.Module):
    def __init__(self, embedder, action_size, model_constructor=lambda x, y: nn.Linear(x, y), predict_continuous=True, continuous_actions=False):
        super(GoalSeekerPolicy, self).__init__()
        self.embedder = embedder
        self.action_size = action_size
        self.h_size = self.embedder.output_dim
        self.predict_continuous = predict_continuous
        self.continuous_actions = continuous_actions
        scale_out = 2 if self.predict_continuous else 1
        action_scale = 2 if self.continuous_actions else 1
        self.action_model = model_constructor(self.h_size * 2, action_size * action_scale)
        self.forward_model = model_constructor(self.h_size + action_size, self.h_size * scale_out)
        self.critic = model_constructor(self.h_size, 1)
        self.actor = model_constructor(self.h_size, action_size * action_scale)

    def distribution(self, logits, categorical=False):
        if not categorical:
            n = logits.shape[-1] // 2
            mean = logits[..., :n]
            logvar = logits[..., n:]
            std = torch.sqrt(logvar.exp())
            std = torch.clamp(std, min=torch.finfo(std.dtype).tiny ** 0.5)
            return Normal(mean, std)
        logits = F.log_softmax(logits, dim=-1)
        return Categorical(logits=logits)

    def predict_action_hidden(self, hidden, next_hidden):
        hnh = torch.concat((hidden, next_hidden), dim=-1)
        out = self.action_model(hnh)
        return self.distribution(out, categorical=not self.continuous_actions)

    def predict_action(self, state, next_state):
        return self.predict_action_hidden(self.embedder(state), self.embedder(next_state))

    def forward(self, state):
        hidden = self.embedder(state)
        dist = self.distribution(self.actor(hidden), categorical=not self.continuous_actions)
        value = self.critic(hidden).squeeze(-1)
        return dist, value, hidden
