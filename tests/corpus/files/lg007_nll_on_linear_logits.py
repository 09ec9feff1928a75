"""positive [LG007]: model forward ends in nn.Linear; nn.NLLLoss gets raw logits (log_softmax forgotten)."""
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 256)
        self.fc2 = nn.Linear(256, 10)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x.view(-1, 784))))


model = Net()
criterion = nn.NLLLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.5)


def train(loader, epochs=10):
    for epoch in range(epochs):
        for data, target in loader:
            optimizer.zero_grad()
            output = model(data)
            loss = criterion(output, target)  # expect: LG007
            loss.backward()
            optimizer.step()
        print(epoch, loss.item())
