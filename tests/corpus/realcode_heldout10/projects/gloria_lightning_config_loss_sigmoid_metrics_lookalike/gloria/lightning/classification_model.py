"""part of look-alike project [LG002, LG003, LG016]: the classification LightningModule trains with the configured loss on the model's logits; torch.sigmoid appears only in shared_epoch_end, for the AUROC/AUPRC metrics."""
# Source: marshuang80/gloria@416466af1036294301a872e4da169fefc137a192 gloria/lightning/classification_model.py (read as is; re-typed, the results-file writing left out)
import numpy as np
import torch

from sklearn.metrics import average_precision_score, roc_auc_score
from pytorch_lightning.core import LightningModule

from .. import builder
from .. import gloria


class ClassificationModel(LightningModule):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        if self.cfg.model.vision.model_name in gloria.available_models():
            self.model = gloria.load_img_classification_model(
                self.cfg.model.vision.model_name,
                num_cls=self.cfg.model.vision.num_targets,
                freeze_encoder=self.cfg.model.vision.freeze_cnn,
            )
        else:
            self.model = builder.build_img_model(cfg)
        self.loss = builder.build_loss(cfg)
        self.lr = cfg.lightning.trainer.lr
        self.dm = None

    def configure_optimizers(self):
        optimizer = builder.build_optimizer(self.cfg, self.lr, self.model)
        return {"optimizer": optimizer}

    def training_step(self, batch, batch_idx):
        return self.shared_step(batch, "train")

    def validation_step(self, batch, batch_idx):
        return self.shared_step(batch, "val")

    def training_epoch_end(self, training_step_outputs):
        return self.shared_epoch_end(training_step_outputs, "train")

    def validation_epoch_end(self, validation_step_outputs):
        return self.shared_epoch_end(validation_step_outputs, "val")

    def shared_step(self, batch, split):
        x, y = batch
        logit = self.model(x)
        loss = self.loss(logit, y)
        self.log(f"{split}_loss", loss, on_epoch=True, on_step=split == "train", logger=True, prog_bar=True)
        return {"loss": loss, "logit": logit, "y": y}

    def shared_epoch_end(self, step_outputs, split):
        logit = torch.cat([x["logit"] for x in step_outputs])
        y = torch.cat([x["y"] for x in step_outputs])
        prob = torch.sigmoid(logit)

        y = y.detach().cpu().numpy()
        prob = prob.detach().cpu().numpy()

        auroc_list, auprc_list = [], []
        for i in range(y.shape[1]):
            if np.isnan(prob[:, i]).any():
                auprc_list.append(0)
                auroc_list.append(0)
            else:
                auprc_list.append(average_precision_score(y[:, i], prob[:, i]))
                auroc_list.append(roc_auc_score(y[:, i], prob[:, i]))

        self.log(f"{split}_auroc", np.mean(auroc_list), on_epoch=True, logger=True, prog_bar=True)
        self.log(f"{split}_auprc", np.mean(auprc_list), on_epoch=True, logger=True, prog_bar=True)
