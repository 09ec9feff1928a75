"""positive [LG011]: AlphaZero Othello network returns F.log_softmax(pi) without dim (and F.tanh(v)); the wrapper's policy loss is -sum(targets * outputs) / batch and the value loss compares outputs.view(-1) with the targets."""
# Source: issue https://github.com/suragnair/alpha-zero-general/issues/5 (the warning points at
# `return F.log_softmax(pi), F.tanh(v)` in othello/pytorch/OthelloNNet.py); re-typed, names changed, reduced.
import torch
import torch.nn as nn
import torch.nn.functional as F


class OthelloNNet(nn.Module):
    def __init__(self, game, args):
        self.board_x, self.board_y = game.getBoardSize()
        self.action_size = game.getActionSize()
        self.args = args
        super(OthelloNNet, self).__init__()
        self.conv1 = nn.Conv2d(1, args.num_channels, 3, stride=1, padding=1)
        self.bn1 = nn.BatchNorm2d(args.num_channels)
        self.fc1 = nn.Linear(args.num_channels * self.board_x * self.board_y, 512)
        self.fc_bn1 = nn.BatchNorm1d(512)
        self.fc3 = nn.Linear(512, self.action_size)
        self.fc4 = nn.Linear(512, 1)

    def forward(self, s):
        s = s.view(-1, 1, self.board_x, self.board_y)
        s = F.relu(self.bn1(self.conv1(s)))
        s = s.view(-1, self.args.num_channels * self.board_x * self.board_y)
        s = F.dropout(F.relu(self.fc_bn1(self.fc1(s))), p=self.args.dropout, training=self.training)
        pi = self.fc3(s)
        v = self.fc4(s)
        return F.log_softmax(pi), F.tanh(v)  # expect: LG011


class NNetWrapper:
    def __init__(self, game, args):
        self.nnet = OthelloNNet(game, args)
        self.args = args

    def train(self, examples_batches):
        optimizer = torch.optim.Adam(self.nnet.parameters())
        for epoch in range(self.args.epochs):
            self.nnet.train()
            for boards, target_pis, target_vs in examples_batches:
                out_pi, out_v = self.nnet(boards)
                l_pi = self.loss_pi(target_pis, out_pi)
                l_v = self.loss_v(target_vs, out_v)
                total_loss = l_pi + l_v
                optimizer.zero_grad()
                total_loss.backward()
                optimizer.step()

    def loss_pi(self, targets, outputs):
        return -torch.sum(targets * outputs) / targets.size()[0]

    def loss_v(self, targets, outputs):
        return torch.sum((targets - outputs.view(-1)) ** 2) / targets.size()[0]
