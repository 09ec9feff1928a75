"""part of look-alike project [LG007, LG001, LG014, LG006]: loss function and model class are looked up by name from a config (getattr on the modules); the trainer clears gradients each batch and logs loss.item()."""
# Source: https://github.com/victoresque/pytorch-template train.py and trainer/trainer.py at 41dc06f6f8f3f38c6ed49f01ff7d89cd5688adc4;
# re-typed, names changed, reduced. Correct code.
import json
import sys

import torch

import net.arch as arch_module
import net.losses as loss_module


class EpochTrainer:
    def __init__(self, model, criterion, optimizer, loader, device):
        self.model = model
        self.criterion = criterion
        self.optimizer = optimizer
        self.loader = loader
        self.device = device
        self.history = []

    def run_epoch(self):
        self.model.train()
        total = 0.0
        for step, (images, labels) in enumerate(self.loader):
            images, labels = images.to(self.device), labels.to(self.device)
            self.optimizer.zero_grad()
            out = self.model(images)
            loss = self.criterion(out, labels)
            loss.backward()
            self.optimizer.step()
            total += loss.item()
        self.history.append(total / max(1, len(self.loader)))
        return self.history[-1]


def main(cfg, loader):
    model = getattr(arch_module, cfg["arch"])(**cfg.get("arch_args", {}))
    criterion = getattr(loss_module, cfg["loss"])
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg.get("lr", 1e-3))
    trainer = EpochTrainer(model, criterion, optimizer, loader, torch.device("cpu"))
    for _ in range(cfg.get("epochs", 1)):
        trainer.run_epoch()


if __name__ == "__main__":
    with open(sys.argv[1]) as fh:
        main(json.load(fh), loader=[])
