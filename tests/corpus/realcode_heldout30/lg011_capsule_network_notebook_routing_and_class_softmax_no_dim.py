"""positive [LG011]: the code cells of a capsule-network tutorial notebook: the dynamic-routing loop takes F.softmax(b) of the (1, routes, capsules, 1) routing logits without dim (implicit dim 1, the routes, not the capsules), and the decoder takes F.softmax(lengths) of the (N, 10, 1) capsule lengths without dim (implicit dim 0: normalised over the batch) before picking the class to reconstruct."""
# Source: higgsfield/Capsule-Network-Tutorial at ef447daf, "Capsule Network.ipynb" (the code cells, in order); re-typed,
# identifiers renamed; the Python 2 print statements written as print() calls, the MNIST loader cell and the plotting
# cells shortened; the test loop cut. The margin and reconstruction losses and the training loop kept as in the source.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable
from torch.optim import Adam

ON_GPU = True


class ConvStem(nn.Module):
    def __init__(self, in_ch=1, out_ch=256, k=9):
        super(ConvStem, self).__init__()
        self.conv = nn.Conv2d(in_channels=in_ch, out_channels=out_ch, kernel_size=k, stride=1)

    def forward(self, x):
        return F.relu(self.conv(x))


class PrimaryCapsules(nn.Module):
    def __init__(self, n_caps=8, in_ch=256, out_ch=32, k=9):
        super(PrimaryCapsules, self).__init__()
        self.caps = nn.ModuleList(
            [nn.Conv2d(in_channels=in_ch, out_channels=out_ch, kernel_size=k, stride=2, padding=0) for _ in range(n_caps)]
        )

    def forward(self, x):
        u = [cap(x) for cap in self.caps]
        u = torch.stack(u, dim=1)
        u = u.view(x.size(0), 32 * 6 * 6, -1)
        return self.squash(u)

    def squash(self, t):
        sq = (t**2).sum(-1, keepdim=True)
        return sq * t / ((1.0 + sq) * torch.sqrt(sq))


class ClassCapsules(nn.Module):
    def __init__(self, n_caps=10, n_routes=32 * 6 * 6, in_ch=8, out_ch=16):
        super(ClassCapsules, self).__init__()
        self.in_ch = in_ch
        self.n_routes = n_routes
        self.n_caps = n_caps
        self.W = nn.Parameter(torch.randn(1, n_routes, n_caps, out_ch, in_ch))

    def forward(self, x):
        bs = x.size(0)
        x = torch.stack([x] * self.n_caps, dim=2).unsqueeze(4)
        W = torch.cat([self.W] * bs, dim=0)
        u_hat = torch.matmul(W, x)

        b = Variable(torch.zeros(1, self.n_routes, self.n_caps, 1))
        if ON_GPU:
            b = b.cuda()

        n_iter = 3
        for it in range(n_iter):
            c = F.softmax(b)  # expect: LG011
            c = torch.cat([c] * bs, dim=0).unsqueeze(4)
            s = (c * u_hat).sum(dim=1, keepdim=True)
            v = self.squash(s)
            if it < n_iter - 1:
                agree = torch.matmul(u_hat.transpose(3, 4), torch.cat([v] * self.n_routes, dim=1))
                b = b + agree.squeeze(4).mean(dim=0, keepdim=True)
        return v.squeeze(1)

    def squash(self, t):
        sq = (t**2).sum(-1, keepdim=True)
        return sq * t / ((1.0 + sq) * torch.sqrt(sq))


class Reconstructor(nn.Module):
    def __init__(self):
        super(Reconstructor, self).__init__()
        self.layers = nn.Sequential(
            nn.Linear(16 * 10, 512),
            nn.ReLU(inplace=True),
            nn.Linear(512, 1024),
            nn.ReLU(inplace=True),
            nn.Linear(1024, 784),
            nn.Sigmoid(),
        )

    def forward(self, x, images):
        lengths = torch.sqrt((x**2).sum(2))
        lengths = F.softmax(lengths)  # expect: LG011
        _, best = lengths.max(dim=1)
        mask = Variable(torch.sparse.torch.eye(10))
        if ON_GPU:
            mask = mask.cuda()
        mask = mask.index_select(dim=0, index=best.squeeze(1).data)
        recon = self.layers((x * mask[:, :, None, None]).view(x.size(0), -1))
        recon = recon.view(-1, 1, 28, 28)
        return recon, mask


class CapsuleNet(nn.Module):
    def __init__(self):
        super(CapsuleNet, self).__init__()
        self.stem = ConvStem()
        self.primary = PrimaryCapsules()
        self.classes = ClassCapsules()
        self.decoder = Reconstructor()
        self.mse = nn.MSELoss()

    def forward(self, images):
        out = self.classes(self.primary(self.stem(images)))
        recon, mask = self.decoder(out, images)
        return out, recon, mask

    def loss(self, images, x, target, recon):
        return self.margin_loss(x, target) + self.recon_loss(images, recon)

    def margin_loss(self, x, labels, size_average=True):
        bs = x.size(0)
        v_len = torch.sqrt((x**2).sum(dim=2, keepdim=True))
        left = F.relu(0.9 - v_len).view(bs, -1)
        right = F.relu(v_len - 0.1).view(bs, -1)
        loss = labels * left + 0.5 * (1.0 - labels) * right
        return loss.sum(dim=1).mean()

    def recon_loss(self, images, recon):
        loss = self.mse(recon.view(recon.size(0), -1), images.view(recon.size(0), -1))
        return loss * 0.0005


net = CapsuleNet()
if ON_GPU:
    net = net.cuda()
opt = Adam(net.parameters())

batch_size = 100
mnist = Mnist(batch_size)
n_epochs = 30

for epoch in range(n_epochs):
    net.train()
    running = 0
    for step_i, (images, target) in enumerate(mnist.train_loader):
        target = torch.sparse.torch.eye(10).index_select(dim=0, index=target)
        images, target = Variable(images), Variable(target)
        if ON_GPU:
            images, target = images.cuda(), target.cuda()

        opt.zero_grad()
        out, recon, mask = net(images)
        loss = net.loss(images, out, target, recon)
        loss.backward()
        opt.step()

        running += loss.data[0]
        if step_i % 100 == 0:
            print(
                "train accuracy:",
                sum(np.argmax(mask.data.cpu().numpy(), 1) == np.argmax(target.data.cpu().numpy(), 1)) / float(batch_size),
            )
    print(running / len(mnist.train_loader))
