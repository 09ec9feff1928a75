"""positive [LG006]: PAAC adds the graph-carrying policy and value losses of every update to running sums that are only read with .data[0] and reset at each log step."""
# Source: https://github.com/qbx2/PAAC.pytorch train.py and paac.py at 0de8a408d6ad0d05a360a8d9ee27efc9327dd1bd
# (issue #1 by the author, "Too late memory free: loss_sum is added by Variable"); re-typed, names changed, reduced.
import torch
import torch.nn as nn
from torch.autograd import Variable


class ActorCritic(nn.Module):
    def __init__(self, num_actions):
        super(ActorCritic, self).__init__()
        self.conv_layers = nn.Sequential(nn.Conv2d(4, 16, 8, 4), nn.ReLU(), nn.Conv2d(16, 32, 4, 2), nn.ReLU())
        self.fc = nn.Sequential(nn.Linear(2592, 256), nn.ReLU())
        self.policy_output = nn.Sequential(nn.Linear(256, num_actions), nn.Softmax(1))
        self.value_output = nn.Linear(256, 1)

    def forward(self, x):
        x = self.conv_layers(x)
        x = x.view(x.size(0), -1)
        x = self.fc(x)
        return self.policy_output(x), self.value_output(x)

    @staticmethod
    def log_and_negated_entropy(x, epsilon):
        log_x = (x + epsilon).log()
        return log_x, (x * log_x).sum(0).sum(0)

    @staticmethod
    def get_loss(q_values, values, log_a):
        diff = Variable(q_values) - values
        loss_p = -(Variable(diff.data) * log_a).mean(0)
        double_loss_v = diff.pow(2).mean(0)
        loss = loss_p + 0.25 * double_loss_v
        return loss_p, double_loss_v, loss


class Trainer:
    def __init__(self, net, optim):
        self.net = net
        self.optim = optim

    def train(self, t_max, n_max, gamma, beta, clip, epsilon, log_step):
        model_params = self.net.parameters()
        values = Variable(torch.zeros(t_max, 16))
        log_a = Variable(torch.zeros(t_max, 16))
        q_values = torch.zeros(t_max + 1, 16)
        loss_p_sum = double_loss_v_sum = entropy_sum = 0
        for n in range(n_max):
            values = Variable(values.data)
            log_a = Variable(log_a.data)
            for t in range(t_max):
                probs, value = self.net(Variable(states[t]))
                values[t] = value
                log_p, negated_h = self.net.log_and_negated_entropy(probs, epsilon)
                actions = probs.multinomial(1).data
                log_a[t] = log_p.gather(1, Variable(actions.clone()))
            q_values[t_max] = self.net(Variable(next_states))[1].data
            loss_sum = 0
            for t in reversed(range(t_max)):
                q_values[t] = rewards[t] + (1.0 - terminals[t]) * gamma * q_values[t + 1]
                loss_p, double_loss_v, loss = self.net.get_loss(q_values[t], values[t], log_a[t])
                loss_sum += loss
                loss_p_sum += loss_p  # expect: LG006
                double_loss_v_sum += double_loss_v  # expect: LG006
            self.optim.zero_grad()
            loss_sum.backward()
            torch.nn.utils.clip_grad_norm(model_params, clip)
            self.optim.step()
            if n % log_step == log_step - 1:
                print(loss_p_sum.data[0], double_loss_v_sum.data[0])
                loss_p_sum = double_loss_v_sum = entropy_sum = 0
