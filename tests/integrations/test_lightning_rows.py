"""The logger rows of the Lightning callback's events, at the batch each event names (round 37).

Lightning-AI/pytorch-lightning at 7f0c343, ``examples/pytorch/basics/backbone_image_classifier.py``: a
``LightningModule`` (784-128-10, a ReLU on the logits, ``F.cross_entropy``, ``self.log("train_loss", ...)``) under
the Trainer's default TensorBoard logger. At Adam 0.1 (x1000) the watcher found LG102 at step 2, LG105 at 10 and
LG103 at 35, and the callback wrote their TensorBoard rows at steps 8, 16 and 40: the step at which each read came
back, away from the jump in the ``train_loss`` curve (whose rows Lightning numbers by batch). Rule: each event is
logged at its own batch's row, that batch's row less the steps its watcher took since. Real Lightning runs on the CPU:
the module re-typed at Adam 0.1 with a TensorBoard logger, rows read back with tensorboard's reader; and a NaN batch
reported at once, whose row was the next batch's (``trainer.global_step`` after the step) and is now its own.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pl = pytest.importorskip("lightning.pytorch", reason="Lightning is not installed: pip install lightning")

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from lightning.pytorch.loggers import TensorBoardLogger  # noqa: E402

from lossguard.integrations.lightning import LossGuardCallback  # noqa: E402


class LitClassifier(pl.LightningModule):
    def __init__(self, learning_rate: float, nan_at: int = -1) -> None:
        super().__init__()
        self.l1, self.l2 = torch.nn.Linear(28 * 28, 128), torch.nn.Linear(128, 10)
        self.learning_rate, self.nan_at = learning_rate, nan_at

    def training_step(self, batch: Any, batch_idx: int) -> torch.Tensor:
        x, y = batch
        if self.global_step == self.nan_at:
            x = x.clone()
            x[0, 0] = float("nan")
        loss = F.cross_entropy(torch.relu(self.l2(torch.relu(self.l1(x.view(x.size(0), -1))))), y)
        self.log("train_loss", loss)
        return loss

    def configure_optimizers(self) -> torch.optim.Optimizer:
        return torch.optim.Adam(self.parameters(), lr=self.learning_rate)


def _digits() -> torch.utils.data.DataLoader:
    g = torch.Generator().manual_seed(0)
    protos = (torch.rand(10, 784, generator=torch.Generator().manual_seed(7)) < 0.2).float()
    y = torch.randint(0, 10, (32 * 60,), generator=g)
    x = (protos[y] + 0.3 * torch.rand(len(y), 784, generator=g)).clamp(0, 1)
    return torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=32)


def _run(tmp_path: Path, lr: float, nan_at: int = -1) -> tuple[list, dict[str, list[int]]]:
    from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

    pl.seed_everything(1234)
    module = LitClassifier(lr, nan_at)
    callback = LossGuardCallback(console=False)
    logger = TensorBoardLogger(str(tmp_path), name="run")
    trainer = pl.Trainer(
        max_epochs=1,
        accelerator="cpu",
        devices=1,
        callbacks=[callback],
        logger=logger,
        enable_progress_bar=False,
        enable_model_summary=False,
        enable_checkpointing=False,
    )
    trainer.fit(module, _digits())
    run = EventAccumulator(logger.log_dir, size_guidance={"scalars": 0})
    run.Reload()
    rows = {tag: [e.step for e in run.Scalars(tag)] for tag in run.Tags()["scalars"] if tag.startswith("lossguard/alerts/")}
    return callback.events, rows


def test_events_read_late_are_logged_at_their_own_batch(tmp_path: Path) -> None:
    events, rows = _run(tmp_path, 0.1)
    found = [(e.code, e.step) for e in events]
    assert found[:2] == [("LG102", 1), ("LG105", 10)], [str(e) for e in events]
    # on main at d9bcb710: LG102's row at step 8, LG105's at 16 (the batches at which the reads came back)
    for event in events:
        assert rows[f"lossguard/alerts/{event.code}-{event.name}"] == [event.step], (found, rows)


def test_an_event_reported_at_once_is_logged_at_its_batch_not_the_next(tmp_path: Path) -> None:
    events, rows = _run(tmp_path, 1e-3, nan_at=15)
    # on main at d9bcb710: 16 (trainer.global_step after the step), while Lightning's train_loss row of that batch is 15
    assert [(e.code, e.step) for e in events][:1] == [("LG101", 15)], [str(e) for e in events]
    assert rows["lossguard/alerts/LG101-nan-loss"] == [15]
