"""part of look-alike project [LG005]: the faces DCGAN's discriminator, a convolution stack to a 1x1 map and a sigmoid, flattened to one score per image before it is returned."""
# Source: r1Way/DCGAN-PyTorch at 0f86aa2c (read as is), Discriminator.py; re-typed, identifiers renamed, the long
# comment blocks cut.
import torch


class Critic(torch.nn.Module):
    def __init__(self, channels, width, gpus):
        super(Critic, self).__init__()
        self.gpus = gpus
        self.body = torch.nn.Sequential(
            torch.nn.Conv2d(channels, width, 4, stride=2, padding=1, bias=False),
            torch.nn.LeakyReLU(0.2, inplace=True),
            torch.nn.Conv2d(width, width * 2, 4, stride=2, padding=1, bias=False),
            torch.nn.BatchNorm2d(width * 2),
            torch.nn.LeakyReLU(0.2, inplace=True),
            torch.nn.Conv2d(width * 2, width * 4, 4, stride=2, padding=1, bias=False),
            torch.nn.BatchNorm2d(width * 4),
            torch.nn.LeakyReLU(0.2, inplace=True),
            torch.nn.Conv2d(width * 4, width * 8, 4, stride=2, padding=1, bias=False),
            torch.nn.BatchNorm2d(width * 8),
            torch.nn.LeakyReLU(0.2, inplace=True),
            torch.nn.Conv2d(width * 8, 1, 4, stride=1, padding=0, bias=False),
            torch.nn.Sigmoid()
        )

    def forward(self, x):
        if x.is_cuda and self.gpus > 1:
            out = torch.nn.parallel.data_parallel(self.body, x, range(self.gpus))
        else:
            out = self.body(x)
        return out.view(-1, 1).squeeze(1)
