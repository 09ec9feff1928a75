"""part of look-alike project [LG001, LG006, LG014]: a module that only builds the network, the CrossEntropyLoss and the SGD optimizer at import time."""
# Source: drrmh/Learning at 77c9a0433f3a7b40f8acfaeaf944f7479dd2f4a6 loss.py (re-typed)
import torch.optim as optim
import torch.nn as nn
from Network import SmallConvNet

net = SmallConvNet()

criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=0.001, momentum=0.9)
