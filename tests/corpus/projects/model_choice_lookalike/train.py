"""look-alike [LG001]: the model is `LogitNet() if training else CalibratedNet()`: only one of the two ends in softmax, so what reaches CrossEntropyLoss is not known to be probabilities."""
import torch
import torch.nn as nn

from nets import CalibratedNet, LogitNet

training = True
model = LogitNet() if training else CalibratedNet()
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for x, y in loader:
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
