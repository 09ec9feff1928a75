"""part of positive project [LG005]: the critic ends in nn.Linear(512, 1) and returns Q of shape (batch, 1); CriticNetLoss wraps nn.MSELoss and calls it on (pred, target) as given."""
# Source: Jona240/DDPG-Routing-Test at 132d3372 (read as is; issue #1 posts the resulting warning "Using a target size (torch.Size([3, 3])) that is different to the input size (torch.Size([3, 1]))"), net.py;
# re-typed, identifiers renamed; the actor's connectivity mask kept in outline.
import torch
import torch.nn as nn
import torch.nn.functional as F


class ActionNet(nn.Module):
    def __init__(self, input=(30 * 30 + 30 * 30 + 1), output=30, noise=False):
        super(ActionNet, self).__init__()
        self.fc1 = nn.Linear(input, 1024)
        self.fc2 = nn.Linear(1024, 512)
        self.fc3 = nn.Linear(512, output)
        self.relu = nn.LeakyReLU(negative_slope=0.01, inplace=False)

    def forward(self, x):
        out = self.relu(self.fc1(x))
        out = self.relu(self.fc2(out))
        out = F.relu(self.fc3(out))
        cm = x[:, :900].view(-1, 30, 30)
        lp = x[:, 1800].long()
        mask = torch.cat(tuple(cm[i, lp[i]].unsqueeze(0) for i in range(cm.shape[0])), dim=0)
        return F.softmax(out * mask, -1)


class ActorNetLoss(nn.Module):
    def __init__(self):
        super(ActorNetLoss, self).__init__()

    def forward(self, critic_q):
        return -torch.mean(critic_q)


class CriticNet(nn.Module):
    def __init__(self, input=(30 * 30 + 30 * 30 + 1 + 30), output=1):
        super(CriticNet, self).__init__()
        self.fc1 = nn.Linear(input, 1024)
        self.fc2 = nn.Linear(1024, 512)
        self.fc3 = nn.Linear(512, output)
        self.relu = nn.LeakyReLU(negative_slope=0.01, inplace=False)

    def forward(self, x):
        x = self.relu(self.fc1(x))
        x = self.relu(self.fc2(x))
        return self.fc3(x)


class CriticNetLoss(nn.Module):
    def __init__(self):
        super(CriticNetLoss, self).__init__()
        self.loss = nn.MSELoss()

    def forward(self, pred, target):
        total_loss = self.loss(pred, target)  # expect: LG005
        return total_loss
