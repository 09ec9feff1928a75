"""positive [LG011]: policy distribution head: F.softmax(x) / F.log_softmax(x) without dim on the (batch, actions) logits of self(x), for sampling and for the entropy term."""
# Source: https://github.com/ikostrikov/pytorch-a2c-ppo-acktr-gail distributions.py at the parent of
# e8e9747bdae4c7b63dbe8bd10497ce6975e860a7 ("add explict dimension choice for softmax and log-softmax"); re-typed, names changed.
import torch.nn as nn
import torch.nn.functional as F


class Categorical(nn.Module):
    def __init__(self, num_inputs, num_outputs):
        super(Categorical, self).__init__()
        self.linear = nn.Linear(num_inputs, num_outputs)

    def forward(self, x):
        x = self.linear(x)
        return x

    def sample(self, x, deterministic):
        x = self(x)
        probs = F.softmax(x)  # expect: LG011
        if deterministic is False:
            action = probs.multinomial(1)
        else:
            action = probs.max(1, keepdim=True)[1]
        return action

    def logprobs_and_entropy(self, x, actions):
        x = self(x)
        log_probs = F.log_softmax(x)  # expect: LG011
        probs = F.softmax(x)  # expect: LG011
        action_log_probs = log_probs.gather(1, actions)
        dist_entropy = -(log_probs * probs).sum(-1).mean()
        return action_log_probs, dist_entropy
