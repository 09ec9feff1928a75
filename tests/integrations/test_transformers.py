"""LossGuardTrainerCallback in real (short, CPU) transformers.Trainer runs, with a tiny local model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

transformers = pytest.importorskip("transformers", reason="transformers is not installed: pip install transformers")
pytest.importorskip("accelerate", reason="transformers.Trainer needs accelerate: pip install accelerate")

import torch
import torch.nn.functional as F
from transformers import (
    PretrainedConfig,
    PreTrainedModel,
    Trainer,
    TrainerCallback,
    TrainingArguments,
)
from transformers.modeling_outputs import SequenceClassifierOutput

from lossguard import LossGuardError
from lossguard.integrations.transformers import STATE_FILE, LossGuardTrainerCallback
from tests.integrations.data import BATCH, BATCHES, corrupt, dataset, mlp


class TinyConfig(PretrainedConfig):
    model_type = "lossguard-tiny-mlp"


class TinyClassifier(PreTrainedModel):
    """A PreTrainedModel built locally (no hub): an MLP returning ``SequenceClassifierOutput``."""

    config_class = TinyConfig

    def __init__(self, config: TinyConfig) -> None:
        super().__init__(config)
        self.net = mlp()
        self.fault: str | None = None

    def _init_weights(self, module: Any) -> None:
        pass  # keep mlp()'s seeded initialisation

    def forward(self, x: torch.Tensor, labels: torch.Tensor | None = None) -> SequenceClassifierOutput:
        if self.training and self.fault is not None:
            x = corrupt(x, self.fault)
        logits = self.net(x)
        loss = None if labels is None else F.cross_entropy(logits, labels)
        return SequenceClassifierOutput(loss=loss, logits=logits)


class Samples(torch.utils.data.Dataset):
    def __init__(self) -> None:
        self.x, self.y = dataset()

    def __len__(self) -> int:
        return len(self.x)

    def __getitem__(self, i: int) -> dict[str, torch.Tensor]:
        return {"x": self.x[i], "labels": self.y[i]}


class BadBatchAt(TrainerCallback):
    """Makes the batches of the given optimizer steps bad, as a broken data shard would."""

    def __init__(self, faults: dict[int, str]) -> None:
        self.faults = faults

    def on_step_begin(self, args: Any, state: Any, control: Any, model: Any = None, **kwargs: Any) -> None:
        model.fault = self.faults.get(state.global_step)


def train(
    tmp_path: Path,
    callback: LossGuardTrainerCallback,
    faults: dict[int, str] | None = None,
    max_steps: int = 4 * BATCHES,
    resume: bool = False,
    **args: Any,
) -> Trainer:
    torch.manual_seed(0)
    arguments = TrainingArguments(
        output_dir=str(tmp_path / "out"),
        per_device_train_batch_size=args.pop("per_device_train_batch_size", BATCH),
        max_steps=max_steps,
        learning_rate=0.05,
        optim="sgd",
        lr_scheduler_type="constant",
        logging_steps=5,
        save_strategy=args.pop("save_strategy", "no"),
        report_to=[],
        use_cpu=True,
        disable_tqdm=True,
        seed=0,
        **args,
    )
    trainer = Trainer(
        model=TinyClassifier(TinyConfig()),
        args=arguments,
        train_dataset=Samples(),
        callbacks=[BadBatchAt(faults or {}), callback],
    )
    trainer.train(resume_from_checkpoint=True if resume else None)
    return trainer


def alerts(trainer: Trainer) -> list[tuple[int, float]]:
    return [(h["step"], h["lossguard/alert"]) for h in trainer.state.log_history if "lossguard/alert" in h]


def test_healthy_run_reports_nothing(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    callback = LossGuardTrainerCallback()
    trainer = train(tmp_path, callback)
    assert trainer.state.global_step == 4 * BATCHES
    assert callback.events == [] and alerts(trainer) == []
    assert "lossguard" not in capsys.readouterr().err
    assert callback.guard is not None and callback.guard.watcher.step == 4 * BATCHES
    assert not trainer.model._forward_hooks  # removed at on_train_end


def test_nan_batch_is_reported_in_log_history_and_printed_once(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    callback = LossGuardTrainerCallback()
    trainer = train(tmp_path, callback, faults={15: "nan"})
    assert trainer.state.global_step == 4 * BATCHES  # "warn" does not stop
    assert [(e.code, e.step) for e in callback.events] == [("LG101", 15)]
    assert alerts(trainer) == [(16, 3.0)]
    err = capsys.readouterr().err
    assert err.count("LG101 nan-loss") == 1 and "fix:" in err


def test_stop_policy_sets_should_training_stop(tmp_path: Path) -> None:
    callback = LossGuardTrainerCallback(on_event="stop", console=False)
    trainer = train(tmp_path, callback, faults={15: "nan"})
    assert trainer.state.global_step == 16
    assert [e.code for e in callback.events] == ["LG101"]


def test_raise_policy_raises_out_of_train(tmp_path: Path) -> None:
    callback = LossGuardTrainerCallback(on_event="raise", console=False)
    with pytest.raises(LossGuardError, match="LG101 nan-loss.*step 15"):
        train(tmp_path, callback, faults={15: "nan"})
    assert callback.guard is not None and callback.guard.watcher.step == 16


def test_gradient_accumulation_is_one_step_per_optimizer_step(tmp_path: Path) -> None:
    callback = LossGuardTrainerCallback(console=False)
    trainer = train(tmp_path, callback, max_steps=BATCHES, gradient_accumulation_steps=2, per_device_train_batch_size=BATCH // 2)
    assert callback.guard is not None and callback.guard.watcher.step == trainer.state.global_step == BATCHES
    assert callback.events == []


def test_resumed_run_reports_what_an_uninterrupted_run_reports(tmp_path: Path) -> None:
    faults = {30: "scale"}
    whole = LossGuardTrainerCallback(console=False)
    train(tmp_path / "whole", whole, faults=faults)
    assert {e.code for e in whole.events} & {"LG102", "LG106"}, "the fault must be caught for this test to mean anything"

    first = LossGuardTrainerCallback(console=False)
    train(tmp_path / "split", first, faults=faults, max_steps=2 * BATCHES, save_strategy="steps", save_steps=2 * BATCHES)
    assert (tmp_path / "split" / "out" / f"checkpoint-{2 * BATCHES}" / STATE_FILE).is_file()

    resumed = LossGuardTrainerCallback(console=False)
    trainer = train(tmp_path / "split", resumed, faults=faults, resume=True)
    key = [(e.code, e.step, e.message) for e in whole.events]
    assert [(e.code, e.step, e.message) for e in resumed.events] == key
    assert resumed.guard is not None and resumed.guard.watcher.step == trainer.state.global_step == 4 * BATCHES


class NoSignalSamples(torch.utils.data.Dataset):
    """Inputs that say nothing about their labels, and labels of skewed frequencies (70/15/10/5%:
    entropy 0.91 against ln 4 = 1.39), drawn afresh at each access so that nothing can be memorised."""

    def __init__(self) -> None:
        self.x = dataset()[0]
        self.g = torch.Generator().manual_seed(1)
        self.prior = torch.tensor([0.70, 0.15, 0.10, 0.05])

    def __len__(self) -> int:
        return len(self.x)

    def __getitem__(self, i: int) -> dict[str, torch.Tensor]:
        return {"x": self.x[i], "labels": torch.multinomial(self.prior, 1, generator=self.g)[0]}


def test_the_model_labels_give_the_watcher_the_class_frequencies(tmp_path: Path) -> None:
    """The callback hands the model's logits and integer labels to the watcher, which counts the
    classes as for a watched CrossEntropyLoss: the class-frequency entropy that LG103 measures a
    no-signal plateau from (tests/runtime/test_loops.py shows the plateau found through observe)."""
    callback = LossGuardTrainerCallback(console=False)
    torch.manual_seed(0)
    arguments = TrainingArguments(
        output_dir=str(tmp_path / "out"),
        per_device_train_batch_size=BATCH,
        max_steps=40,
        learning_rate=0.05,
        optim="sgd",
        lr_scheduler_type="constant",
        report_to=[],
        use_cpu=True,
        disable_tqdm=True,
        seed=0,
        save_strategy="no",
    )
    Trainer(model=TinyClassifier(TinyConfig()), args=arguments, train_dataset=NoSignalSamples(), callbacks=[callback]).train()
    assert callback.guard is not None
    watcher = callback.guard.watcher
    assert watcher.kind == "ce" and watcher.checks.entropy is not None
    assert abs(watcher.checks.entropy - 0.914) < 0.1  # H(0.70, 0.15, 0.10, 0.05)
