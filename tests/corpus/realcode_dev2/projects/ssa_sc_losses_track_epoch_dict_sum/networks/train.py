"""part of positive project [LG006]: the training loop backpropagates loss['total'] and hands the whole loss dict to metrics.losses_track.update_train_losses every iteration."""
# Source: https://github.com/jokester-zzz/SSA-SC networks/train.py at ed5298dabf0ab9b1675031b04e62080664e673ad; re-typed, names changed, reduced (the
# training step written as in validate: scores = model(data)).
import torch

from networks.common.io_tools import dict_to
from networks.common.metrics import Metrics
from networks.common.model import get_model


def train(model, optimizer, scheduler, dataset, _cfg, start_epoch, logger, tbwriter):
    device = torch.device("cuda") if torch.cuda.is_available() else torch.device("cpu")
    dtype = torch.float32
    model = model.to(device=device)
    dset = dataset["train"]
    nbr_epochs = _cfg._dict["TRAIN"]["EPOCHS"]
    metrics = Metrics(dset.dataset.nbr_classes, len(dset), model.get_scales())
    metrics.reset_evaluator()
    metrics.losses_track.set_train_losses(model.get_train_loss_keys())
    for epoch in range(start_epoch, nbr_epochs + 1):
        model.train()
        for t, (data, indices) in enumerate(dset):
            data = dict_to(data, device, dtype)
            scores = model(data)
            loss = model.compute_loss(scores, data)
            optimizer.zero_grad()
            loss["total"].backward()
            optimizer.step()
            for l_key in loss:
                tbwriter.add_scalar("train_loss_batch/{}".format(l_key), loss[l_key].item(), len(dset) * (epoch - 1) + t)
            metrics.losses_track.update_train_losses(loss)
        epoch_loss = metrics.losses_track.train_losses["total"] / metrics.losses_track.train_iteration_counts
        logger.info("=> [Epoch {} - Total Train Loss = {}]".format(epoch, epoch_loss))
        metrics.losses_track.restart_train_losses()
        scheduler.step()
