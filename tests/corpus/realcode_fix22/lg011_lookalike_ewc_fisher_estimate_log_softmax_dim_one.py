"""look-alike [LG011]: the same Fisher estimate with the dim=1 that the fix commit gives F.log_softmax (the fix also takes per-sample gradients, not cut)."""

# Source: kuc2477/pytorch-ewc@151d75cdf9 model.py (the fix commit; cut, renamed)
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
            loglikelihoods.append(F.log_softmax(self(x), dim=1)[range(batch_size), y.data])
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
