"""look-alike [LG007, LG005, LG006, LG015]: recurrent attention model: the action network returns F.log_softmax(fc(h), dim=1) into F.nll_loss; stacked (B, T) baselines vs the (B, T) reward in F.mse_loss; REINFORCE term summed over time and averaged; losses.update(loss.item())."""
# Source: https://github.com/kevinzakka/recurrent-visual-attention modules.py, model.py and trainer.py at
# a38ac8958ebf1c61a10c4d5320f1e31d3d0b73dd; re-typed, names changed, reduced. Correct code.
import torch
import torch.nn as nn
import torch.nn.functional as F


class ActionNetwork(nn.Module):
    def __init__(self, input_size, output_size):
        super().__init__()
        self.fc = nn.Linear(input_size, output_size)

    def forward(self, h_t):
        a_t = F.log_softmax(self.fc(h_t), dim=1)
        return a_t


class BaselineNetwork(nn.Module):
    def __init__(self, input_size, output_size):
        super().__init__()
        self.fc = nn.Linear(input_size, output_size)

    def forward(self, h_t):
        b_t = self.fc(h_t.detach())
        return b_t


class RecurrentAttention(nn.Module):
    def __init__(self, glimpse, core, locator, hidden_size, num_classes):
        super().__init__()
        self.sensor = glimpse
        self.rnn = core
        self.locator = locator
        self.classifier = ActionNetwork(hidden_size, num_classes)
        self.baseliner = BaselineNetwork(hidden_size, 1)

    def forward(self, x, l_t_prev, h_t_prev, last=False):
        g_t = self.sensor(x, l_t_prev)
        h_t = self.rnn(g_t, h_t_prev)
        log_pi, l_t = self.locator(h_t)
        b_t = self.baseliner(h_t).squeeze()
        if last:
            log_probas = self.classifier(h_t)
            return h_t, l_t, b_t, log_probas, log_pi
        return h_t, l_t, b_t, log_pi


class Trainer:
    def __init__(self, model, num_glimpses, lr):
        self.model = model
        self.num_glimpses = num_glimpses
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=lr)

    def train_one_epoch(self, train_loader, losses, reset):
        self.model.train()
        for i, (x, y) in enumerate(train_loader):
            self.optimizer.zero_grad()
            h_t, l_t = reset(x.shape[0])
            log_pi = []
            baselines = []
            for t in range(self.num_glimpses - 1):
                h_t, l_t, b_t, p = self.model(x, l_t, h_t)
                baselines.append(b_t)
                log_pi.append(p)
            h_t, l_t, b_t, log_probas, p = self.model(x, l_t, h_t, last=True)
            log_pi.append(p)
            baselines.append(b_t)
            baselines = torch.stack(baselines).transpose(1, 0)
            log_pi = torch.stack(log_pi).transpose(1, 0)
            predicted = torch.max(log_probas, 1)[1]
            R = (predicted.detach() == y).float()
            R = R.unsqueeze(1).repeat(1, self.num_glimpses)
            loss_action = F.nll_loss(log_probas, y)
            loss_baseline = F.mse_loss(baselines, R)
            adjusted_reward = R - baselines.detach()
            loss_reinforce = torch.sum(-log_pi * adjusted_reward, dim=1)
            loss_reinforce = torch.mean(loss_reinforce, dim=0)
            loss = loss_action + loss_baseline + loss_reinforce * 0.01
            losses.update(loss.item(), x.size()[0])
            loss.backward()
            self.optimizer.step()
