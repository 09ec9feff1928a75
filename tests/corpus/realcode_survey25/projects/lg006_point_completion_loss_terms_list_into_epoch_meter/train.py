"""part of positive project [LG006]: the training loop back-propagates the total, scales the terms it got back in a list and adds them to the epoch meter every step: each term keeps the step's graph."""

# Source: AllenXiangX/SnowflakeNet@0880ba1 completion/train.py (re-typed, renamed, cut to the epoch loop)
from utils import average_meter, loss_util


def train_net(model, loader, optimizer, scheduler, chamfer, subsample, epochs, loss_func, writer):
    multiplier = 1.0
    if loss_func == "cd_l1":
        multiplier = 1e3
    elif loss_func == "cd_l2":
        multiplier = 1e4
    completion_loss = loss_util.CompletionLoss(chamfer, loss_func=loss_func)
    n_batches = len(loader)
    meter = average_meter.AverageMeter(["loss_partial", "loss_pc", "loss_p1", "loss_p2", "loss_p3"])
    for epoch_idx in range(epochs):
        meter.reset()
        model.train()
        for batch_idx, (partial, gt) in enumerate(loader):
            partial, gt = partial.cuda(), gt.cuda()
            pcds_pred = model(partial)
            loss_total, losses = completion_loss.get_loss(pcds_pred, partial, gt, subsample)
            optimizer.zero_grad()
            loss_total.backward()
            optimizer.step()
            losses = [ls * multiplier for ls in losses]
            meter.update(losses)
            n_itr = epoch_idx * n_batches + batch_idx
            writer.add_scalar("Loss/Batch/partial_matching", losses[0], n_itr)
        scheduler.step()
        writer.add_scalar("Loss/Epoch/cd_p3", meter.avg(4), epoch_idx)
