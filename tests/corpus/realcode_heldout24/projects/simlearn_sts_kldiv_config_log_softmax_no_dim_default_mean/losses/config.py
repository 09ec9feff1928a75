"""part of positive project [LG009, LG011]: each loss option is a config object holding the head module that produces the logits and the criterion; the 'kldiv' option pairs the STS log-softmax head with nn.KLDivLoss() at its default reduction (the mean over every element, not the KL divergence), the 'softmax' option a log-softmax linear head with NLLLoss."""
# Source: juanmc2005/SimilarityLearning at bed6d87a (read as is), losses/config.py; re-typed, identifiers renamed; the
# ArcFace, center, CoCo, contrastive and triplet configs and the speaker/MNIST optimizer branches cut.
import torch.nn.functional as F
import torch.optim as optim
from torch import nn

import core.base as base
from losses.wrappers import CriterionAdapter, STSScoreHead


class CentroidLinear(nn.Module):

    def __init__(self, nfeat, nclass):
        super(CentroidLinear, self).__init__()
        self.linear = nn.Linear(nfeat, nclass, bias=False)

    def forward(self, x, y):
        return F.log_softmax(self.linear(x), dim=1)


class LossSetup:

    def __init__(self, name, param_desc, head, loss, test_distance):
        self.name = name
        self.param_desc = param_desc
        self.head = head
        self.loss = loss
        self.test_distance = test_distance

    def optimizer(self, model, task, lr):
        raise NotImplementedError


class KLDivSetup(LossSetup):

    def __init__(self, device, nfeat):
        head = STSScoreHead(nfeat)
        loss = CriterionAdapter(nn.KLDivLoss().to(device))  # expect: LG009
        super(KLDivSetup, self).__init__('KL-Divergence', None, head, loss, None)

    def optimizer(self, model, task, lr=0.0001):
        return base.Optimizer([optim.RMSprop(model.parameters(), lr=lr)], [])


class SoftmaxSetup(LossSetup):

    def __init__(self, device, nfeat, nclass):
        self.head = CentroidLinear(nfeat, nclass)
        loss = CriterionAdapter(nn.NLLLoss().to(device))
        super(SoftmaxSetup, self).__init__('Cross Entropy', None, self.head, loss, None)

    def optimizer(self, model, task, lr):
        return base.Optimizer([optim.RMSprop(model.parameters(), lr=lr)], [])
