"""part of look-alike project [LG001, LG011]: the trainer scores the model's outputs with the CrossEntropyLoss it is given, in training and in validation."""

# Source: hoel-bagard/image_classification_pytorch@e97c8f4448 src/utils/trainer.py (the fix commit; cut, renamed)
import torch
import torch.nn as nn

from config.model_config import ModelConfig


class EpochTrainer:
    def __init__(self, model: nn.Module, loss_fn, train_dataloader, val_dataloader):
        self.model = model
        self.loss_fn = loss_fn
        self.optimizer = torch.optim.Adam(model.parameters(), lr=ModelConfig.LR, weight_decay=ModelConfig.REG_FACTOR)
        self.train_dataloader = train_dataloader
        self.val_dataloader = val_dataloader
        self.device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
        batch_size = ModelConfig.BATCH_SIZE
        self.train_steps_per_epoch = (len(train_dataloader.dataset) + (batch_size - 1)) // batch_size
        self.val_steps_per_epoch = (len(val_dataloader.dataset) + (batch_size - 1)) // batch_size

    def train_epoch(self):
        epoch_loss = 0.0
        for step, batch in enumerate(self.train_dataloader, start=1):
            inputs, labels = batch["img"].to(self.device).float(), batch["label"].to(self.device).long()
            self.optimizer.zero_grad()
            outputs = self.model(inputs)
            loss = self.loss_fn(outputs, labels)
            loss.backward()
            self.optimizer.step()
            epoch_loss += loss.item()
        return epoch_loss / self.train_steps_per_epoch

    def val_epoch(self):
        epoch_loss = 0.0
        for step, batch in enumerate(self.val_dataloader, start=1):
            inputs, labels = batch["img"].to(self.device).float(), batch["label"].to(self.device).long()
            outputs = self.model(inputs)
            loss = self.loss_fn(outputs, labels)
            epoch_loss += loss.item()
        return epoch_loss / self.val_steps_per_epoch
