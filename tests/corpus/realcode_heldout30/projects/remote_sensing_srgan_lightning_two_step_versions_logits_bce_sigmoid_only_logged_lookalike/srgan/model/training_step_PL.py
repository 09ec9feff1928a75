"""part of look-alike project [LG003, LG016, LG017, LG018]: the two training steps: with automatic optimization, the discriminator call scores HR and detached SR logits with BCE-with-logits and returns their sum, the generator call adds the weighted BCE-with-logits of D(SR) against ones to the content loss; with manual optimization, the same losses between toggle_optimizer / zero_grad / manual_backward / step / untoggle_optimizer of each optimizer; torch.sigmoid only for the logged mean probabilities, under no_grad."""
# Source: simon-donike/SISR-RS-SRGAN at b098ea1a, opensr_srgan/model/training_step_PL.py; re-typed, identifiers renamed; the logging calls shortened (the
# sigmoid-under-no_grad logging kept), EMA updates and the docstrings cut.
import torch


def training_step_pl1(self, batch, batch_idx, optimizer_idx):
    lr_imgs, hr_imgs = batch
    sr_imgs = self.forward(lr_imgs)

    if self._pretrain_check():
        if optimizer_idx == 1:
            content_loss, metrics = self.content_criterion.return_loss(sr_imgs, hr_imgs)
            self.log("generator/content_loss", content_loss)
            return content_loss
        elif optimizer_idx == 0:
            dummy = torch.zeros((), device=hr_imgs.device, dtype=hr_imgs.dtype, requires_grad=True)
            self.log("discriminator/adversarial_loss", dummy)
            return dummy

    if optimizer_idx == 0:
        d_real = self.discriminator(hr_imgs)
        d_fake = self.discriminator(sr_imgs.detach())
        real_target = torch.full_like(d_real, self.adv_target)
        fake_target = torch.zeros_like(d_fake)
        loss_real = self.adv_criterion(d_real, real_target)
        loss_fake = self.adv_criterion(d_fake, fake_target)
        d_loss = loss_real + loss_fake
        self.log("discriminator/adversarial_loss", d_loss)
        with torch.no_grad():
            p_real = torch.sigmoid(d_real).mean()
            p_fake = torch.sigmoid(d_fake).mean()
        self.log("discriminator/D(y)_prob", p_real, prog_bar=True)
        self.log("discriminator/D(G(x))_prob", p_fake, prog_bar=True)
        return d_loss

    if optimizer_idx == 1:
        content_loss, metrics = self.content_criterion.return_loss(sr_imgs, hr_imgs)
        d_sr = self.discriminator(sr_imgs)
        g_adv = self.adv_criterion(d_sr, torch.ones_like(d_sr))
        self.log("generator/adversarial_loss", g_adv)
        total = content_loss + g_adv * self._adv_weight()
        self.log("generator/total_loss", total)
        return total


def training_step_pl2(self, batch, batch_idx):
    assert self.automatic_optimization is False
    lr_imgs, hr_imgs = batch
    sr_imgs = self.forward(lr_imgs)
    opt_d, opt_g = self.optimizers()

    if self._pretrain_check():
        content_loss, metrics = self.content_criterion.return_loss(sr_imgs, hr_imgs)
        self.log("generator/content_loss", content_loss)
        if hasattr(self, "toggle_optimizer"): self.toggle_optimizer(opt_g)
        opt_g.zero_grad()
        self.manual_backward(content_loss)
        opt_g.step()
        if hasattr(self, "untoggle_optimizer"): self.untoggle_optimizer(opt_g)
        return content_loss

    if hasattr(self, "toggle_optimizer"): self.toggle_optimizer(opt_d)
    opt_d.zero_grad()
    d_real = self.discriminator(hr_imgs)
    d_fake = self.discriminator(sr_imgs.detach())
    real_target = torch.full_like(d_real, self.adv_target)
    fake_target = torch.zeros_like(d_fake)
    loss_real = self.adv_criterion(d_real, real_target)
    loss_fake = self.adv_criterion(d_fake, fake_target)
    d_loss = loss_real + loss_fake
    self.log("discriminator/adversarial_loss", d_loss)
    with torch.no_grad():
        p_real = torch.sigmoid(d_real).mean()
        p_fake = torch.sigmoid(d_fake).mean()
    self.log("discriminator/D(y)_prob", p_real, prog_bar=True)
    self.log("discriminator/D(G(x))_prob", p_fake, prog_bar=True)
    self.manual_backward(d_loss)
    opt_d.step()
    if hasattr(self, "untoggle_optimizer"): self.untoggle_optimizer(opt_d)

    if hasattr(self, "toggle_optimizer"): self.toggle_optimizer(opt_g)
    opt_g.zero_grad()
    content_loss, metrics = self.content_criterion.return_loss(sr_imgs, hr_imgs)
    d_sr = self.discriminator(sr_imgs)
    g_adv = self.adv_criterion(d_sr, torch.ones_like(d_sr))
    total = content_loss + g_adv * self._adv_weight()
    self.log("generator/total_loss", total)
    self.manual_backward(total)
    opt_g.step()
    if hasattr(self, "untoggle_optimizer"): self.untoggle_optimizer(opt_g)
    return total
