"""positive [LG001]: `import network as net; net.Network()` (a module import with an alias), then CrossEntropyLoss on its softmax output."""
import torch
import torch.nn as nn

import network as net

model = net.Network()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)


def train_epoch(loader):
    for images, labels in loader:
        optimizer.zero_grad()
        loss = criterion(model(images), labels)  # expect: LG001
        loss.backward()
        optimizer.step()
