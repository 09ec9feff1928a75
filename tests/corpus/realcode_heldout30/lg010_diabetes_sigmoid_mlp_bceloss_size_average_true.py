"""positive [LG010]: a 2018 exercise script classifying the diabetes table with a three-layer sigmoid MLP builds its criterion as nn.BCELoss(size_average=True), the deprecated reduction flag (resolved to 'mean', with a deprecation warning on every call); the rest of the step is right (sigmoid output, (N, 1) float target, clear/backward/step)."""
# Source: PouringRain/PyTorch-Exercise at 2b1d3379, basic/diabets-regression.py; re-typed, identifiers renamed; kept as in
# the source (the absolute path of the CSV shortened).
import torch
from torch.autograd import Variable
import numpy as np
import torch.nn as nn

xy = np.loadtxt('diabetes.csv.gz', delimiter=',', dtype=np.float32)
x = Variable(torch.from_numpy(xy[:, 0:-1]))
y = Variable(torch.from_numpy(xy[:, -1:]))

print(x.data.shape)
print(y.data.shape)


class DiabetesNet(nn.Module):
    def __init__(self):
        super(DiabetesNet, self).__init__()
        self.l1 = nn.Linear(8, 6)
        self.l2 = nn.Linear(6, 4)
        self.l3 = nn.Linear(4, 1)
        self.sigmoid = torch.nn.Sigmoid()

    def forward(self, x):
        h1 = self.sigmoid(self.l1(x))
        h2 = self.sigmoid(self.l2(h1))
        return self.sigmoid(self.l3(h2))


net = DiabetesNet()
print(net)

criterion = nn.BCELoss(size_average=True)  # expect: LG010
optimizer = torch.optim.SGD(net.parameters(), lr=0.1)

for epoch in range(100):
    y_pred = net(x)
    loss = criterion(y_pred, y)
    print(epoch, loss.data[0])
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
