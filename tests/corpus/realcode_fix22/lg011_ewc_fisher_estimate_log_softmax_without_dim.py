"""positive [LG011]: the elastic-weight-consolidation MLP estimates its Fisher information from F.log_softmax(self(x)) without dim (the fix, "fix a major bug in estimate_fisher", passes dim=1 and takes per-sample gradients)."""

# Source: kuc2477/pytorch-ewc@4a75734ef0 model.py, fixed in 151d75cdf9 (cut, renamed)
from functools import reduce

import torch
import torch.nn.functional as F
from torch import autograd, nn
from torch.autograd import Variable
from torch.utils.data import DataLoader


class ConsolidatedMLP(nn.Module):
    def __init__(self, input_size, output_size, hidden_size=400, hidden_layer_num=2, lamda=40):
        super(ConsolidatedMLP, self).__init__()
        self.lamda = lamda
        sizes = [input_size] + [hidden_size] * hidden_layer_num
        self.layers = nn.ModuleList([nn.Linear(a, b) for a, b in zip(sizes, sizes[1:])] + [nn.Linear(hidden_size, output_size)])

    def forward(self, x):
        return reduce(lambda x, layer: layer(x), self.layers, x)

    def estimate_fisher(self, dataset, sample_size, batch_size=32):
        loader = DataLoader(dataset, batch_size=batch_size, shuffle=True)
        loglikelihoods = []
        for x, y in loader:
            x = Variable(x.view(batch_size, -1))
            y = Variable(y)
            loglikelihoods.append(F.log_softmax(self(x))[range(batch_size), y.data])  # expect: LG011
            if len(loglikelihoods) >= sample_size // batch_size:
                break
        loglikelihood = torch.cat(loglikelihoods).mean(0)
        grads = autograd.grad(loglikelihood, self.parameters())
        names = [n.replace(".", "__") for n, p in self.named_parameters()]
        return {n: g**2 for n, g in zip(names, grads)}

    def ewc_loss(self):
        losses = []
        for n, p in self.named_parameters():
            n = n.replace(".", "__")
            mean = getattr(self, "{}_estimated_mean".format(n))
            fisher = getattr(self, "{}_estimated_fisher".format(n))
            losses.append((fisher * (p - mean) ** 2).sum())
        return (self.lamda / 2) * sum(losses)
