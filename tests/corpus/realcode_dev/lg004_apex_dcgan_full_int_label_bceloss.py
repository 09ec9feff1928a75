"""positive [LG004]: DCGAN labels made with torch.full((b,), real_label) where real_label = 1 is an int, so the BCELoss target is int64."""
# Source: issue https://github.com/NVIDIA/apex/issues/1039 (examples/dcgan/main_amp.py:
# "result type Float can't be cast to the desired output type Long" from the BCE loss); re-typed, names changed, reduced.
import torch
import torch.nn as nn

real_label = 1
fake_label = 0


class Discriminator(nn.Module):
    def __init__(self, ndf=64):
        super().__init__()
        self.main = nn.Sequential(
            nn.Conv2d(3, ndf, 4, 2, 1, bias=False), nn.LeakyReLU(0.2, inplace=True),
            nn.Conv2d(ndf, 1, 4, 1, 0, bias=False), nn.Sigmoid(),
        )

    def forward(self, input):
        return self.main(input).view(-1, 1).squeeze(1)


netD = Discriminator()
criterion = nn.BCELoss()
optimizerD = torch.optim.Adam(netD.parameters(), lr=2e-4, betas=(0.5, 0.999))


def train(dataloader, device, niter=25):
    for epoch in range(niter):
        for i, data in enumerate(dataloader, 0):
            netD.zero_grad()
            real_cpu = data[0].to(device)
            batch_size = real_cpu.size(0)
            label = torch.full((batch_size,), real_label, device=device)
            output = netD(real_cpu)
            errD_real = criterion(output, label)  # expect: LG004
            errD_real.backward()
            optimizerD.step()
