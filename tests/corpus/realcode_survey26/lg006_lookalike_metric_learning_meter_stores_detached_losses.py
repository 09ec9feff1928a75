"""look-alike [LG006]: a metric-learning trainer appends each step's loss tensor to a meter whose append stores `val.detach()` in a preallocated tensor."""

# Source: jeromerony/dml_cross_entropy@787e863 utils/metrics.py, utils/training.py (re-typed, renamed, cut to the meter and the epoch)
import torch


class TensorMeter:
    def __init__(self, device, length):
        self.values = torch.zeros(length, device=device, dtype=torch.float)
        self.counter = 0
        self.last_counter = 0

    def append(self, val):
        self.values[self.counter] = val.detach()
        self.counter += 1

    @property
    def last_avg(self):
        if self.counter == 0:
            return self.values[0]
        avg = self.values[self.last_counter : self.counter].mean()
        self.last_counter = self.counter
        return avg


def train_epoch(model, loader, class_loss, optimizer, scheduler, device):
    model.train()
    losses = TensorMeter(device=device, length=len(loader))
    accs = TensorMeter(device=device, length=len(loader))
    for batch, labels in loader:
        logits, features = model(batch)
        loss = class_loss(logits, labels).mean()
        acc = (logits.detach().argmax(1) == labels).float().mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()
        losses.append(loss)
        accs.append(acc)
    return losses.last_avg
