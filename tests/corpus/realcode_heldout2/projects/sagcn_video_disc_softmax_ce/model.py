"""part of positive project [LG001, LG011]: SA-GCN video discriminator returns (sigmoid score, nn.Softmax() class probabilities); train.py star-imports the model module and feeds the probabilities to CrossEntropyLoss."""
# Source: https://github.com/PingYu-iris/SA-GCN model.py at ee2e7ec51cda32f1942e74f7222d007255a84929
# (pull request #4 "softmax must not be applied before nn.CrossEntropyLoss"); re-typed, names changed, reduced.
import torch
import torch.nn as nn


class VideoDiscriminator(nn.Module):
    def __init__(self):
        super(VideoDiscriminator, self).__init__()
        self.block1 = nn.Sequential(
            nn.Conv1d(30, 1000, 1),
            nn.LeakyReLU(0.2),
            nn.Conv1d(1000, 1000, 1),
            nn.LeakyReLU(0.2),
        )
        self.block2 = nn.Sequential(
            nn.Conv1d(1010, 1024, 1),
            nn.LeakyReLU(0.2),
            nn.Conv1d(1024, 128, 1),
            nn.LeakyReLU(0.2),
        )
        self.proj = nn.Conv1d(128, 1, 3, padding=1)
        self.head_real = nn.Linear(50, 1)
        self.head_cls = nn.Linear(50, 10)
        self.act_real = nn.Sigmoid()
        self.act_cls = nn.Softmax()  # expect: LG011

    def forward(self, seq, cond):
        x = self.block1(seq.transpose(1, 2)).transpose(1, 2)
        h = torch.cat((x, cond), -1)
        x = self.block2(h.transpose(1, 2))
        x = self.proj(x).squeeze()
        real = self.head_real(x).squeeze()
        real = self.act_real(real)
        cls = self.head_cls(x).squeeze()
        cls = self.act_cls(cls)
        return real, cls


class Generator(nn.Module):
    def __init__(self, hidden=256):
        super(Generator, self).__init__()
        self.rnn = nn.GRU(60, hidden, 1)
        self.out = nn.Conv1d(hidden, 30, 3, padding=1)

    def forward(self, cond):
        h, _ = self.rnn(cond)
        return self.out(h.transpose(1, 2)).transpose(1, 2)
