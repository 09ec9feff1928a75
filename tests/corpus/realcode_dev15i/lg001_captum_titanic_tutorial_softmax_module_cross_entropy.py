"""positive [LG001]: the interpretability tutorial's Titanic model ends in nn.Softmax(dim=1) and its training cell feeds that output to nn.CrossEntropyLoss (the thread: the softmax is redundant)."""

# Source: https://github.com/meta-pytorch/captum/issues/1010 (the code the thread quotes); meta-pytorch/captum@ba3d18c tutorials/Titanic_Basic_Interpret.ipynb (cut, renamed)
import numpy as np
import torch
import torch.nn as nn


class SurvivalNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.lin1 = nn.Linear(12, 12)
        self.act1 = nn.Sigmoid()
        self.lin2 = nn.Linear(12, 8)
        self.act2 = nn.Sigmoid()
        self.lin3 = nn.Linear(8, 2)
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x):
        hidden = self.act2(self.lin2(self.act1(self.lin1(x))))
        return self.softmax(self.lin3(hidden))


def fit(train_features: np.ndarray, train_labels: np.ndarray, num_epochs=200):
    net = SurvivalNet()
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(net.parameters(), lr=0.1)
    inputs = torch.from_numpy(train_features).type(torch.FloatTensor)
    labels = torch.from_numpy(train_labels)
    for epoch in range(num_epochs):
        output = net(inputs)
        loss = criterion(output, labels)  # expect: LG001
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if epoch % 20 == 0:
            print(epoch, loss.item())
    return net
