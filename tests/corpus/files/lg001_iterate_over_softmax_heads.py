"""positive [LG001]: a multi-head model returns a list of softmax outputs; the loss loops over them with zip() and feeds each to CrossEntropyLoss."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class MultiHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Linear(32, 64)
        self.color = nn.Linear(64, 7)
        self.shape = nn.Linear(64, 4)

    def forward(self, x):
        h = torch.relu(self.trunk(x))
        return [F.softmax(self.color(h), dim=1), F.softmax(self.shape(h), dim=1)]


model = MultiHead()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, color, shape in loader:
    optimizer.zero_grad()
    outputs = model(x)
    loss = 0
    for out, target in zip(outputs, (color, shape)):
        loss = loss + criterion(out, target)  # expect: LG001
    loss.backward()
    optimizer.step()
