"""part of positive project [LG007, LG010, LG011]: the concat attention normalises its (batch x source) energies with F.softmax without dim=."""
# Source: https://github.com/jamesli1618/Obj-GAN box_generation/seq2seq/models/attention.py at 44b442ff1a1588bcf7c4855aaca2e6a4c26b10ed; re-typed, names changed.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable


class Attention(nn.Module):
    def __init__(self, method, hidden_size):
        super(Attention, self).__init__()
        self.method = method
        self.hidden_size = hidden_size
        if self.method == "general":
            self.attn = nn.Linear(self.hidden_size, hidden_size)
        elif self.method == "concat":
            self.attn = nn.Linear(self.hidden_size * 2, hidden_size)
            self.v = nn.Parameter(torch.FloatTensor(hidden_size))

    def forward(self, hidden, encoder_outputs):
        batch = encoder_outputs.size(0)
        length = encoder_outputs.size(1)
        energies = Variable(torch.zeros(batch, length))
        if torch.cuda.is_available():
            energies = energies.cuda()
        for b in range(batch):
            for i in range(length):
                energies[b, i] = self.score(hidden[:, b], encoder_outputs[b, i].unsqueeze(0))
        return F.softmax(energies).unsqueeze(1)  # expect: LG011

    def score(self, hidden, encoder_output):
        if self.method == "dot":
            return hidden.dot(encoder_output)
        elif self.method == "general":
            return hidden.dot(self.attn(encoder_output))
        energy = self.attn(torch.cat((hidden, encoder_output), 1))
        return self.v.dot(energy)
