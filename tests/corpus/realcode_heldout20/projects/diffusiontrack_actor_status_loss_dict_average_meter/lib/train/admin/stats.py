"""part of positive project [LG006]: AverageMeter.update adds val * n to a running sum and new_epoch appends the epoch's average to a history; with the actor's loss tensors as val, every iteration's graph stays reachable from the sum, and every epoch's from the history."""
# Source: VISION-SJTU/DiffusionTrack at 1910ff52 (read as is), lib/train/admin/stats.py; re-typed, identifiers
# renamed; topk_accuracy cut.


class StatValue:
    def __init__(self):
        self.clear()

    def reset(self):
        self.val = 0

    def clear(self):
        self.reset()
        self.history = []

    def update(self, val):
        self.val = val
        self.history.append(self.val)


class AverageMeter(object):
    def __init__(self):
        self.clear()
        self.has_new_data = False

    def reset(self):
        self.avg = 0
        self.val = 0
        self.sum = 0
        self.count = 0

    def clear(self):
        self.reset()
        self.history = []

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n  # expect: LG006
        self.count += n
        self.avg = self.sum / self.count

    def new_epoch(self):
        if self.count > 0:
            self.history.append(self.avg)  # expect: LG006
            self.reset()
            self.has_new_data = True
        else:
            self.has_new_data = False
