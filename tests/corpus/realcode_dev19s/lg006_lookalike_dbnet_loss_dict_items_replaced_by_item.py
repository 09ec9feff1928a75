"""look-alike [LG006]: the loop back-propagates loss_dict["loss"], then replaces every item of the dict by its .item() before it sums loss_dict["loss"]."""

# Source: WenmuZhou/DBNet.pytorch@e03acf0 trainer/trainer.py (re-typed, renamed, cut to the loss bookkeeping)
import torch
import torch.nn as nn


class ShrinkThresholdLoss(nn.Module):
    def __init__(self, alpha=1.0, beta=10.0):
        super().__init__()
        self.alpha, self.beta = alpha, beta

    def forward(self, maps, batch):
        shrink = nn.functional.binary_cross_entropy(maps[:, 0], batch["shrink_map"])
        thresh = (maps[:, 1] - batch["threshold_map"]).abs().mean()
        return dict(loss=self.alpha * shrink + self.beta * thresh, loss_shrink=shrink, loss_thresh=thresh)


class TextDetTrainer:
    def __init__(self, model, loader, lr=1e-3):
        self.model = model
        self.loader = loader
        self.criterion = ShrinkThresholdLoss()
        self.optimizer = torch.optim.Adam(model.parameters(), lr=lr)

    def train_epoch(self):
        self.model.train()
        epoch_loss = 0.0
        for step, batch in enumerate(self.loader):
            preds = self.model(batch["img"])
            parts = self.criterion(preds, batch)
            self.optimizer.zero_grad()
            parts["loss"].backward()
            self.optimizer.step()

            line = f"loss: {parts['loss'].item():.4f}, "
            for idx, (name, value) in enumerate(parts.items()):
                parts[name] = value.item()
                if name == "loss":
                    continue
                line += f"{name}: {parts[name]:.4f}"
                if idx < len(parts) - 1:
                    line += ", "

            epoch_loss += parts["loss"]
            if step % 20 == 0:
                print(step, line)
        return epoch_loss / len(self.loader)
