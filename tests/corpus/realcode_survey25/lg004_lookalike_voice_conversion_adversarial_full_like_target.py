"""look-alike [LG004]: a voice-conversion GAN's adversarial loss builds its target with `torch.full_like(logits, fill_value=target)` from the integer 1 or 0: the tensor takes the float dtype of the logits."""

# Source: yl4579/StarGANv2-VC@985df55 losses.py (re-typed, renamed, cut to the adversarial terms)
import torch
import torch.nn.functional as F


def adversarial(logits, target):
    assert target in [1, 0]
    if len(logits.shape) > 1:
        logits = logits.reshape(-1)
    targets = torch.full_like(logits, fill_value=target)
    logits = logits.clamp(min=-10, max=10)
    return F.binary_cross_entropy_with_logits(logits, targets)


def discriminator_loss(nets, x_real, y_org, y_trg, s_trg):
    out = nets.discriminator(x_real, y_org)
    loss_real = adversarial(out, 1)
    with torch.no_grad():
        x_fake = nets.generator(x_real, s_trg)
    out = nets.discriminator(x_fake, y_trg)
    loss_fake = adversarial(out, 0)
    return loss_real + loss_fake
