"""part of look-alike project [LG005]: the faces DCGAN's generator, transposed convolutions from a (N, nz, 1, 1) noise to a 64x64 image in tanh."""
# Source: r1Way/DCGAN-PyTorch at 0f86aa2c (read as is), Generator.py; re-typed, identifiers renamed, the long comment
# blocks cut.
import torch


class Maker(torch.nn.Module):
    def __init__(self, nz, width, channels, gpus):
        super(Maker, self).__init__()
        self.gpus = gpus
        self.body = torch.nn.Sequential(
            torch.nn.ConvTranspose2d(nz, width * 8, 4, stride=1, padding=0, bias=False),
            torch.nn.BatchNorm2d(width * 8),
            torch.nn.ReLU(inplace=True),
            torch.nn.ConvTranspose2d(width * 8, width * 4, 4, stride=2, padding=1, bias=False),
            torch.nn.BatchNorm2d(width * 4),
            torch.nn.ReLU(inplace=True),
            torch.nn.ConvTranspose2d(width * 4, width * 2, 4, stride=2, padding=1, bias=False),
            torch.nn.BatchNorm2d(width * 2),
            torch.nn.ReLU(inplace=True),
            torch.nn.ConvTranspose2d(width * 2, width, 4, stride=2, padding=1, bias=False),
            torch.nn.BatchNorm2d(width),
            torch.nn.ReLU(inplace=True),
            torch.nn.ConvTranspose2d(width, channels, 4, stride=2, padding=1, bias=False),
            torch.nn.Tanh()
        )

    def forward(self, z):
        if z.is_cuda and self.gpus > 1:
            out = torch.nn.parallel.data_parallel(self.body, z, range(self.gpus))
        else:
            out = self.body(z)
        return out
