"""part of positive project [LG009]: the search step adds the interactive KL term between the two networks' ensembled logits to their cross-entropy and back-propagates the sum; meters get .item() values."""
# Source: microsoft/Cream at 4a13c409, CDARTS/lib/core/search_function.py; re-typed, identifiers renamed; the alpha
# regularisation groups, the second (training-data) phase, distributed reduction and logging shortened.
import torch
import torch.nn as nn

from lib.models.loss import interactive_loss
from lib.utils import utils


def search(train_loader, valid_loader, model, optimizer, w_optim, alpha_optim, layer_idx, epoch, writer, logger, config):
    device = torch.device("cuda")
    criterion = nn.CrossEntropyLoss().to(device)
    losses = utils.AverageMeter()
    losses_inter = utils.AverageMeter()
    losses_cls = utils.AverageMeter()
    steps = int(len(train_loader) * config.sample_ratio)
    model.train()

    for step, ((trn_X, trn_y), (val_X, val_y)) in enumerate(zip(train_loader, valid_loader)):
        if step > steps:
            break
        val_X, val_y = val_X.to(device, non_blocking=True), val_y.to(device, non_blocking=True)
        N = val_X.size(0)

        alpha_optim.zero_grad()
        optimizer.zero_grad()

        logits_search, ens_search = model(val_X, layer_idx, super_flag=True)
        logits_main, ens_main = model(val_X, layer_idx, super_flag=False)

        loss_cls = (criterion(logits_search, val_y) + criterion(logits_main, val_y)) / config.loss_alpha
        loss_inter = interactive_loss(ens_search, ens_main, config.loss_T, config.interactive_type) * config.loss_alpha
        loss_reg = 0 * loss_cls
        loss = loss_cls + loss_inter + loss_reg
        loss.backward()
        nn.utils.clip_grad_norm_(model.module.parameters(), config.w_grad_clip)
        optimizer.step()
        alpha_optim.step()

        losses.update(loss.data.item(), N)
        losses_inter.update(loss_inter.data.item(), N)
        losses_cls.update(loss_cls.data.item(), N)
        if config.local_rank == 0 and step % config.print_freq == 0:
            logger.info("Layer {} Epoch {} Step {} Loss {:.3f}".format(layer_idx + 1, epoch + 1, step, losses.avg))
