"""part of positive project [LG002]: the script builds the small net, hands it to the Lightning module and fits it."""

# Source: pgryko/mnist-chest-xray-classification-pytorchlighning-tensorboard@cf85551bb4 src/training/trainer.py (main,
# re-typed; MLflow logging, callbacks and the test run cut)
import pytorch_lightning as pl
from chestnets import SmallChestNet
from datamodule import ChestData
from lightning_module import XRayModule


def main():
    data_module = ChestData(batch_size=64)
    model = SmallChestNet()
    module = XRayModule(model=model, learning_rate=1e-3)
    trainer = pl.Trainer(max_epochs=50)
    trainer.fit(module, data_module)


if __name__ == "__main__":
    main()
