"""look-alike [LG017]: the same StarGAN generator update clearing the generator's gradients before its forward, then back-propagating and stepping (the repository's order)."""

# Source: Lornatang/StarGAN-PyTorch@bab15866a9 stargan_pytorch/engine/trainer.py (Trainer.update_g, update_d,
# define_criterion, train_on_epoch); re-typed, identifiers renamed; the EMA model, the logging, the data loaders and
# the checkpointing cut
# Mutation: none (the repository's order)
import torch
import torch.nn as nn


class PenaltyOfGradient(nn.Module):
    def forward(self, output, inputs):
        grad = torch.autograd.grad(output, inputs, torch.ones_like(output), create_graph=True, retain_graph=True)[0]
        grad = grad.view(grad.size(0), -1)
        return torch.mean((grad.norm(2, dim=1) - 1) ** 2)


class Generator(nn.Module):
    def __init__(self, c_dim=5, width=64):
        super().__init__()
        self.main = nn.Sequential(nn.Conv2d(3 + c_dim, width, 7, 1, 3), nn.InstanceNorm2d(width), nn.ReLU(True), nn.Conv2d(width, 3, 7, 1, 3), nn.Tanh())

    def forward(self, x, c):
        c = c.view(c.size(0), c.size(1), 1, 1).repeat(1, 1, x.size(2), x.size(3))
        return self.main(torch.cat([x, c], dim=1))


class PatchDiscriminator(nn.Module):
    def __init__(self, img_size=128, c_dim=5, width=64):
        super().__init__()
        self.main = nn.Sequential(nn.Conv2d(3, width, 4, 2, 1), nn.LeakyReLU(0.01))
        self.src = nn.Conv2d(width, 1, 3, 1, 1)
        self.cls = nn.Conv2d(width, c_dim, img_size // 2, bias=False)

    def forward(self, x):
        h = self.main(x)
        return self.src(h), self.cls(h).view(h.size(0), -1)


class Trainer:
    def __init__(self, config, device, cls_weight=1.0, rec_weight=10.0, gp_weight=10.0):
        self.config = config
        self.device = device
        self.g_model, self.d_model = self.build_model()
        self.class_loss_weight = torch.tensor(cls_weight, device=device)
        self.rec_loss_weight = torch.tensor(rec_weight, device=device)
        self.gp_loss_weight = torch.tensor(gp_weight, device=device)
        self.g_optim, self.d_optim = self.define_optim()
        self.class_criterion, self.gp_criterion, self.rec_criterion = self.define_criterion()

    def build_model(self):
        g_model = Generator(c_dim=self.config["c_dim"]).to(self.device)
        d_model = PatchDiscriminator(img_size=self.config["img_size"], c_dim=self.config["c_dim"]).to(self.device)
        return g_model, d_model

    def define_optim(self):
        g_optim = torch.optim.Adam(self.g_model.parameters(), lr=self.config["g_lr"], betas=(0.5, 0.999))
        d_optim = torch.optim.Adam(self.d_model.parameters(), lr=self.config["d_lr"], betas=(0.5, 0.999))
        return g_optim, d_optim

    def define_criterion(self):
        class_criterion = nn.BCEWithLogitsLoss().to(self.device)
        gp_criterion = PenaltyOfGradient().to(self.device)
        rec_criterion = nn.L1Loss().to(self.device)
        return class_criterion, gp_criterion, rec_criterion

    def update_g(self, imgs, src_labels, trg_labels):
        for p in self.d_model.parameters():
            p.requires_grad = False
        self.g_model.zero_grad(set_to_none=True)
        fake_imgs = self.g_model(imgs, trg_labels)
        fake_output, fake_class = self.d_model(fake_imgs)
        g_loss_fake = -torch.mean(fake_output)
        g_loss_class = torch.sum(torch.mul(self.class_loss_weight, self.class_criterion(fake_class, trg_labels)))
        rec_imgs = self.g_model(fake_imgs, src_labels)
        g_loss_rec = torch.sum(torch.mul(self.rec_loss_weight, self.rec_criterion(rec_imgs, imgs)))
        g_loss = g_loss_fake + g_loss_rec + g_loss_class
        g_loss.backward()
        self.g_optim.step()
        return g_loss

    def update_d(self, imgs, src_labels, trg_labels):
        for p in self.d_model.parameters():
            p.requires_grad = True
        self.d_model.zero_grad(set_to_none=True)
        real_output, real_class = self.d_model(imgs)
        d_loss_real = -torch.mean(real_output)
        d_loss_class = torch.sum(torch.mul(self.class_loss_weight, self.class_criterion(real_class, src_labels)))
        fake_imgs = self.g_model(imgs, trg_labels)
        fake_output, _ = self.d_model(fake_imgs.detach())
        d_loss_fake = torch.mean(fake_output)
        alpha = torch.rand(imgs.size(0), 1, 1, 1, device=self.device)
        x_hat = (alpha * imgs.data + (1 - alpha) * fake_imgs.data).requires_grad_(True)
        output, _ = self.d_model(x_hat)
        d_loss_gp = torch.sum(torch.mul(self.gp_loss_weight, self.gp_criterion(output, x_hat)))
        d_loss = d_loss_real + d_loss_fake + d_loss_class + d_loss_gp
        d_loss.backward()
        self.d_optim.step()
        return d_loss

    def train_on_epoch(self, loader, n_critic=5):
        for batch_idx, (imgs, src_labels) in enumerate(loader):
            imgs, src_labels = imgs.to(self.device), src_labels.to(self.device)
            trg_labels = src_labels[torch.randperm(src_labels.size(0))]
            d_loss = self.update_d(imgs, src_labels, trg_labels)
            if (batch_idx + 1) % n_critic == 0:
                g_loss = self.update_g(imgs, src_labels, trg_labels)
                print(d_loss.item(), g_loss.item())
