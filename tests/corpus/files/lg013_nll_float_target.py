"""positive [LG013]: NLLLoss target converted with .float() (any float NLLLoss target is wrong: it takes class indices only)."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(100, 5)

    def forward(self, x):
        return F.log_softmax(self.fc(x), dim=1)


model = Net()
nll = nn.NLLLoss()
opt = torch.optim.SGD(model.parameters(), lr=0.1)


def train(loader):
    for x, y in loader:
        opt.zero_grad()
        loss = nll(model(x), y.float())  # expect: LG013
        loss.backward()
        opt.step()
