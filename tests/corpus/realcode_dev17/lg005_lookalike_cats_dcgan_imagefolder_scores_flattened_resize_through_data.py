"""look-alike [LG005, LG004]: the cats DCGAN: ImageFolder images through Scale, ToTensor and Normalize, copied into a preallocated (N, C, H, W) FloatTensor by `x.data.resize_as_(images).copy_(images)`; the discriminator (built by add_module in a loop, data_parallel on several GPUs) returns `output.view(-1)`, one score per image, against a float label vector resized in place to the batch, for nn.BCELoss."""
# Source: AlexiaJM/Deep-learning-with-cats at f895e5af (read as is), "Generating cats/DCGAN.py"; re-typed, identifiers
# renamed; the argparse options cut to those used, the run folders, logging to files and TensorBoard, the generator's
# add_module loop (a ConvTranspose2d stack to Tanh, kept as one Sequential), weight init, checkpoint loading and
# saving cut.
import argparse

import torch
import torchvision.datasets as dset
import torchvision.transforms as transf
from torch.autograd import Variable

parser = argparse.ArgumentParser()
parser.add_argument('--image_size', type=int, default=64)
parser.add_argument('--batch_size', type=int, default=64)
parser.add_argument('--n_colors', type=int, default=3)
parser.add_argument('--z_size', type=int, default=100)
parser.add_argument('--h_size', type=int, default=128)
parser.add_argument('--n_epoch', type=int, default=1000)
parser.add_argument('--input_folder', default='/data/cats_64x64')
parser.add_argument('--cuda', type=bool, default=True)
parser.add_argument('--n_gpu', type=int, default=1)
opts = parser.parse_args()

tf = transf.Compose([
    transf.Scale((opts.image_size, opts.image_size)),
    transf.ToTensor(),
    transf.Normalize(mean=[0.5, 0.5, 0.5], std=[0.5, 0.5, 0.5])
])
cats = dset.ImageFolder(root=opts.input_folder, transform=tf)
loader = torch.utils.data.DataLoader(cats, batch_size=opts.batch_size, shuffle=True, num_workers=2)


class CatGen(torch.nn.Module):
    def __init__(self):
        super(CatGen, self).__init__()
        self.main = torch.nn.Sequential(
            torch.nn.ConvTranspose2d(opts.z_size, opts.h_size * 8, kernel_size=4, stride=1, padding=0, bias=False),
            torch.nn.BatchNorm2d(opts.h_size * 8),
            torch.nn.ReLU(),
            torch.nn.ConvTranspose2d(opts.h_size * 8, opts.n_colors, kernel_size=4, stride=2, padding=1, bias=False),
            torch.nn.Tanh())

    def forward(self, z):
        if isinstance(z.data, torch.cuda.FloatTensor) and opts.n_gpu > 1:
            out = torch.nn.parallel.data_parallel(self.main, z, range(opts.n_gpu))
        else:
            out = self.main(z)
        return out


class CatCritic(torch.nn.Module):
    def __init__(self):
        super(CatCritic, self).__init__()
        main = torch.nn.Sequential()
        main.add_module('Start-Conv2d', torch.nn.Conv2d(opts.n_colors, opts.h_size, kernel_size=4, stride=2, padding=1, bias=False))
        main.add_module('Start-LeakyReLU', torch.nn.LeakyReLU(0.2, inplace=True))
        size = opts.image_size // 2
        mult = 1
        i = 0
        while size > 4:
            main.add_module('Middle-Conv2d [%d]' % i, torch.nn.Conv2d(opts.h_size * mult, opts.h_size * (2 * mult), kernel_size=4, stride=2, padding=1, bias=False))
            main.add_module('Middle-BatchNorm2d [%d]' % i, torch.nn.BatchNorm2d(opts.h_size * (2 * mult)))
            main.add_module('Middle-LeakyReLU [%d]' % i, torch.nn.LeakyReLU(0.2, inplace=True))
            size = size // 2
            mult *= 2
            i += 1
        main.add_module('End-Conv2d', torch.nn.Conv2d(opts.h_size * mult, 1, kernel_size=4, stride=1, padding=0, bias=False))
        main.add_module('End-Sigmoid', torch.nn.Sigmoid())
        self.main = main

    def forward(self, images):
        if isinstance(images.data, torch.cuda.FloatTensor) and opts.n_gpu > 1:
            out = torch.nn.parallel.data_parallel(self.main, images, range(opts.n_gpu))
        else:
            out = self.main(images)
        return out.view(-1)


G = CatGen()
D = CatCritic()
criterion = torch.nn.BCELoss()
x = torch.FloatTensor(opts.batch_size, opts.n_colors, opts.image_size, opts.image_size)
y = torch.FloatTensor(opts.batch_size)
z = torch.FloatTensor(opts.batch_size, opts.z_size, 1, 1)
if opts.cuda:
    G = G.cuda()
    D = D.cuda()
    criterion = criterion.cuda()
    x = x.cuda()
    y = y.cuda()
    z = z.cuda()
x = Variable(x)
y = Variable(y)
z = Variable(z)
opt_d = torch.optim.Adam(D.parameters(), lr=.00005, betas=(0.5, 0.999))
opt_g = torch.optim.Adam(G.parameters(), lr=.0002, betas=(0.5, 0.999))

for epoch in range(opts.n_epoch):
    for i, batch in enumerate(loader, 0):
        for p in D.parameters():
            p.requires_grad = True
        D.zero_grad()
        images, labels = batch
        n = images.size(0)
        if opts.cuda:
            images = images.cuda()
        x.data.resize_as_(images).copy_(images)
        y.data.resize_(n).fill_(1)
        pred = D(x)
        err_real = criterion(pred, y)
        err_real.backward()
        d_real = pred.data.mean()

        z.data.resize_(n, opts.z_size, 1, 1).normal_(0, 1)
        fake = G(z)
        y.data.resize_(n).fill_(0)
        pred_fake = D(fake.detach())
        err_fake = criterion(pred_fake, y)
        err_fake.backward()
        d_fake = pred_fake.data.mean()
        err_d = err_real + err_fake
        opt_d.step()

        for p in D.parameters():
            p.requires_grad = False
        G.zero_grad()
        y.data.resize_(n).fill_(1)
        pred_fake = D(fake)
        err_g = criterion(pred_fake, y)
        err_g.backward(retain_graph=True)
        d_g = pred_fake.data.mean()
        opt_g.step()
        print('[%d/%d][%d/%d] Loss_D: %.4f Loss_G: %.4f D(x): %.4f D(G(z)): %.4f / %.4f'
              % (epoch, opts.n_epoch, i, len(loader), err_d.item(), err_g.item(), d_real, d_fake, d_g))
