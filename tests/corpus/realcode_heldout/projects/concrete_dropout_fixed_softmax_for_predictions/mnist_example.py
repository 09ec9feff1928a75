"""part of positive project [LG011]: the fixed MLP: the last ConcreteDropout gets self.fc4 alone, F.cross_entropy gets logits; test() takes p_outputs = F.softmax(outputs) without dim for the predictions."""
# Source: https://github.com/danielkelshaw/ConcreteDropout mnist_example.py at
# 0b8ecad05342d8b8feedadff3c0b7e8a7e3eb0ec ("Fixed Softmax Issue", issue #11); re-typed, names changed, reduced.
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
        x = self.cd4(x, self.fc4)
        return x


def train(model, trainloader, optimiser, epoch, device):
    train_loss = 0.0
    model.train()
    for batch_idx, (data, labels) in enumerate(trainloader):
        data, labels = data.to(device), labels.to(device)
        optimiser.zero_grad()
        outputs = model(data)
        loss = F.cross_entropy(outputs, labels) + model.regularisation()
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
        loss = F.cross_entropy(outputs, labels)
        p_outputs = F.softmax(outputs)  # expect: LG011
        test_loss += loss.item() * data.size(0)
        preds = p_outputs.argmax(dim=1, keepdim=True)
    return test_loss / len(testloader.dataset)


if __name__ == "__main__":
    model = MLPConcreteDropout()
    optimiser = torch.optim.Adam(model.parameters())
    for epoch in range(10):
        train(model, [], optimiser, epoch, "cpu")
        test(model, [], "cpu")
