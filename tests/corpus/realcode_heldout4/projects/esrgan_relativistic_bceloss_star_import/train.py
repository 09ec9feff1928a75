"""part of positive project [LG002]: train_adversarial takes the discriminator, the generator and adversarial_criterion (nn.BCELoss) from `from config import *` and feeds BCELoss the relativistic differences of the discriminator's Linear scores (hr_output - torch.mean(sr_output)), which are unbounded."""
# Source: https://github.com/Lornatang/ESRGAN-PyTorch train.py at b3e1d1f6391c32eff869e0668d9300cc330d0136 (issue #8 "Negative Values after substracitng mean in a":
# "This is a known issue"; a reply points out that BCELoss needs a sigmoid here or BCEWithLogitsLoss); re-typed,
# names changed, reduced (generator pre-training, validation and main() left out).
from torch.utils.data import DataLoader

from config import *
from dataset import BaseDataset


def train_adversarial(train_dataloader, epoch) -> None:
    batches = len(train_dataloader)
    discriminator.train()
    generator.train()

    for index, (lr, hr) in enumerate(train_dataloader):
        lr = lr.to(device)
        hr = hr.to(device)
        label_size = lr.size(0)
        real_label = torch.full([label_size, 1], 1.0, dtype=lr.dtype, device=device)
        fake_label = torch.full([label_size, 1], 0.0, dtype=lr.dtype, device=device)

        discriminator.zero_grad()
        sr = generator(lr)
        hr_output = discriminator(hr)
        sr_output = discriminator(sr.detach())
        d_loss_hr = adversarial_criterion(hr_output - torch.mean(sr_output), real_label)  # expect: LG002
        d_loss_hr.backward()
        d_hr = hr_output.mean().item()
        hr_output = discriminator(hr)
        sr_output = discriminator(sr.detach())
        d_loss_sr = adversarial_criterion(sr_output - torch.mean(hr_output), fake_label)  # expect: LG002
        d_loss_sr.backward()
        d_sr1 = sr_output.mean().item()
        d_loss = d_loss_hr + d_loss_sr
        d_optimizer.step()

        generator.zero_grad()
        sr = generator(lr)
        hr_output = discriminator(hr.detach())
        sr_output = discriminator(sr)
        pixel_loss = pixel_weight * pixel_criterion(sr, hr.detach())
        content_loss = content_weight * content_criterion(sr, hr.detach())
        adversarial_loss = adversarial_weight * adversarial_criterion(sr_output - torch.mean(hr_output), real_label)  # expect: LG002
        g_loss = pixel_loss + content_loss + adversarial_loss
        g_loss.backward()
        g_optimizer.step()
        d_sr2 = sr_output.mean().item()

        iters = index + epoch * batches + 1
        writer.add_scalar("Train_Adversarial/D_Loss", d_loss.item(), iters)
        writer.add_scalar("Train_Adversarial/G_Loss", g_loss.item(), iters)
        if (index + 1) % 10 == 0 or (index + 1) == batches:
            print(f"Epoch[{epoch + 1:04d}/{epochs:04d}]({index + 1:05d}/{batches:05d}) D Loss: {d_loss.item():.6f} G Loss: {g_loss.item():.6f} D(HR): {d_hr:.6f} D(SR1)/D(SR2): {d_sr1:.6f}/{d_sr2:.6f}.")
