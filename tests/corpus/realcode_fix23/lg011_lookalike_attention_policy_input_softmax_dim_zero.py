"""look-alike [LG011]: the same attention base at the fix commit: F.softmax(self.input_attention, dim=0)."""

# Source: avivt/pytorch-a2c-ppo-acktr-gail@4e93817a9b a2c_ppo_acktr/model.py (the fix commit; cut, renamed)
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def init(module, weight_init, bias_init, gain=1):
    weight_init(module.weight.data, gain=gain)
    bias_init(module.bias.data)
    return module


class AttentionMLPBase(nn.Module):
    def __init__(self, num_inputs, hidden_size=64):
        super(AttentionMLPBase, self).__init__()
        init_ = lambda m: init(m, nn.init.orthogonal_, lambda x: nn.init.constant_(x, 0), np.sqrt(2))
        self.input_attention = nn.Parameter(torch.zeros(num_inputs), requires_grad=True)
        self.actor = nn.Sequential(init_(nn.Linear(num_inputs, hidden_size)), nn.Tanh(), init_(nn.Linear(hidden_size, hidden_size)), nn.Tanh())
        self.critic = nn.Sequential(init_(nn.Linear(num_inputs, hidden_size)), nn.Tanh(), init_(nn.Linear(hidden_size, hidden_size)), nn.Tanh())
        self.critic_linear = init_(nn.Linear(hidden_size, 1))
        self.train()

    def forward(self, inputs, rnn_hxs, masks):
        x = inputs
        x = F.softmax(self.input_attention, dim=0) * x
        hidden_critic = self.critic(x)
        hidden_actor = self.actor(x)
        return self.critic_linear(hidden_critic), hidden_actor, rnn_hxs
