"""part of look-alike project [LG006, LG012]: train() moves the model's log-probabilities to the CPU, applies the criterion it was given with the encoded targets and lengths, and gives the meter loss.item()."""
# Source: Sierkinhane/CRNN_Chinese_Characters_Rec@a565687c4076b729d4059593b7570dd388055af4 lib/core/function.py (the stable branch, read as is; re-typed, identifiers renamed, validate() left out, the progress message shortened)
import time

import torch

import lib.utils.utils as utils


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


def train(config, train_loader, dataset, converter, model, criterion, optimizer, device, epoch, writer_dict=None, output_dict=None):
    batch_time = AverageMeter()
    losses = AverageMeter()
    model.train()
    end = time.time()
    for i, (inp, idx) in enumerate(train_loader):
        labels = utils.get_batch_label(dataset, idx)
        inp = inp.to(device)
        preds = model(inp).cpu()
        batch_size = inp.size(0)
        text, length = converter.encode(labels)
        preds_size = torch.IntTensor([preds.size(0)] * batch_size)
        loss = criterion(preds, text, preds_size, length)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        losses.update(loss.item(), inp.size(0))
        batch_time.update(time.time() - end)
        if i % config.PRINT_FREQ == 0:
            print('Epoch: [{0}][{1}/{2}]\tLoss {loss.val:.5f} ({loss.avg:.5f})'.format(epoch, i, len(train_loader), loss=losses))
            if writer_dict:
                writer_dict['writer'].add_scalar('train_loss', losses.avg, writer_dict['train_global_steps'])
                writer_dict['train_global_steps'] += 1
        end = time.time()
