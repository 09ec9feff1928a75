"""positive [LG001]: the discriminator is `PatchDiscriminator() if args.patch else GlobalDiscriminator()`; both end in softmax and CrossEntropyLoss gets it either way."""
import argparse

import torch
import torch.nn as nn

from nets import GlobalDiscriminator, PatchDiscriminator

parser = argparse.ArgumentParser()
parser.add_argument("--patch", action="store_true")
args = parser.parse_args()

D = PatchDiscriminator() if args.patch else GlobalDiscriminator()
adversarial = nn.CrossEntropyLoss()
opt_d = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
for real, _ in loader:
    fake = G(torch.randn(real.size(0), 100)).detach()
    real_cls = torch.ones(real.size(0), dtype=torch.long)
    fake_cls = torch.zeros(real.size(0), dtype=torch.long)
    opt_d.zero_grad()
    loss_d = adversarial(D(real), real_cls) + adversarial(D(fake), fake_cls)  # expect: LG001
    loss_d.backward()
    opt_d.step()
