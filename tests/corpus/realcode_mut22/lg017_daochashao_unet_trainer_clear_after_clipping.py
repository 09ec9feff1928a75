"""positive [LG017]: the segmentation trainer clips the gradients after backward() and then clears them before the
optimizer's step (a U-Net and an edge-aware loss module handed to the trainer by main)."""

# Source: DaoChaShao/py-ml-pt-unet-binary-classification@ff1f9eb7d1 src/trainers/binary_seg.py
# (UNetSegmentationTrainer.__init__, _epoch_train, fit), src/criteria/edge.py (EdgeAwareLoss), main.py (main);
# re-typed; the Qt signal, the evaluator, validation, the network's blocks and the data pipeline cut
# Mutation: self._optimiser.zero_grad() repeated after clip_grad_norm_, before self._optimiser.step()
import torch
from torch import nn, optim


class EdgeLoss(nn.Module):
    def __init__(self, pos_weight, edge_weight=2.0):
        super().__init__()
        self.edge_weight = edge_weight
        self.bce = nn.BCEWithLogitsLoss(pos_weight=pos_weight)

    def forward(self, inputs, targets):
        return self.bce(inputs, targets)


class TinyUNet(nn.Module):
    def __init__(self, in_channels, classes):
        super().__init__()
        self.enc = nn.Sequential(nn.Conv2d(in_channels, 32, 3, padding=1), nn.ReLU())
        self.out = nn.Conv2d(32, classes, 1)

    def forward(self, x):
        return self.out(self.enc(x))


class SegTrainer:
    def __init__(self, model, optimiser, criterion, accelerator="cpu"):
        self._device = accelerator
        self._model = model.to(accelerator)
        self._optimiser = optimiser
        self._criterion = criterion

    def _epoch_train(self, dataloader):
        self._model.train()
        total = 0.0
        batches = 0.0
        for features, labels in dataloader:
            features = features.to(self._device)
            labels = labels.to(self._device)
            if len(labels.shape) == 3:
                labels = labels.unsqueeze(1)
            self._optimiser.zero_grad()
            outputs = self._model(features)
            loss = self._criterion(outputs, labels)
            loss.backward()
            nn.utils.clip_grad_norm_(self._model.parameters(), max_norm=1.0)
            self._optimiser.zero_grad()  # expect: LG017
            self._optimiser.step()
            total += loss.item()
            batches += 1.0
        return total / batches

    def fit(self, train_loader, epochs):
        for epoch in range(epochs):
            print(f"Epoch {epoch + 1}: {self._epoch_train(train_loader):.4f}")


def main(train_loader, weight):
    model = TinyUNet(3, 1)
    optimiser = optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-4)
    criterion = EdgeLoss(pos_weight=torch.tensor([(1 - weight) / weight]), edge_weight=3.0)
    SegTrainer(model, optimiser, criterion).fit(train_loader, 50)
