"""positive [LG011]: the warm-up epoch of early-learning regularisation stores the softmax of the (batch, classes) logits, taken without dim, in the target history."""

# Source: shengliu66/ELR@934af53 ELR/trainer/trainer.py (re-typed, renamed, cut to the warm-up epoch)
import torch
import torch.nn.functional as F


class Trainer:
    def __init__(self, model, optimizer, train_criterion, loader, device):
        self.model = model
        self.optimizer = optimizer
        self.train_criterion = train_criterion
        self.loader = loader
        self.device = device

    def warmup_epoch(self, epoch):
        total = 0.0
        self.model.train()
        for data, label, indexes in self.loader:
            data, label = data.to(self.device), label.long().to(self.device)
            self.optimizer.zero_grad()
            output = self.model(data)
            out_prob = F.softmax(output).data.detach()  # expect: LG011
            self.train_criterion.update_hist(indexes.cpu().numpy().tolist(), out_prob)
            loss = F.cross_entropy(output, label)
            loss.backward()
            self.optimizer.step()
            total += loss.item()
        return total / len(self.loader)
