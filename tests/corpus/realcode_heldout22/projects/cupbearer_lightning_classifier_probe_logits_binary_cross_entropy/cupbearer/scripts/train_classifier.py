"""part of positive project [LG002]: train_classifier wraps the given model in the Classifier with the requested task and fits it with a Lightning Trainer."""
# Source: ejnnr/cupbearer at 0b2d2bdd (the parent of 3389efb6, "Use BCE with logits (same as multiclass)", PR #35), src/cupbearer/scripts/train_classifier.py;
# re-typed, identifiers renamed; the checkpoint callback, the logger set-up and the returned metrics cut.
from pathlib import Path

import lightning as L
from torch.utils.data import DataLoader

from cupbearer.models import HookedModel
from cupbearer.scripts._shared import ClassificationTask, Classifier


def main(
    model: HookedModel,
    train_loader: DataLoader,
    path: Path | str,
    lr: float = 1e-3,
    num_classes: int | None = None,
    num_labels: int | None = None,
    task: ClassificationTask = "multiclass",
    val_loaders: DataLoader | dict[str, DataLoader] | None = None,
    **trainer_kwargs,
):
    path = Path(path)
    if val_loaders is None:
        val_loaders = {}
    elif isinstance(val_loaders, DataLoader):
        val_loaders = {"val": val_loaders}

    classifier = Classifier(
        model=model,
        num_classes=num_classes,
        num_labels=num_labels,
        lr=lr,
        val_loader_names=list(val_loaders.keys()),
        task=task,
    )

    trainer = L.Trainer(default_root_dir=path, **trainer_kwargs)
    trainer.fit(model=classifier, train_dataloaders=train_loader, val_dataloaders=list(val_loaders.values()) or None)
    return trainer
