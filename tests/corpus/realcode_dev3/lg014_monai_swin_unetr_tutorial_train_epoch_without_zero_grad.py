"""positive [LG014]: the training epoch of a MONAI research tutorial back-propagates the segmentation loss and steps the optimizer for every batch without ever clearing the gradients, so each update applies the sum of all earlier batches' gradients."""
# Source: Project-MONAI/research-contributions issue #392 "Don't have optimizer.zero_grad() in your tutorial" (the tutorial's train_epoch as posted in the issue; re-typed, the dataset, model and loss set-up of the notebook, which the post does not show, left undefined)
import time

import torch

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


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


def train_epoch(model, loader, optimizer, epoch, loss_func):
    model.train()
    started = time.time()
    meter = AverageMeter()
    for idx, batch in enumerate(loader):
        image, label = batch["image"].to(device), batch["label"].to(device)
        logits = model(image)
        loss = loss_func(logits, label)
        loss.backward()
        optimizer.step()  # expect: LG014
        meter.update(loss.item(), n=batch_size)
        print("Epoch {}/{} {}/{}".format(epoch, max_epochs, idx, len(loader)),
              "loss: {:.4f}".format(meter.avg),
              "time {:.2f}s".format(time.time() - started))
        started = time.time()
    return meter.avg
