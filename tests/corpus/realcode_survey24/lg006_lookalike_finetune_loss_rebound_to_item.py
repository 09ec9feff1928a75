"""look-alike [LG006]: the sparse-masked-modelling fine-tuning loop rebinds `loss` to `loss.item()` right after its backward and only then adds it to the epoch's total."""

# Source: keyu-tian/SparK@a63e386 downstream_imagenet/main.py (re-typed, renamed, cut to the training epoch)
import torch


def fine_tune_one_epoch(model, loader, criterion, optimizer, params, clip, device):
    total_loss, total_acc = 0.0, 0.0
    for inp, tar in loader:
        inp, tar = inp.to(device, non_blocking=True), tar.to(device, non_blocking=True)
        out = model(inp)
        total_acc += out.data.argmax(dim=1).eq(tar).float().mean().item() * 100
        optimizer.zero_grad()
        loss = criterion(out, tar)
        loss.backward()
        loss = loss.item()
        total_loss += loss
        if clip > 0:
            torch.nn.utils.clip_grad_norm_(params, clip)
        optimizer.step()
    return total_loss / len(loader), total_acc / len(loader)
