"""positive [LG015, LG011]: RA-CNN's custom RankLoss returns clamp(ps1 - ps2 + margin, min=0), one value per sample, and .backward() is called on it directly; its softmax has no dim."""
# Source: https://github.com/dillondavis/RecurrentAttentionConvolutionalNeuralNetwork src/manager.py at
# 0fbc06d9a19c71542ffd7c38af4914fd381efe81 (issue #4: "grad can be implicitly created only for scalar
# outputs" with batch_size 32); re-typed, names changed, reduced.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable


class RankLoss(nn.Module):
    def __init__(self, margin):
        super(RankLoss, self).__init__()
        self.margin = margin

    def forward(self, scores1, scores2, target):
        p1 = F.softmax(scores1)[:, target.long().data]  # expect: LG011
        p2 = F.softmax(scores2)[:, target.long().data]  # expect: LG011
        return torch.clamp(p1 - p2 + self.margin, min=0)


class Manager(object):
    def __init__(self, model):
        self.model = model
        self.criterion_class = nn.CrossEntropyLoss()
        self.criterion_rank = RankLoss(0.05)

    def do_batch(self, optimizer, batch, label, optimize_class=True):
        batch = Variable(batch)
        label = Variable(label)
        self.model.zero_grad()
        scores = self.model(batch)
        if optimize_class:
            for i in range(len(scores) - 1, -1, -1):
                retain_graph = i > 0
                self.criterion_class(scores[i], label).backward(retain_graph=retain_graph)
        else:
            for i in range(len(scores) - 1, 0, -1):
                retain_graph = (i - 1) > 0
                self.criterion_rank(scores[i - 1], scores[i], label).backward(retain_graph=retain_graph)  # expect: LG015
        optimizer.step()
