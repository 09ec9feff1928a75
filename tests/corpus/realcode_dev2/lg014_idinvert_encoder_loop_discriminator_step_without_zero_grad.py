"""positive [LG014]: the in-domain GAN inversion training loop steps the discriminator optimizer every iteration without ever zeroing its gradients (only the encoder optimizer is zeroed)."""
# Source: https://github.com/Hsintien-Ng/idinvert_pytorch-reproduced training/training_loop_encoder.py at
# 3726e67aa8c51bf6f3740ae3e0bbafca084c0ddf (the parent of cf3302510573138cf16202add06feae7c93624ea "fix zero_grad() on D",
# issue #1 "optimizer_D.zero_grad() missing?"); re-typed, names changed, reduced.
import torch
import torch.autograd as autograd
import torch.nn.functional as F
from torch.utils.data import DataLoader

from datasets.celebahq import CelebaHQ
from models.perceptual_model import PerceptualModel
from models.stylegan_discriminator import StyleGANDiscriminator
from models.stylegan_encoder import StyleGANEncoder
from models.stylegan_generator import StyleGANGenerator


def div_loss_(D, real_x, fake_x, p=2):
    x_ = real_x.requires_grad_(True)
    y_ = D.net(x_)
    grad = autograd.grad(outputs=y_, inputs=x_, grad_outputs=torch.ones_like(y_), create_graph=True, retain_graph=True, only_inputs=True)[0]
    div = (grad * grad).sum(dim=1, keepdim=True).sum(dim=2, keepdim=True).sum(dim=3, keepdim=True)
    return torch.mean(div)


def GAN_loss(scores_out, real=True):
    if real:
        return torch.mean(F.softplus(-scores_out))
    return torch.mean(F.softplus(scores_out))


def training_loop(config, dataset_args, E_learning_rate, D_learning_rate, weights, max_epoch, logger=None):
    train_dataloader = DataLoader(CelebaHQ(dataset_args, train=True), batch_size=config.train_batch_size, shuffle=True)
    G = StyleGANGenerator(config.model_name, logger)
    E = StyleGANEncoder(config.model_name, logger)
    P = PerceptualModel(min_val=G.min_val, max_val=G.max_val)
    D = StyleGANDiscriminator(config.model_name, logger)
    G.net.synthesis.eval()
    E.net.train()
    D.net.train()
    encode_dim = [G.num_layers, G.w_space_dim]
    optimizer_E = torch.optim.Adam(E.net.parameters(), lr=E_learning_rate)
    optimizer_D = torch.optim.Adam(D.net.parameters(), lr=D_learning_rate)
    for epoch in range(max_epoch):
        D_loss_real = 0.0
        E_loss_rec = 0.0
        for step, items in enumerate(train_dataloader):
            x = items.float().cuda()
            batch_size = x.shape[0]
            z = E.net(x).view(batch_size, *encode_dim)
            x_rec = G.net.synthesis(z)
            x_real = D.net(x)
            x_fake = D.net(x_rec.detach())
            loss_real = GAN_loss(x_real, real=True)
            loss_fake = GAN_loss(x_fake, real=False)
            loss_gp = div_loss_(D, x, x_rec.detach())
            D_loss_real += loss_real.item()
            D_loss = weights.real * loss_real + weights.fake * loss_fake + weights.gp * loss_gp + weights.ep * (loss_real * loss_real)
            D_loss.backward()
            optimizer_D.step()  # expect: LG014
            loss_pix = torch.mean((x - x_rec) ** 2)
            E_loss_rec += loss_pix.item()
            x_feat = P.net(x)
            x_rec_feat = P.net(x_rec)
            loss_feat = torch.mean((x_feat - x_rec_feat) ** 2)
            loss_adv = GAN_loss(D.net(x_rec), real=True)
            E_loss = weights.pix * loss_pix + weights.feat * loss_feat + weights.adv * loss_adv
            optimizer_E.zero_grad()
            E_loss.backward()
            optimizer_E.step()
