"""positive [LG010]: the deep-supervision criterion passes its own flag parameter to the deprecated reduce= of binary_cross_entropy_with_logits."""

# Source: tugstugi/pytorch-saltnet@a3e63b3 models/unet.py and train.py (cut, renamed)
import torch
import torch.nn.functional as F


def lovasz_hinge(logits, labels):
    signs = 2.0 * labels - 1.0
    errors = 1.0 - logits * signs
    return F.relu(errors).mean()


def deep_supervised_loss(logit, logit_pixel, logit_image, mask, has_salt, is_average=True):
    loss_image = F.binary_cross_entropy_with_logits(logit_image, has_salt, reduce=is_average)  # expect: LG010
    loss_pixel = 0
    for side in logit_pixel:
        loss_pixel += lovasz_hinge(side.squeeze(1), mask)
    return 0.05 * loss_image + 0.1 * loss_pixel + lovasz_hinge(logit.squeeze(1), mask)


def train_epoch(model, loader, optimizer):
    model.train()
    for images, mask, has_salt in loader:
        logit, logit_pixel, logit_image = model(images)
        loss = deep_supervised_loss(logit, logit_pixel, logit_image, mask, has_salt)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
