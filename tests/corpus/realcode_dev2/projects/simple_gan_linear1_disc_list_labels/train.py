"""positive [LG005]: BCELoss gets the (batch, 1) discriminator output against (batch,) labels built from a list and from torch.zeros(batch_size), broadcast to (batch, batch)."""
# Source: https://github.com/nbertagnolli/pytorch-simple-gan train.py at 14319f4eb1dca043632b6b5a2004b9bf278914f9
# (pull request #3 "Fixed target size error": ValueError "Using a target size (torch.Size([16])) that is
# different to the input size (torch.Size([16, 1]))"; open, the bug is at HEAD); re-typed, names changed, reduced.
import math

import torch
import torch.nn as nn

from models import Discriminator, Generator
from utils import even_batch


def train(max_int: int = 128, batch_size: int = 16, steps: int = 500, lr: float = 0.001):
    width = int(math.log(max_int, 2))
    gen = Generator(width)
    disc = Discriminator(width)
    gen_opt = torch.optim.Adam(gen.parameters(), lr=lr)
    disc_opt = torch.optim.Adam(disc.parameters(), lr=lr)
    bce = nn.BCELoss()

    for i in range(steps):
        gen_opt.zero_grad()
        noise = torch.randint(0, 2, size=(batch_size, width)).float()
        fake = gen(noise)

        labels, rows = even_batch(max_int, batch_size=batch_size)
        labels = torch.tensor(labels).float()
        rows = torch.tensor(rows).float()

        fake_out = disc(fake)
        gen_loss = bce(fake_out, labels)  # expect: LG005
        gen_loss.backward()
        gen_opt.step()

        disc_opt.zero_grad()
        real_out = disc(rows)
        real_loss = bce(real_out, labels)  # expect: LG005
        fake_out = disc(fake.detach())
        fake_loss = bce(
            fake_out, torch.zeros(batch_size)  # expect: LG005
        )
        disc_loss = (real_loss + fake_loss) / 2
        disc_loss.backward()
        disc_opt.step()

    return gen, disc


if __name__ == "__main__":
    train()
