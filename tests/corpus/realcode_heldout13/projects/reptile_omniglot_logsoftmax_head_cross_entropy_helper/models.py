"""part of positive project [LG001]: the Omniglot model ends its classifier nn.Sequential in nn.LogSoftmax(1); clone() builds a new model of the same class for every task."""
# Source: gabrielhuang/reptile-pytorch@e763a507051fc534a01b1b2d5fc84887c49b1f4f models.py (the parent of 6cbc577 "fix crossentropy -> nllloss", its issue #2 "Improper loss calculation"; re-typed, identifiers renamed, the Python 2 print statements of the self-test made print() calls, the self-test left out)
import torch
from torch import nn
from torch.autograd import Variable


class MetaModule(nn.Module):

    def __init__(self):
        nn.Module.__init__(self)

    def move_grad_towards(self, other):
        for p, other_p in zip(self.parameters(), other.parameters()):
            if p.grad is None:
                if self.on_gpu():
                    p.grad = Variable(torch.zeros(p.size())).cuda()
                else:
                    p.grad = Variable(torch.zeros(p.size()))
            p.grad.data.zero_()
            p.grad.data.add_(p.data - other_p.data)

    def on_gpu(self):
        return next(self.parameters()).is_cuda


class GlyphNet(MetaModule):

    def __init__(self, n_way):
        MetaModule.__init__(self)
        self.n_way = n_way
        self.features = nn.Sequential(
            nn.Conv2d(1, 64, 3, 2, 1),
            nn.BatchNorm2d(64),
            nn.ReLU(True),
            nn.Conv2d(64, 64, 3, 2, 1),
            nn.BatchNorm2d(64),
            nn.ReLU(True),
            nn.Conv2d(64, 64, 3, 2, 1),
            nn.BatchNorm2d(64),
            nn.ReLU(True),
            nn.Conv2d(64, 64, 3, 2, 1),
            nn.BatchNorm2d(64),
            nn.ReLU(True),
        )
        self.head = nn.Sequential(
            nn.Linear(256, n_way),
            nn.LogSoftmax(1)
        )

    def forward(self, x):
        h = x.view(-1, 1, 28, 28)
        h = self.features(h)
        h = h.view(len(h), -1)
        h = self.head(h)
        return h

    def predict(self, scores):
        __, best = scores.max(1)
        return best

    def clone(self):
        twin = GlyphNet(self.n_way)
        twin.load_state_dict(self.state_dict())
        if self.on_gpu():
            twin.cuda()
        return twin
