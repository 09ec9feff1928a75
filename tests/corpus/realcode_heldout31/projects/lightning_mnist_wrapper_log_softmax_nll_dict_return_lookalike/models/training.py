"""part of look-alike project [LG001, LG006, LG007, LG015]: the fire-driven Runner builds the LightningModule around the CNN and fits, tests and validates it with a Lightning Trainer."""
# Source: mbml84/mnist-pytorch at c9a4384b069b0543019381724d98389ced7145ca models/training.py (callbacks and the TorchScript export shortened; `models.datamodule` and `models.config` are cut, their names stay undefined)
from __future__ import annotations

import fire
import torch
from pytorch_lightning import Trainer
from pytorch_lightning.loggers import TensorBoardLogger

from models.cnn import DigitsConvNet
from models.cnn import DistributedDigits
from models.config import CONFIG
from models.datamodule import MNISTDataModule


def _setup(accelerator: str, devices: int, batch_size: int, model: DistributedDigits, max_epochs: int,
           log_every_n_steps: int, checkpoint_path: str | None):
    if checkpoint_path is not None:
        model = model.load_from_checkpoint(checkpoint_path=checkpoint_path, model=model)

    trainer = Trainer(
        accelerator=accelerator,
        devices=devices,
        logger=TensorBoardLogger(save_dir='logs'),
        log_every_n_steps=log_every_n_steps,
        max_epochs=max_epochs,
        gradient_clip_algorithm='norm',
    )

    return trainer, model, MNISTDataModule(batch_size=batch_size)


class Runner:

    @classmethod
    def train(cls, accelerator: str = 'cpu', devices: int = 1, max_epochs: int = 50, log_every_n_steps: int = 50,
              batch_size: int = 32, checkpoint_path: str | None = None):
        trainer, model, datamodule = _setup(
            model=DistributedDigits(model=DigitsConvNet(), batch_size=batch_size),
            batch_size=batch_size,
            accelerator=accelerator,
            devices=devices,
            max_epochs=max_epochs,
            log_every_n_steps=log_every_n_steps,
            checkpoint_path=checkpoint_path,
        )

        trainer.fit(model=model, datamodule=datamodule)
        trainer.test(model=model, datamodule=datamodule)
        trainer.validate(model=model, datamodule=datamodule)


if __name__ == '__main__':
    fire.Fire(Runner.train)
