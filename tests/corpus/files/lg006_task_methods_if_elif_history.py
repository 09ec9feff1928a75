"""positive [LG006]: a multi-task trainer picks `cls_step` or `reg_step` in an if/elif chain; both return `(loss, logs)`, the join keeps a loss with its graph, and `history.append(loss)` keeps every step's graph."""
import torch.nn.functional as F


class MultiTaskTrainer:
    def __init__(self, model, optimizer):
        self.model = model
        self.optimizer = optimizer

    def cls_step(self, batch):
        logits = self.model(batch["x"])
        return F.cross_entropy(logits, batch["y"]), {"acc": (logits.argmax(1) == batch["y"]).float().mean().item()}

    def reg_step(self, batch):
        pred = self.model(batch["x"]).squeeze(-1)
        return F.smooth_l1_loss(pred, batch["t"]), {"mae": (pred - batch["t"]).abs().mean().item()}

    def fit(self, loader, task, epochs=1):
        history = []
        for epoch in range(epochs):
            for batch in loader:
                self.optimizer.zero_grad()
                if task == "cls":
                    loss, logs = self.cls_step(batch)
                elif task == "reg":
                    loss, logs = self.reg_step(batch)
                else:
                    raise ValueError(f"unknown task {task}")
                loss.backward()
                self.optimizer.step()
                history.append(loss)  # expect: LG006
        return history
