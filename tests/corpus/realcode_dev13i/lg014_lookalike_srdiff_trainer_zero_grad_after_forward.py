"""look-alike [LG006, LG014]: the thread asks whether zero_grad must precede the forward pass; clearing after the forward and before backward() is correct, and the logged losses are turned into floats."""
# Source: https://github.com/LeiaLi/SRDiff/issues/15 (the thread asks about tasks/trainer.py lines 76-77); LeiaLi/SRDiff@5628508 tasks/trainer.py (cut, renamed)
import torch


def tensors_to_scalars(metrics):
    out = {}
    for k, v in metrics.items():
        if isinstance(v, torch.Tensor):
            v = v.item()
        out[k] = v
    return out


class Trainer:
    def __init__(self, hparams, logger):
        self.hparams = hparams
        self.logger = logger
        self.global_step = 0

    def build_model(self):
        raise NotImplementedError

    def build_optimizer(self, model):
        raise NotImplementedError

    def training_step(self, batch):
        raise NotImplementedError

    def log_metrics(self, metrics, step):
        for k, v in tensors_to_scalars(metrics).items():
            self.logger.add_scalar(k, v, step)

    def train(self, dataloader):
        model = self.build_model()
        optimizer = self.build_optimizer(model)
        step = 0
        history = []
        while self.global_step < self.hparams["max_updates"]:
            for batch in dataloader:
                model.train()
                losses, total_loss = self.training_step(batch)
                optimizer.zero_grad()

                total_loss.backward()
                optimizer.step()
                step += 1
                self.global_step = step
                if step % 100 == 0:
                    self.log_metrics({f"tr/{k}": v for k, v in losses.items()}, step)
                history.append(tensors_to_scalars(losses))
        return history
