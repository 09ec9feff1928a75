"""part of positive project [LG001]: decorated MLP whose last ConcreteDropout gets nn.Sequential(self.fc4, self.softmax) with self.softmax = nn.Softmax(dim=1); train() and test() pass its output to F.cross_entropy."""
# Source: https://github.com/danielkelshaw/ConcreteDropout mnist_example.py at
# 7c0fdd79d13d88e61ee68b4d15269cfdf5d64043 (issue #11; fixed in 0b8ecad "Fixed Softmax Issue"); re-typed, names
# changed, reduced.
import torch.nn as nn
import torch.nn.functional as F
import torch.utils.data
from torch import Tensor

import condrop
from condrop import ConcreteDropout


@condrop.concrete_regulariser
class MLPConcreteDropout(nn.Module):
    def __init__(self, n_hidden: int = 512) -> None:
        super().__init__()
        self.fc1 = nn.Linear(784, n_hidden)
        self.fc4 = nn.Linear(n_hidden, 10)
        w, d = 1e-6, 1e-3
        self.cd1 = ConcreteDropout(weight_regulariser=w, dropout_regulariser=d)
        self.cd4 = ConcreteDropout(weight_regulariser=w, dropout_regulariser=d)
        self.relu = nn.ReLU()
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x: Tensor) -> Tensor:
        x = x.view(-1, 784)
        x = self.cd1(x, nn.Sequential(self.fc1, self.relu))
        x = self.cd4(x, nn.Sequential(self.fc4, self.softmax))
        return x


def train(model, trainloader, optimiser, epoch, device):
    train_loss = 0.0
    model.train()
    for batch_idx, (data, labels) in enumerate(trainloader):
        data, labels = data.to(device), labels.to(device)
        optimiser.zero_grad()
        outputs = model(data)
        loss = F.cross_entropy(outputs, labels) + model.regularisation()  # expect: LG001
        train_loss += loss.item() * data.size(0)
        loss.backward()
        optimiser.step()
    return train_loss / len(trainloader.dataset)


def test(model, testloader, device):
    test_loss = 0.0
    model.eval()
    for batch_idx, (data, labels) in enumerate(testloader):
        data, labels = data.to(device), labels.to(device)
        outputs = model(data)
        loss = F.cross_entropy(outputs, labels)  # expect: LG001
        test_loss += loss.item() * data.size(0)
    return test_loss / len(testloader.dataset)


if __name__ == "__main__":
    model = MLPConcreteDropout()
    optimiser = torch.optim.Adam(model.parameters())
    for epoch in range(10):
        train(model, [], optimiser, epoch, "cpu")
        test(model, [], "cpu")
