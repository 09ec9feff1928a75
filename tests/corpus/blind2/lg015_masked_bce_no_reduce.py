"""positive [LG015]: a multi-label loss built with reduction='none' is multiplied by a validity mask and back-propagated without any reduction."""
import torch
import torch.nn as nn


class ChestXrayTrainer:
    def __init__(self, model, lr=1e-4, device="cuda"):
        self.model = model.to(device)
        self.device = device
        self.criterion = nn.BCEWithLogitsLoss(reduction="none")
        self.optimizer = torch.optim.Adam(model.parameters(), lr=lr)

    def train_epoch(self, loader):
        self.model.train()
        for images, findings, known in loader:
            images = images.to(self.device)
            findings = findings.to(self.device).float()
            known = known.to(self.device).float()
            logits = self.model(images)
            loss = self.criterion(logits, findings) * known
            self.optimizer.zero_grad()
            loss.backward()  # expect: LG015
            self.optimizer.step()
