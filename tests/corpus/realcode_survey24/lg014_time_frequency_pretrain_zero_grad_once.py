"""positive [LG014]: the time-frequency contrastive pretraining epoch clears the gradients once, before its batch loop, then back-propagates and steps every batch: each step applies the sum of every earlier batch's gradients."""

# Source: mims-harvard/TFC-pretraining@9667582 code/TFC/trainer.py (re-typed, renamed, cut to the pretraining epoch)
import torch


def pretrain_epoch(model, optimizer, contrastive, loader, device, lam=0.2):
    epoch_losses = []
    model.train()
    optimizer.zero_grad()
    for data, labels, aug, data_f, aug_f in loader:
        data, aug = data.float().to(device), aug.float().to(device)
        data_f, aug_f = data_f.float().to(device), aug_f.float().to(device)
        h_t, z_t, h_f, z_f = model(data, data_f)
        h_t_aug, z_t_aug, h_f_aug, z_f_aug = model(aug, aug_f)
        loss_t = contrastive(h_t, h_t_aug)
        loss_f = contrastive(h_f, h_f_aug)
        loss_tf = contrastive(z_t, z_f)
        loss = lam * (loss_t + loss_f) + loss_tf
        epoch_losses.append(loss.item())
        loss.backward()
        optimizer.step()  # expect: LG014
    return torch.tensor(epoch_losses).mean()
