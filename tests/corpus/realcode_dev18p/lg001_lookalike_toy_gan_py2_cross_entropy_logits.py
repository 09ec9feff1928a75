"""look-alike [LG001, LG006]: a Python 2 toy GAN whose discriminator ends in a Linear layer (logits) into CrossEntropyLoss with LongTensor labels; the epoch's loss is summed as a NumPy value."""

# Source: Jarlonyan/pytorch_learning@89868b8 gan_network/gan_net2.py (Python 2.7 print statements; cut, renamed)
import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable


def batches(data, size):
    order = np.arange(data.shape[0])
    np.random.shuffle(order)
    for i in range(0, data.shape[0], size):
        yield data[order[i : i + size], :]


class ToyGan(object):
    def __init__(self):
        self.gen = nn.Linear(2, 2)
        self.disc = nn.Sequential(nn.Linear(2, 5), nn.Tanh(), nn.Linear(5, 3), nn.Tanh(), nn.Linear(3, 2))
        self.criterion = nn.CrossEntropyLoss()

    def forward(self, real, noise):
        self.fake = self.gen(Variable(torch.from_numpy(noise).float()))
        self.real = Variable(torch.from_numpy(real).float())
        self.ones = Variable(torch.LongTensor(real.shape[0]).fill_(1), requires_grad=False)

    def backward_d(self):
        on_fake = self.criterion(self.disc(self.fake.detach()), self.ones * 0)
        on_real = self.criterion(self.disc(self.real), self.ones * 1)
        self.loss_d = on_fake + on_real
        self.loss_d.backward()

    def backward_g(self):
        self.loss_g = self.criterion(self.disc(self.fake), self.ones * 1)
        self.loss_g.backward()


gan = ToyGan()
opt_d = torch.optim.SGD(gan.disc.parameters(), lr=0.01)
opt_g = torch.optim.SGD(gan.gen.parameters(), lr=0.01)
data = np.random.normal(size=(1000, 2))
for epoch in range(50):
    total, count = 0, 0
    for real in batches(data, 4):
        gan.forward(real, np.random.normal(size=real.shape))
        opt_d.zero_grad()
        gan.backward_d()
        opt_d.step()
        opt_g.zero_grad()
        gan.backward_g()
        opt_g.step()
        total += gan.loss_d.data.numpy()
        count += 1
    print "D loss at epoch %d: %f" % (epoch, total / count)
