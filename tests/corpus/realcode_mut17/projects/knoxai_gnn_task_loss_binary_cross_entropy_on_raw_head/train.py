"""part of positive project [LG002]: the training entry point builds the registered model for the configured task and fits it."""

# Source: CIDARLAB/knoxAI@2b712fd158 app/models/GNN/train.py (train_model, run_training, get_out_channels, re-typed; checkpoints and saving cut)
from lightning import pytorch as pl

from registry import get_model_registry


def get_out_channels(task):
    if task in ("binary_classification", "regression", "ranking"):
        return 1


def train_model(dataset, train_loader, val_loader, config):
    model_class = get_model_registry().get(config.get("model_name"))
    model = model_class(
        task=config.get("task"),
        in_channels=len(dataset[0].x[0]),
        hidden_channels=config.get("hidden_channels"),
        out_channels=get_out_channels(config.get("task")),
        dropout=config.get("dropout"),
        num_layers=config.get("num_layers"),
    )
    trainer = pl.Trainer(max_epochs=config.get("epochs"), min_epochs=50)
    trainer.fit(model, train_loader, val_loader)
    return model
