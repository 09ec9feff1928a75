"""look-alike [LG007, LG011]: MNIST-style F.log_softmax(x, dim=1) into F.nll_loss, and nn.LogSoftmax(dim=1) into nn.NLLLoss."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.relu(self.fc1(torch.flatten(x, 1)))
        return F.log_softmax(self.fc2(x), dim=1)


aux = nn.Sequential(nn.Linear(784, 10), nn.LogSoftmax(dim=1))
model = Net()
nll = nn.NLLLoss(weight=torch.ones(10))
optimizer = torch.optim.Adam(list(model.parameters()) + list(aux.parameters()), lr=1e-3)


def train(loader):
    for data, target in loader:
        optimizer.zero_grad()
        loss = F.nll_loss(model(data), target) + 0.3 * nll(aux(torch.flatten(data, 1)), target)
        loss.backward()
        optimizer.step()
