"""look-alike [LG014, LG013, LG006]: the Minkowski segmentation trainer clears the gradients once per outer iteration and lets `config.iter_size` sub-iterations accumulate loss / iter_size before one optimizer.step() (deliberate gradient accumulation); targets are cast with .long() and the batch loss is summed as loss.item()."""
# Source: https://github.com/chrischoy/SpatioTemporalSegmentation lib/train.py at 4afee296ebe387d9a06fc1b168c4af212a2b4804
# (issue #46 "Potential error in training loop": zero_grad outside the sub_iter loop, closed; it is the iter_size
# accumulation); re-typed, names changed, reduced (resume, validation and checkpoint scheduling shortened).
import logging

import torch
from MinkowskiEngine import SparseTensor
from tensorboardX import SummaryWriter
from torch import nn

from lib.solvers import initialize_optimizer, initialize_scheduler
from lib.utils import AverageMeter, Timer, checkpoint, get_prediction, get_torch_device, precision_at_one


def train(model, data_loader, val_data_loader, config, transform_data_fn=None):
    device = get_torch_device(config.is_cuda)
    model.train()
    writer = SummaryWriter(log_dir=config.log_dir)
    data_timer, iter_timer = Timer(), Timer()
    losses, scores = AverageMeter(), AverageMeter()

    optimizer = initialize_optimizer(model.parameters(), config)
    scheduler = initialize_scheduler(optimizer, config)
    criterion = nn.CrossEntropyLoss(ignore_index=config.ignore_label)

    best_val_miou, curr_iter, epoch, is_training = 0, 1, 1, True
    data_iter = data_loader.__iter__()
    while is_training:
        for iteration in range(len(data_loader) // config.iter_size):
            optimizer.zero_grad()
            data_time, batch_loss = 0, 0
            iter_timer.tic()

            for sub_iter in range(config.iter_size):
                data_timer.tic()
                coords, feats, target = data_iter.next()
                coords[:, 1:] += (torch.rand(3) * 100).type_as(coords)
                color = feats[:, :3].int()
                if config.normalize_color:
                    feats[:, :3] = feats[:, :3] / 255. - 0.5
                sinput = SparseTensor(feats, coords).to(device)
                data_time += data_timer.toc(False)

                inputs = (sinput,) if config.wrapper_type == "None" else (sinput, coords, color)
                soutput = model(*inputs)
                target = target.long().to(device)
                loss = criterion(soutput.F, target.long())
                loss /= config.iter_size
                batch_loss += loss.item()
                loss.backward()

            optimizer.step()
            scheduler.step()

            pred = get_prediction(data_loader.dataset, soutput.F, target)
            score = precision_at_one(pred, target)
            losses.update(batch_loss, target.size(0))
            scores.update(score, target.size(0))

            if curr_iter >= config.max_iter:
                is_training = False
                break
            if curr_iter % config.stat_freq == 0 or curr_iter == 1:
                logging.info("===> Epoch[{}]({}): Loss {:.4f}".format(epoch, curr_iter, losses.avg))
                writer.add_scalar("training/loss", losses.avg, curr_iter)
                losses.reset()
                scores.reset()
            if curr_iter % config.save_freq == 0:
                checkpoint(model, optimizer, epoch, curr_iter, config, best_val_miou, 0)
            curr_iter += 1
        epoch += 1
