"""part of positive project [LG001]: the entry point builds the classifier from a table of experiments, a `CrossEntropyLoss`, and runs the epochs (wrapping the model in `DataParallel` on GPUs)."""

# Source: kennyleung-su/cs231n-sl-classification@f94cab0fc3 main.py (cut, renamed)
import logging
import random

import torch
import torch.optim as optim
from configs.config import MODEL_CONFIG
from models.basic import FrameLSTMClassifier
from trainer import train_utils
from utils import data_loader

EXPERIMENTS = {
    "basic": FrameLSTMClassifier,
    "basic_dev": FrameLSTMClassifier,
}


def main():
    train_dataloader, valid_dataloader = data_loader.gesture_loaders(MODEL_CONFIG)
    model = EXPERIMENTS[MODEL_CONFIG.experiment](model_config=MODEL_CONFIG)
    loss_fn = torch.nn.CrossEntropyLoss()
    random.seed(MODEL_CONFIG.seed)
    parallel_model = model
    if MODEL_CONFIG.use_cuda and torch.cuda.is_available():
        parallel_model = torch.nn.DataParallel(model)
        model.cuda()
        loss_fn.cuda()
    for epoch in range(MODEL_CONFIG.epochs):
        train_utils.train_epoch(
            model=parallel_model,
            dataloader=train_dataloader,
            loss_fn=loss_fn,
            optimizer=optim.Adam(parallel_model.parameters(), lr=MODEL_CONFIG.learning_rate),
            epoch=epoch,
            use_cuda=MODEL_CONFIG.use_cuda,
        )
        if epoch % 10 == 0:
            val_acc = train_utils.validate(model=parallel_model, dataloader=valid_dataloader, use_cuda=MODEL_CONFIG.use_cuda)
            logging.info("Epoch {}: validation accuracy {:.2f}%".format(epoch, val_acc))


if __name__ == "__main__":
    main()
