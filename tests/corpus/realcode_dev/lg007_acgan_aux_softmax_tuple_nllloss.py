"""positive [LG007, LG011]: AC-GAN discriminator returns a (sigmoid, softmax) tuple; the class head's softmax probabilities go to nn.NLLLoss."""
# Source: https://github.com/clvrai/ACGAN-PyTorch issue #3 / pull request #4 ("Change Softmax to
# LogSoftmax to use NLLLoss"); re-typed from the repository's network.py/main.py with names changed.
import torch
import torch.nn as nn


class Discriminator(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(3, 16, 3, 2, 1, bias=False), nn.LeakyReLU(0.2, inplace=True), nn.Dropout(0.5),
            nn.Conv2d(16, 32, 3, 1, 1, bias=False), nn.BatchNorm2d(32), nn.LeakyReLU(0.2, inplace=True),
        )
        self.fc_dis = nn.Linear(32 * 16 * 16, 1)
        self.fc_aux = nn.Linear(32 * 16 * 16, num_classes)
        self.softmax = nn.Softmax()  # expect: LG011
        self.sigmoid = nn.Sigmoid()

    def forward(self, input):
        x = self.conv(input).view(-1, 32 * 16 * 16)
        realfake = self.sigmoid(self.fc_dis(x)).view(-1, 1).squeeze(1)
        classes = self.softmax(self.fc_aux(x))
        return realfake, classes


netD = Discriminator()
dis_criterion = nn.BCELoss()
aux_criterion = nn.NLLLoss()
optimizerD = torch.optim.Adam(netD.parameters(), lr=2e-4, betas=(0.5, 0.999))


def train(dataloader, epochs):
    for epoch in range(epochs):
        for i, (real_cpu, label) in enumerate(dataloader):
            netD.zero_grad()
            dis_label = torch.full((real_cpu.size(0),), 1.0)
            dis_output, aux_output = netD(real_cpu)
            dis_errD_real = dis_criterion(dis_output, dis_label)
            aux_errD_real = aux_criterion(aux_output, label)  # expect: LG007
            errD_real = dis_errD_real + aux_errD_real
            errD_real.backward()
            optimizerD.step()
