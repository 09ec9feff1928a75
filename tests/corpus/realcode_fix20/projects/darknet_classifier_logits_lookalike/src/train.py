"""part of look-alike project [LG001, LG011]: the training function builds the CrossEntropyLoss and the trainer and runs the epochs."""

# Source: hoel-bagard/image_classification_pytorch@e97c8f4448 src/train.py (the fix commit; cut, renamed)
import torch.nn as nn

from config.model_config import ModelConfig
from src.utils.trainer import EpochTrainer


def train(model: nn.Module, train_dataloader, val_dataloader):
    loss_fn = nn.CrossEntropyLoss()
    trainer = EpochTrainer(model, loss_fn, train_dataloader, val_dataloader)
    for epoch in range(ModelConfig.MAX_EPOCHS):
        epoch_loss = trainer.train_epoch()
        print(f"Epoch loss: {epoch_loss:.5e}")
        if epoch % 5 == 0:
            print(f"Validation loss: {trainer.val_epoch():.5e}")
