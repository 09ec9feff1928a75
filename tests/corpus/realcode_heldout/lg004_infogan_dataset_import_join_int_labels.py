"""positive [LG004]: InfoGAN script: the model classes come from one of several modules chosen by params['dataset']; real_label = 1 / fake_label = 0 are ints, so label = torch.full((b_size,), real_label) is int64 and reaches nn.BCELoss three times (label.fill_ keeps the dtype)."""
# Source: https://github.com/Natsu6767/InfoGAN-PyTorch train.py at 4586919f2821b9b2e4aeff8a07c5003a5905c7f9 (pull
# request #8 and issue #7: "Found dtype Long but expected Float"; not merged at this commit); re-typed, names changed,
# reduced.
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

from config import params
from utils import NormalNLLLoss, noise_sample

if params["dataset"] == "MNIST":
    from models.mnist_model import DHead, Discriminator, Generator, QHead
elif params["dataset"] == "SVHN":
    from models.svhn_model import DHead, Discriminator, Generator, QHead
elif params["dataset"] == "CelebA":
    from models.celeba_model import DHead, Discriminator, Generator, QHead

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
netG = Generator().to(device)
discriminator = Discriminator().to(device)
netD = DHead().to(device)
netQ = QHead().to(device)
criterionD = nn.BCELoss()
criterionQ_dis = nn.CrossEntropyLoss()
criterionQ_con = NormalNLLLoss()
optimD = optim.Adam([{"params": discriminator.parameters()}, {"params": netD.parameters()}], lr=params["learning_rate"])
optimG = optim.Adam([{"params": netG.parameters()}, {"params": netQ.parameters()}], lr=params["learning_rate"])
real_label = 1
fake_label = 0

for epoch in range(params["num_epochs"]):
    for i, (data, _) in enumerate(dataloader, 0):
        b_size = data.size(0)
        real_data = data.to(device)
        optimD.zero_grad()
        label = torch.full((b_size,), real_label, device=device)
        output1 = discriminator(real_data)
        probs_real = netD(output1).view(-1)
        loss_real = criterionD(probs_real, label)  # expect: LG004
        loss_real.backward()
        label.fill_(fake_label)
        noise, idx = noise_sample(params["num_dis_c"], params["dis_c_dim"], params["num_con_c"], params["num_z"], b_size, device)
        fake_data = netG(noise)
        output2 = discriminator(fake_data.detach())
        probs_fake = netD(output2).view(-1)
        loss_fake = criterionD(probs_fake, label)  # expect: LG004
        loss_fake.backward()
        D_loss = loss_real + loss_fake
        optimD.step()
        optimG.zero_grad()
        output = discriminator(fake_data)
        label.fill_(real_label)
        probs_fake = netD(output).view(-1)
        gen_loss = criterionD(probs_fake, label)  # expect: LG004
        q_logits, q_mu, q_var = netQ(output)
        target = torch.LongTensor(idx).to(device)
        dis_loss = 0
        for j in range(params["num_dis_c"]):
            dis_loss += criterionQ_dis(q_logits[:, j * 10: j * 10 + 10], target[j])
        G_loss = gen_loss + dis_loss
        G_loss.backward()
        optimG.step()
