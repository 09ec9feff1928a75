"""part of positive project [LG007]: the base LightningModule averages the step outputs at epoch end and builds the optimizer from the training config."""
# Source: sieu-n/awesome-modular-pytorch-lightning@be5f346011ee19354f604eb008bcfa02f9cc3ebf lightning/common.py (the parent of 5d36cad "b: fix nn.NLLLoss -> nn.CrossEntropyLoss", whose message says NLLLoss needs LogSoftmax, not Softmax; read as is; re-typed, the scheduler table shortened)
import pytorch_lightning as pl
from torch import optim
from torch.optim import lr_scheduler


class _BaseLightningTrainer(pl.LightningModule):
    def __init__(self, training_cfg, model, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.training_cfg = training_cfg
        self.model = model

    def training_epoch_end(self, outputs):
        total = sum([x["loss"] for x in outputs])
        total = total / len(outputs)
        self.log("epoch/trn_loss", float(total.cpu()))

    def validation_epoch_end(self, outputs):
        total_loss, total_perf = map(sum, zip(*outputs))
        self.log("epoch/val_performance", total_perf / len(outputs))
        self.log("epoch/val_loss", total_loss / len(outputs))

    def training_step(self, batch, batch_idx):
        raise NotImplementedError()

    def evaluate(self, batch, stage=None):
        raise NotImplementedError()

    def validation_step(self, batch, batch_idx):
        return self.evaluate(batch, "val")

    def test_step(self, batch, batch_idx):
        return self.evaluate(batch, "test")

    def configure_optimizers(self):
        name = self.training_cfg["optimizer"]
        kwargs = self.training_cfg["optimizer_cfg"]
        if name == "sgd":
            builder = optim.SGD
        elif name == "adam":
            builder = optim.Adam
        else:
            raise ValueError(f"Invalid value for optimizer: {name}")
        opt = builder(self.parameters(), lr=self.training_cfg["lr"], **kwargs)
        config = {"optimizer": opt}
        if "lr_scheduler" in self.training_cfg and self.training_cfg["lr_scheduler"] == "cosine":
            config["lr_scheduler"] = lr_scheduler.CosineAnnealingLR(opt, T_max=self.training_cfg["epochs"])
        return config
