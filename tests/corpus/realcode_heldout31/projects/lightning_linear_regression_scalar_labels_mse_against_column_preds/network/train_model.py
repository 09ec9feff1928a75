"""part of positive project [LG005]: run() loads the CSV, builds the data module and the LightningModule and fits them with a Lightning Trainer."""
# Source: xmindfulx/pytorch-lightning-tutorial at f3bb3998a42d539e9e15215a802b676ea3f42388 linear_regression/standard/network/train_model.py (the custom logger branch and the GPU/DDP trainer shortened to the CPU trainer; `from prepare_data import load_data` resolves through main/ on sys.path, as in the source)
from pytorch_lightning import loggers as pl_loggers
from pytorch_lightning import Trainer, seed_everything

from data_module import PointsDataModule
from prepare_data import load_data
from models import LineFit


def run(params):
    seed_everything(params["seed"], workers=True)

    dataset = load_data(params["path_dataset"])
    params["train"] = dataset

    datamodule = PointsDataModule(params)
    model = LineFit(params)

    logger = pl_loggers.TensorBoardLogger(params["path_results"], name="", version=0)
    trainer = Trainer(logger=logger,
                      deterministic=True,
                      max_epochs=params["num_epochs"],
                      num_sanity_val_steps=0,
                      default_root_dir=params["path_results"],
                      check_val_every_n_epoch=params["valid_rate"])

    trainer.fit(model, datamodule)
