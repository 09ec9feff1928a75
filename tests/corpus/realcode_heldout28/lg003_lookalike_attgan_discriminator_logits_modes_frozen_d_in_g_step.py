"""look-alike [LG003, LG004, LG017, LG018]: AttGAN's discriminators return raw LinearBlock outputs (adversarial score and attribute logits); the dcgan mode and the attribute classifier use binary_cross_entropy_with_logits on them, the generator step freezes the discriminator's parameters, and each step clears its own optimizer just before its backward."""
# Source: jiazhi412/AttGAN-PyTorch at a07eb4f4, models/attgan.py (Discriminators and AttGAN, read as is); re-typed,
# identifiers renamed; the generator's encoder / decoder, save / load and the multi-GPU wrapper shortened (Generator,
# MAX_DIM, LinearBlock and Conv2dBlock as in the source's modules).
import torch
import torch.nn as nn
import torch.autograd as autograd
import torch.nn.functional as F
import torch.optim as optim
import wandb

from nn import LinearBlock, Conv2dBlock

MAX_DIM = 64 * 16


class Critics(nn.Module):
    def __init__(self, dim=64, norm_fn='instancenorm', acti_fn='lrelu', fc_dim=1024, fc_norm_fn='none',
                 fc_acti_fn='lrelu', n_layers=5, img_size=128, n_attrs=13):
        super(Critics, self).__init__()
        self.f_size = img_size // 2 ** n_layers
        layers = []
        n_in = 3
        for i in range(n_layers):
            n_out = min(dim * 2 ** i, MAX_DIM)
            layers += [Conv2dBlock(n_in, n_out, (4, 4), stride=2, padding=1, norm_fn=norm_fn, acti_fn=acti_fn)]
            n_in = n_out
        self.conv = nn.Sequential(*layers)
        fc_in = min(dim * 2 ** (n_layers - 1), MAX_DIM)
        self.fc_adv = nn.Sequential(
            LinearBlock(fc_in * self.f_size * self.f_size, fc_dim, fc_norm_fn, fc_acti_fn),
            LinearBlock(fc_dim, 1, 'none', 'none'),
        )
        self.fc_cls = nn.Sequential(
            LinearBlock(fc_in * self.f_size * self.f_size, fc_dim, fc_norm_fn, fc_acti_fn),
            LinearBlock(fc_dim, n_attrs, 'none', 'none'),
        )

    def forward(self, x):
        h = self.conv(x)
        h = h.view(h.size(0), -1)
        return self.fc_adv(h), self.fc_cls(h)


class AttributeGAN():
    def __init__(self, args):
        self.mode = args.mode
        self.gpu = args.gpu
        self.gr = args.gr
        self.gc = args.gc
        self.dc = args.dc
        self.lambda_gp = args.lambda_gp
        self.G = Generator(args.enc_dim, args.enc_layers, args.enc_norm, args.enc_acti, args.dec_dim, args.dec_layers,
                           args.dec_norm, args.dec_acti, args.n_attrs, args.shortcut_layers, args.inject_layers,
                           args.img_size, args.dim_per_attr)
        self.G.train()
        if self.gpu:
            self.G.cuda()
        self.D = Critics(args.dis_dim, args.dis_norm, args.dis_acti, args.dis_fc_dim, args.dis_fc_norm,
                         args.dis_fc_acti, args.dis_layers, args.img_size, args.n_attrs)
        self.D.train()
        if self.gpu:
            self.D.cuda()
        self.optim_G = optim.Adam(self.G.parameters(), lr=args.lr, betas=args.betas)
        self.optim_D = optim.Adam(self.D.parameters(), lr=args.lr, betas=args.betas)

    def trainG(self, img_a, att_a, att_a_, att_b, att_b_):
        for p in self.D.parameters():
            p.requires_grad = False
        zs_a = self.G(img_a, mode='enc')
        img_fake = self.G(zs_a, att_b_, mode='dec')
        img_recon = self.G(zs_a, att_a_, mode='dec')
        d_fake, dc_fake = self.D(img_fake)
        if self.mode == 'wgan':
            gf_loss = -d_fake.mean()
        if self.mode == 'lsgan':
            gf_loss = F.mse_loss(d_fake, torch.ones_like(d_fake))
        if self.mode == 'dcgan':
            gf_loss = F.binary_cross_entropy_with_logits(d_fake, torch.ones_like(d_fake))
        gc_loss = F.binary_cross_entropy_with_logits(dc_fake, att_b)
        gr_loss = F.l1_loss(img_recon, img_a)
        g_loss = gf_loss + self.gc * gc_loss + self.gr * gr_loss
        self.optim_G.zero_grad()
        g_loss.backward()
        self.optim_G.step()
        wandb.log({'g/total_loss': g_loss.item(), 'g/fake_loss': gf_loss.item()})
        return {'g_loss': g_loss.item(), 'gf_loss': gf_loss.item(), 'gc_loss': gc_loss.item(),
                'gr_loss': gr_loss.item()}

    def trainD(self, img_a, att_a, att_a_, att_b, att_b_):
        for p in self.D.parameters():
            p.requires_grad = True
        img_fake = self.G(img_a, att_b_).detach()
        d_real, dc_real = self.D(img_a)
        d_fake, dc_fake = self.D(img_fake)

        def gradient_penalty(f, real, fake=None):
            def interpolate(a, b=None):
                if b is None:
                    beta = torch.rand_like(a)
                    b = a + 0.5 * a.var().sqrt() * beta
                alpha = torch.rand(a.size(0), 1, 1, 1)
                alpha = alpha.cuda() if self.gpu else alpha
                return a + alpha * (b - a)
            x = interpolate(real, fake).requires_grad_(True)
            pred = f(x)
            if isinstance(pred, tuple):
                pred = pred[0]
            grad = autograd.grad(outputs=pred, inputs=x, grad_outputs=torch.ones_like(pred), create_graph=True,
                                 retain_graph=True, only_inputs=True)[0]
            grad = grad.view(grad.size(0), -1)
            return ((grad.norm(2, dim=1) - 1.0) ** 2).mean()

        if self.mode == 'wgan':
            df_loss = -(d_real.mean() - d_fake.mean())
            df_gp = gradient_penalty(self.D, img_a, img_fake)
        if self.mode == 'lsgan':
            df_loss = F.mse_loss(d_real, torch.ones_like(d_fake)) + F.mse_loss(d_fake, torch.zeros_like(d_fake))
            df_gp = gradient_penalty(self.D, img_a)
        if self.mode == 'dcgan':
            df_loss = F.binary_cross_entropy_with_logits(d_real, torch.ones_like(d_real)) + \
                F.binary_cross_entropy_with_logits(d_fake, torch.zeros_like(d_fake))
            df_gp = gradient_penalty(self.D, img_a)
        dc_loss = F.binary_cross_entropy_with_logits(dc_real, att_a)
        d_loss = df_loss + self.lambda_gp * df_gp + self.dc * dc_loss
        self.optim_D.zero_grad()
        d_loss.backward()
        self.optim_D.step()
        wandb.log({'d/total_loss': d_loss.item(), 'd/fake_loss': df_loss.item()})
        return {'d_loss': d_loss.item(), 'df_loss': df_loss.item(), 'df_gp': df_gp.item(), 'dc_loss': dc_loss.item()}
