"""look-alike: the same segmentation training loop giving the meter the loss as a number (the repository's code): the running sum holds no graph."""

# Source: dagaji/deeplabv3-pytorch@2e4bfaeceb train.py (train), deeplabv3/metrics.py (AverageMeter); re-typed,
# identifiers renamed; the batch-norm freezing, the model building and the checkpointing cut
# Mutation: none (`loss.item() * accum`, the repository's code)
import torch
from tqdm import tqdm


class RunningMean(object):
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

    def value(self):
        return self.avg


def train(net, loader, criterion, optimizer, scheduler, cfg):
    net.train()
    running = RunningMean()
    running.reset()
    accum = cfg["iter_size"]
    show_every = cfg["display_iters"]
    optimizer.zero_grad()
    for it, batch in tqdm(enumerate(loader), total=len(loader)):
        with torch.set_grad_enabled(True):
            out = net(batch)
            aux = 0.0
            if "aux" in out:
                aux = criterion(out["aux"], batch)
            loss = (criterion(out["out"], batch) + 0.4 * aux) / accum
            loss.backward()
            running.update(loss.item() * accum, n=loader.batch_size)
            scheduler.step()
            if it > 0 and it % accum == 0:
                optimizer.step()
                optimizer.zero_grad()
            if it > 0 and it % (show_every * accum) == 0:
                print(">> Loss: {:.4f}".format(running.value()))
                running.reset()
