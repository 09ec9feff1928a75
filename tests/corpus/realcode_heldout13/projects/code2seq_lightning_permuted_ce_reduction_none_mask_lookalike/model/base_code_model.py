"""part of look-alike project [LG001, LG005, LG006, LG015]: the Lightning base model builds its optimizer from the hyper-parameters and hands the step outputs to the subclass at epoch end."""
# Source: JetBrains-Research/code2seq@971260b5201ca1dee27a1ddce36d844496705a56 model/base_code_model.py (read at the commit "Use builtin cross entropy loss for criterion", pull request #74; re-typed, identifiers renamed, the dataloaders and device transfer left out)
from abc import abstractmethod
from typing import Dict, List

from pytorch_lightning.core.lightning import LightningModule
from torch.optim import Adam, SGD
from torch.optim.lr_scheduler import LambdaLR


class BaseCodeModel(LightningModule):
    def __init__(self, hyperparams, vocab, num_workers=0):
        super().__init__()
        self.hyperparams = hyperparams
        self.vocab = vocab
        self.num_workers = num_workers

    @abstractmethod
    def _general_epoch_end(self, outputs: List[Dict], loss_key: str, group: str) -> Dict:
        pass

    def configure_optimizers(self):
        if self.hyperparams.optimizer == "Momentum":
            opt = SGD(self.parameters(), self.hyperparams.learning_rate, momentum=0.95,
                      nesterov=self.hyperparams.nesterov, weight_decay=self.hyperparams.weight_decay)
        elif self.hyperparams.optimizer == "Adam":
            opt = Adam(self.parameters(), self.hyperparams.learning_rate, weight_decay=self.hyperparams.weight_decay)
        else:
            raise ValueError(f"Unknown optimizer name: {self.hyperparams.optimizer}")
        sched = LambdaLR(opt, lr_lambda=lambda epoch: self.hyperparams.decay_gamma ** epoch)
        return [opt], [sched]

    def training_epoch_end(self, outputs: List[Dict]) -> Dict:
        return self._general_epoch_end(outputs, "loss", "train")

    def validation_epoch_end(self, outputs: List[Dict]) -> Dict:
        return self._general_epoch_end(outputs, "val_loss", "val")
