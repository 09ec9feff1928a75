"""positive [LG002, LG014]: a 2017 study script fits sin(x) with a small network whose forward ends in tanh (values in (-1, 1)) and trains it with nn.BCELoss against sin(x) targets, and its 2000-step loop calls backward() and step() without ever clearing the gradients."""
# Source: ycAngus2415/pytorch_learning at c7cbed60, nntest.py; re-typed, identifiers renamed (the source names the
# network instance nn, shadowing nothing it uses later: it imports torch only); the commented-out linspace input kept
# out; the plotting kept.
import torch
from torch.autograd import Variable
import random
import matplotlib.pyplot as plt

x = Variable(torch.FloatTensor(torch.randn(200, 1)), requires_grad=False)

y = torch.sin(x)


class SineNet(torch.nn.Module):
    def __init__(self):
        super(SineNet, self).__init__()
        self.fc_in = torch.nn.Linear(1, 10)
        self.fc_mid = torch.nn.Linear(10, 10)
        self.fc_mid2 = torch.nn.Linear(10, 10)
        self.fc_out = torch.nn.Linear(10, 1)

    def forward(self, x):
        h = torch.nn.functional.tanh(self.fc_in(x))
        out = torch.nn.functional.tanh(self.fc_out(h))
        return out


net = SineNet()
criterion = torch.nn.BCELoss()
optimizer = torch.optim.Adam(net.parameters(), lr=0.01)

for i in range(2000):
    out = net(x)
    err = criterion(out, y)  # expect: LG002
    err.backward()
    optimizer.step()  # expect: LG014
print(err.data)
out = net(x)
x = x.data.numpy()
out = out.data.numpy()
y = y.data.numpy()
plt.plot(x, out, 'r.')
plt.plot(x, y, 'bo')
plt.show()
