"""look-alike [LG004]: the fix proposed for InfoGAN: real_label = 1.0 and fake_label = 0.0, so torch.full((b_size,), real_label) is a float tensor and BCELoss accepts it."""
# Source: https://github.com/Natsu6767/InfoGAN-PyTorch/pull/8 ("fix typeerror": the posted change turns
# real_label = 1 / fake_label = 0 into 1.0 / 0.0) applied to train.py at 4586919f2821b9b2e4aeff8a07c5003a5905c7f9;
# re-typed, names changed, reduced.
import torch
import torch.nn as nn
import torch.optim as optim

from models.mnist_model import Generator, Discriminator, DHead, QHead
from dataloader import get_data
from utils import noise_sample
from config import params

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
dataloader = get_data(params["dataset"], params["batch_size"])

netG = Generator().to(device)
trunk = Discriminator().to(device)
netD = DHead().to(device)
netQ = QHead().to(device)

criterionD = nn.BCELoss()
criterionQ_dis = nn.CrossEntropyLoss()

optimD = optim.Adam([{"params": trunk.parameters()}, {"params": netD.parameters()}], lr=params["learning_rate"])
optimG = optim.Adam([{"params": netG.parameters()}, {"params": netQ.parameters()}], lr=params["learning_rate"])

real_label = 1.0
fake_label = 0.0

for epoch in range(params["num_epochs"]):
    for i, (data, _) in enumerate(dataloader, 0):
        b_size = data.size(0)
        real_data = data.to(device)

        optimD.zero_grad()
        label = torch.full((b_size,), real_label, device=device)
        out_real = trunk(real_data)
        probs_real = netD(out_real).view(-1)
        loss_real = criterionD(probs_real, label)
        loss_real.backward()

        label.fill_(fake_label)
        noise, idx = noise_sample(params["num_dis_c"], params["dis_c_dim"], params["num_con_c"], params["num_z"], b_size, device)
        fake_data = netG(noise)
        out_fake = trunk(fake_data.detach())
        probs_fake = netD(out_fake).view(-1)
        loss_fake = criterionD(probs_fake, label)
        loss_fake.backward()
        optimD.step()

        optimG.zero_grad()
        out = trunk(fake_data)
        label.fill_(real_label)
        probs_fake = netD(out).view(-1)
        gen_loss = criterionD(probs_fake, label)

        q_logits, q_mu, q_var = netQ(out)
        target = torch.LongTensor(idx).to(device)
        dis_loss = 0
        for j in range(params["num_dis_c"]):
            dis_loss += criterionQ_dis(q_logits[:, j * 10 : j * 10 + 10], target[j])
        G_loss = gen_loss + dis_loss
        G_loss.backward()
        optimG.step()
