"""look-alike [LG015]: the classification trainer back-propagates the factory's mean loss through the AMP scaler."""

# Source: zh320/image-classification-pytorch@defb6b3112 core/cls_trainer.py (ClsTrainer.train_one_epoch, re-typed;
# mixup, distillation, logging and the progress bar cut)
import torch
from torch.cuda import amp

from .base_trainer import TrainerBase


class ClassifierTrainer(TrainerBase):
    def train_one_epoch(self, config):
        self.model.train()
        for images, labels in self.train_loader:
            images = images.to(self.device, dtype=torch.float32)
            labels = labels.to(self.device, dtype=torch.long)
            self.optimizer.zero_grad()
            with amp.autocast(enabled=config.amp_training):
                preds = self.model(images)
                loss = self.loss_fn(preds, labels)
            self.scaler.scale(loss).backward()
            self.scaler.step(self.optimizer)
            self.scaler.update()
            self.scheduler.step()
