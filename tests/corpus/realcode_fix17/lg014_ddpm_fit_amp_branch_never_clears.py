"""positive [LG014]: the DDPM epoch function clears the gradients on its float32 branch only; the mixed-precision branch back-propagates through the scaler and steps without a zero_grad(), so with fp16 on the gradients add up over the epoch (the fix calls optimizer.zero_grad() before both)."""

# Source: bubbliiiing/ddpm-pytorch@5840446c82 utils/utils_fit.py, train.py, fixed in cfebc1c97e (cut, renamed)
import torch
import torch.optim as optim
from tqdm import tqdm

from nets.diffusion import GaussianDiffusion
from nets.unet import UNet


def get_lr(optimizer):
    for group in optimizer.param_groups:
        return group["lr"]


def fit_one_epoch(diffusion_model_train, optimizer, epoch, epoch_step, gen, n_epochs, cuda, fp16, scaler, local_rank=0):
    total_loss = 0
    pbar = tqdm(total=epoch_step, desc=f"Epoch {epoch + 1}/{n_epochs}", postfix=dict)
    for iteration, images in enumerate(gen):
        if iteration >= epoch_step:
            break
        with torch.no_grad():
            if cuda:
                images = images.cuda(local_rank)
        if not fp16:
            optimizer.zero_grad()
            diffusion_loss = diffusion_model_train(images)
            diffusion_loss.backward()
            optimizer.step()
        else:
            from torch.cuda.amp import autocast

            with autocast():
                diffusion_loss = diffusion_model_train(images)
            scaler.scale(diffusion_loss).backward()
            scaler.step(optimizer)  # expect: LG014
            scaler.update()
        total_loss += diffusion_loss.item()
        pbar.set_postfix(**{"total_loss": total_loss / (iteration + 1), "lr": get_lr(optimizer)})
        pbar.update(1)


if __name__ == "__main__":
    Cuda = True
    fp16 = False
    diffusion_model = GaussianDiffusion(UNet(3, 64), (64, 64), 3, betas=None)
    if fp16:
        from torch.cuda.amp import GradScaler

        scaler = GradScaler()
    else:
        scaler = None
    optimizer = optim.Adam(diffusion_model.parameters(), lr=2e-4, betas=(0.5, 0.999))
    gen = None
    for epoch in range(100):
        fit_one_epoch(diffusion_model.train(), optimizer, epoch, 100, gen, 100, Cuda, fp16, scaler)
