"""part of look-alike project [LG001, LG006, LG013]: the meter the training script feeds with loss.item() floats, and a top-k accuracy computed under no_grad."""
# Source: 4uiiurz1/pytorch-adacos at 35c086cc (read as is), utils.py; re-typed, identifiers renamed; str2bool and
# count_params cut.
import torch


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


def accuracy(output, target, topk=(1,)):
    with torch.no_grad():
        maxk = max(topk)
        bs = target.size(0)
        _, pred = output.topk(maxk, 1, True, True)
        pred = pred.t()
        correct = pred.eq(target.view(1, -1).expand_as(pred))
        res = []
        for k in topk:
            ck = correct[:k].view(-1).float().sum(0, keepdim=True)
            res.append(ck.mul_(100.0 / bs))
        return res
