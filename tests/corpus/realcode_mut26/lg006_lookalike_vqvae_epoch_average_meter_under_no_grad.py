"""look-alike: the same VQ-VAE epoch function updating its AverageMeter with the loss tensor inside torch.no_grad(): the sum made there records no graph, and self.val keeps only the latest step's loss."""

# Source: deepakdhull80/vqvae-pytorch@a7cb8192f6 train.py (per_epoch), helper.py (AverageMeter); re-typed,
# identifiers renamed; the evaluation branch, wandb logging, the perceptual loss and the model factory cut
# Mutation: the `.item()` conversion removed; the update stays under the repository's `with torch.no_grad():`
import torch
import torch.nn as nn


class AverageMeter(object):
    def __init__(self):
        self.reset()

    def reset(self):
        self.val = 0
        self.avg = 0
        self.sum = 0
        self.count = 0

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count


def per_epoch(model, loader, optimizer, scheduler, device):
    model.train()
    meter = AverageMeter()
    for step, (img, label) in enumerate(loader):
        img, label = img.to(device), label.to(device)
        rebuilt, (codebook_loss, recon_loss), usage = model(img, label)
        loss = recon_loss + codebook_loss
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()
        with torch.no_grad():
            meter.update(loss)
        if step % 100 == 0:
            print("step {} avg {}".format(step, meter.avg))
    return meter.avg


def execute(model, loader, epochs, device="cuda"):
    model = model.to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-4)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=3e-4, total_steps=epochs * len(loader))
    for epoch in range(epochs):
        print(epoch, per_epoch(model, loader, optimizer, scheduler, device))
