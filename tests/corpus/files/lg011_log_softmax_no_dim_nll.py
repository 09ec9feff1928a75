"""positive [LG011]: MNIST net with F.log_softmax(x) (no dim) before F.nll_loss, plus F.softmax(out) for the printed confidence."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 200)
        self.fc2 = nn.Linear(200, 10)

    def forward(self, x):
        x = F.relu(self.fc1(x.view(-1, 784)))
        return F.log_softmax(self.fc2(x))  # expect: LG011


def train(model, loader, optimizer, epoch):
    model.train()
    for i, (data, target) in enumerate(loader):
        optimizer.zero_grad()
        out = model(data)
        loss = F.nll_loss(out, target)
        loss.backward()
        optimizer.step()
        if i % 100 == 0:
            conf = F.softmax(out.detach()).max(1).values.mean()  # expect: LG011
            print(epoch, i, loss.item(), conf.item())
