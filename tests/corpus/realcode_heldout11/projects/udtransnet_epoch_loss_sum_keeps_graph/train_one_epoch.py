"""part of positive project [LG006]: train_one_epoch (run with the model in training mode, then again under torch.no_grad for validation) adds the batch loss times the batch size to loss_sum and the training Dice (1 - a Dice loss) to dice_sum and to a list, every batch, without .item()."""
# Source: McGregorWwww/UDTransNet@46575873ef675acdc5d0aa5f79d5e48e99126339 train_one_epoch.py (read as is; a comment on its issue #21 gives the fix loss_sum += loss.item(); re-typed, identifiers renamed, the visualisation branch and the summary printer shortened)
import time

import torch.optim

import Config as config


def print_summary(epoch, i, n_batches, loss, fold, kfold, avg_loss, avg_time, dice, avg_dice, mode, lr, logger):
    line = '   [{}] Fold: [{}/{}] Epoch: [{}][{}/{}]  '.format(mode, fold, kfold, epoch, i, n_batches)
    line += 'Loss:{:.3f} (Avg {:.4f}) Dice:{:.4f} (Avg {:.4f}) '.format(loss, avg_loss, dice, avg_dice)
    if mode == 'Train':
        line += 'LR {:.2e}   '.format(lr)
    line += '(AvgTime {:.1f})   '.format(avg_time)
    logger.info(line)


def train_one_epoch(loader, model, criterion, optimizer, writer, epoch, lr_scheduler, fold, kfold, logger):
    mode = 'Train' if model.training else 'Val'
    end = time.time()
    time_sum, loss_sum = 0, 0
    dice_sum = 0.0
    dices = []
    for i, (batch, names) in enumerate(loader, 1):
        images, masks = batch['image'], batch['label']
        images, masks = images.cuda(), masks.cuda()

        preds = model(images)
        if config.n_labels > 1:
            batch_loss = criterion(preds, masks.long(), softmax=True)
        else:
            batch_loss = criterion(preds, masks.float())

        if model.training:
            optimizer.zero_grad()
            batch_loss.backward()
            optimizer.step()

        if config.n_labels > 1:
            batch_dice = criterion._show_dice(preds, masks.long(), softmax=True)
        else:
            batch_dice = criterion._show_dice(preds, masks.float())

        batch_time = time.time() - end
        dices.append(batch_dice)  # expect: LG006

        time_sum += len(images) * batch_time
        loss_sum += len(images) * batch_loss  # expect: LG006
        dice_sum += len(images) * batch_dice  # expect: LG006

        if i == len(loader):
            n_seen = config.batch_size * (i - 1) + len(images)
        else:
            n_seen = i * config.batch_size
        avg_loss = loss_sum / n_seen
        avg_time = time_sum / n_seen
        avg_dice = dice_sum / n_seen

        end = time.time()
        if i % config.print_frequency == 0:
            print_summary(epoch + 1, i, len(loader), batch_loss, fold, kfold, avg_loss, avg_time,
                          batch_dice, avg_dice, mode, lr=min(g["lr"] for g in optimizer.param_groups), logger=logger)
        if config.tensorboard:
            writer.add_scalar(mode + '_dice', batch_dice, epoch * len(loader) + i)

    if lr_scheduler is not None:
        lr_scheduler.step()
    return avg_loss, avg_dice
