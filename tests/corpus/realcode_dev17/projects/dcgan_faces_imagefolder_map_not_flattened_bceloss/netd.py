"""part of positive project [LG005]: mutation of the faces DCGAN's discriminator: the map of a convolution stack to 1x1 and a sigmoid is returned as is, (N, 1, 1, 1), its flattening to one score per image dropped."""
# Source: r1Way/DCGAN-PyTorch at 0f86aa2c, Discriminator.py, mutated: `return output.view(-1, 1).squeeze(1)` written
# `return output`; otherwise re-typed, identifiers renamed, the long comment blocks cut.
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
        return out
