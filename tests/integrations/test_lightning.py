"""LossGuardCallback in real (short, CPU) Lightning runs: healthy, faulty, policies, resume."""

from __future__ import annotations

import csv
import math
from pathlib import Path
from typing import Any

import pytest

pl = pytest.importorskip("lightning.pytorch", reason="Lightning is not installed: pip install lightning")

import torch
import torch.nn.functional as F
from lightning.pytorch.loggers import CSVLogger

from lossguard import LossGuardError
from lossguard.errors import UsageError
from lossguard.integrations.lightning import LossGuardCallback
from tests.integrations.data import BATCH, BATCHES, corrupt, dataset, mlp


class Classifier(pl.LightningModule):
    """A LightningModule as users write it; ``faults`` maps global steps to a bad batch."""

    def __init__(self, lr: float = 0.05, faults: dict[int, str] | None = None) -> None:
        super().__init__()
        self.net = mlp()
        self.lr = lr
        self.faults = faults or {}
        self.step_losses: list[float] = []

    def training_step(self, batch: Any, batch_idx: int) -> torch.Tensor:
        x, y = batch
        if self.global_step in self.faults:
            x = corrupt(x, self.faults[self.global_step])
        loss = F.cross_entropy(self.net(x), y)
        self.log("train_loss", loss)
        self.step_losses.append(loss.item())
        return loss

    def configure_optimizers(self) -> torch.optim.Optimizer:
        return torch.optim.SGD(self.parameters(), lr=self.lr, momentum=0.9)


def loader() -> torch.utils.data.DataLoader:
    x, y = dataset()
    return torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=BATCH)


def fit(
    callback: Any,
    module: Classifier | None = None,
    epochs: int = 4,
    ckpt_path: str | None = None,
    logger: Any = False,
    **trainer_args: Any,
) -> tuple[pl.Trainer, Classifier]:
    module = module or Classifier()
    trainer = pl.Trainer(
        max_epochs=epochs,
        accelerator="cpu",
        devices=1,
        callbacks=[callback],
        logger=logger,
        enable_progress_bar=False,
        enable_model_summary=False,
        enable_checkpointing=False,
        **trainer_args,
    )
    trainer.fit(module, loader(), ckpt_path=ckpt_path)
    return trainer, module


def scalars(log_dir: Path, tag: str) -> list[tuple[int, float]]:
    from tests.tb_support import read_run

    return [(e.step, e.value) for e in read_run(log_dir).Scalars(tag)]


def test_healthy_run_reports_nothing_and_reads_every_step(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    callback = LossGuardCallback(log_dir=str(tmp_path / "tb"))
    trainer, module = fit(callback)
    assert trainer.global_step == 4 * BATCHES
    assert callback.events == []
    assert "lossguard" not in capsys.readouterr().err
    # Lightning runs backward inside optimizer.step(closure): the gradients must still be read.
    grads = scalars(tmp_path / "tb", "lossguard/grad_norm/total")
    # the watcher measures every step for the first 16 steps, then every 8th (docs/runtime.md)
    expected = [s for s in range(trainer.global_step) if s < 16 or s % 8 == 0]
    assert [s for s, _ in grads] == expected
    assert all(math.isfinite(v) and v > 0 for _, v in grads)
    losses = scalars(tmp_path / "tb", "lossguard/loss")
    assert [v for _, v in losses] == pytest.approx(module.step_losses, rel=1e-6)


def test_accumulated_steps_are_one_step_with_the_undivided_loss(tmp_path: Path) -> None:
    callback = LossGuardCallback(log_dir=str(tmp_path / "tb"))
    trainer, module = fit(callback, epochs=2, accumulate_grad_batches=2)
    assert trainer.global_step == BATCHES
    assert callback.events == []
    losses = [v for _, v in scalars(tmp_path / "tb", "lossguard/loss")]
    pairs = [(a + b) / 2 for a, b in zip(module.step_losses[::2], module.step_losses[1::2])]
    assert losses == pytest.approx(pairs, rel=1e-5)
    assert len(scalars(tmp_path / "tb", "lossguard/grad_norm/total")) == BATCHES


def test_nan_batch_is_reported_printed_once_and_logged(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    callback = LossGuardCallback()
    logger = CSVLogger(str(tmp_path), name="run")
    trainer, _ = fit(callback, Classifier(faults={15: "nan"}), logger=logger)
    assert trainer.global_step == 4 * BATCHES  # "warn" does not stop
    assert [(e.code, e.step) for e in callback.events] == [("LG101", 15)]
    err = capsys.readouterr().err
    assert err.count("LG101 nan-loss") == 1 and "fix:" in err
    with open(Path(logger.log_dir) / "metrics.csv", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r.get("lossguard/alerts/LG101-nan-loss")]
    # the batch's own row (Lightning's rows number batch 15 as 15; the event was logged at 16 before round 37)
    assert [(int(r["step"]), float(r["lossguard/alert"])) for r in rows] == [(15, 3.0)]


@pytest.mark.parametrize("policy", ["raise", "stop"])
def test_policy_stops_training_after_the_faulty_step(policy: str) -> None:
    callback = LossGuardCallback(on_event=policy, console=False)
    module = Classifier(faults={15: "nan"})
    if policy == "raise":
        with pytest.raises(LossGuardError, match="LG101 nan-loss.*step 15"):
            fit(callback, module)
        trainer = module.trainer
    else:
        trainer, _ = fit(callback, module)
    assert trainer.global_step == 16
    assert [e.code for e in callback.events] == ["LG101"]


def test_callable_policy_gets_every_event() -> None:
    seen: list[Any] = []
    callback = LossGuardCallback(on_event=seen.append, console=False)
    fit(callback, Classifier(faults={15: "nan"}), epochs=2)
    assert seen == callback.events and [e.code for e in seen] == ["LG101"]


def test_resumed_run_reports_what_an_uninterrupted_run_reports(tmp_path: Path) -> None:
    faults = {30: "scale"}
    whole = LossGuardCallback(console=False)
    fit(whole, Classifier(faults=faults))
    assert {e.code for e in whole.events} & {"LG102", "LG106"}, "the fault must be caught for this test to mean anything"

    first = LossGuardCallback(console=False)
    trainer, _ = fit(first, Classifier(faults=faults), epochs=2)
    path = str(tmp_path / "half.ckpt")
    trainer.save_checkpoint(path)
    saved = torch.load(path, weights_only=False)["callbacks"]
    assert saved["LossGuardCallback"]["watcher"]["step"] == 2 * BATCHES

    resumed = LossGuardCallback(console=False)
    trainer, _ = fit(resumed, Classifier(faults=faults), epochs=4, ckpt_path=path)
    key = [(e.code, e.step, e.message) for e in whole.events]
    assert [(e.code, e.step, e.message) for e in resumed.events] == key
    assert resumed.guard is not None and resumed.guard.watcher.step == trainer.global_step == 4 * BATCHES


def test_bad_policy_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="Argument on_event should be"):
        LossGuardCallback(on_event="panic")
    with pytest.raises(UsageError, match="Argument optimizer is not a watcher option"):
        LossGuardCallback(optimizer=None)


def test_old_package_name() -> None:
    old = pytest.importorskip("pytorch_lightning", reason="pytorch_lightning is not installed")
    from lossguard.integrations.pytorch_lightning import (
        LossGuardCallback as OldCallback,
    )

    class OldClassifier(old.LightningModule):
        def __init__(self) -> None:
            super().__init__()
            self.net = mlp()

        def training_step(self, batch: Any, batch_idx: int) -> torch.Tensor:
            x, y = batch
            if self.global_step == 5:
                x = corrupt(x, "nan")
            return F.cross_entropy(self.net(x), y)

        def configure_optimizers(self) -> torch.optim.Optimizer:
            return torch.optim.SGD(self.parameters(), lr=0.05)

    callback = OldCallback(console=False)
    assert isinstance(callback, old.Callback)
    trainer = old.Trainer(
        max_epochs=1,
        accelerator="cpu",
        devices=1,
        callbacks=[callback],
        logger=False,
        enable_progress_bar=False,
        enable_model_summary=False,
        enable_checkpointing=False,
    )
    trainer.fit(OldClassifier(), loader())
    assert [(e.code, e.step) for e in callback.events] == [("LG101", 5)]


class OneLinear(pl.LightningModule):
    """Ludobico/Pytorch_KOGPT2.5@1487e03 Pytorch_lightning/01_tutorial.py (Lightning's early README example):
    one Linear(784, 10), F.cross_entropy, Adam 0.02; trained on batches of one example."""

    def __init__(self, lr: float = 0.02) -> None:
        super().__init__()
        self.l1 = torch.nn.Linear(28 * 28, 10)
        self.lr = lr

    def training_step(self, batch: Any, batch_idx: int) -> torch.Tensor:
        x, y = batch
        return F.cross_entropy(self.l1(x.view(x.size(0), -1)), y)

    def configure_optimizers(self) -> torch.optim.Optimizer:
        return torch.optim.Adam(self.parameters(), lr=self.lr)


def one_example_fit(seed: int, lr: float, n: int = 120) -> LossGuardCallback:
    g = torch.Generator().manual_seed(seed)
    protos = (torch.rand(10, 784, generator=torch.Generator().manual_seed(7)) < 0.2).float()
    y = torch.randint(0, 10, (n,), generator=g)
    x = (protos[y] + 0.3 * torch.rand(n, 784, generator=g)).clamp(0, 1)
    torch.manual_seed(seed)
    callback = LossGuardCallback()
    trainer = pl.Trainer(
        max_epochs=1, accelerator="cpu", devices=1, callbacks=[callback], logger=False,
        enable_progress_bar=False, enable_model_summary=False, enable_checkpointing=False,
    )  # fmt: skip
    trainer.fit(OneLinear(lr), torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=1))
    return callback


@pytest.mark.parametrize("seed", [1, 3])
def test_a_batch_of_one_example_is_told_to_the_watcher_and_its_settling_is_no_spike(seed: int) -> None:
    # the script's healthy run had LG102 at step 3: each loss one example's, several times the first for a few
    # steps after Adam's first updates; the plugin hands the watcher the loss alone, and now the batch's size
    callback = one_example_fit(seed, 0.02)
    assert [e for e in callback.events if e.code == "LG102"] == []


def test_a_batch_of_one_example_at_a_rate_100x_too_high_is_reported() -> None:
    callback = one_example_fit(1, 2.0, n=30)
    ev = next(e for e in callback.events if e.code == "LG102")
    assert ev.step <= 8


def test_the_examples_of_a_batch_are_its_labels() -> None:
    from lossguard.integrations._lightning_callback import batch_examples

    assert batch_examples((torch.zeros(1, 784), torch.tensor([3]))) == 1
    assert batch_examples([torch.zeros(4, 8), torch.zeros(4, 8), torch.zeros(4, dtype=torch.long)]) == 4
    assert batch_examples({"input_ids": torch.zeros(2, 16), "labels": torch.zeros(2, 16)}) == 32
    assert batch_examples({"input_ids": torch.zeros(2, 16)}) is None
    assert batch_examples(torch.zeros(8, 3)) is None


class TwoOptimizerGAN(pl.LightningModule):
    """Lightning-AI/pytorch-lightning@7f0c343 examples/pytorch/domain_templates/generative_adversarial_net.py's shape
    (round 19): a generator and a discriminator (MLPs, narrower here), manual optimization with two Adam optimizers, each
    training_step stepping the generator then the discriminator and returning nothing."""

    def __init__(self, lr: float = 2e-4, latent: int = 16) -> None:
        super().__init__()
        self.automatic_optimization = False
        self.lr, self.latent = lr, latent
        self.generator = torch.nn.Sequential(
            torch.nn.Linear(latent, 64),
            torch.nn.LeakyReLU(0.2),
            torch.nn.Linear(64, 128),
            torch.nn.BatchNorm1d(128, 0.8),
            torch.nn.LeakyReLU(0.2),
            torch.nn.Linear(128, 64),
            torch.nn.Tanh(),
        )
        self.discriminator = torch.nn.Sequential(
            torch.nn.Linear(64, 64), torch.nn.LeakyReLU(0.2), torch.nn.Linear(64, 32), torch.nn.LeakyReLU(0.2), torch.nn.Linear(32, 1)
        )

    def training_step(self, batch: Any) -> None:
        imgs, _ = batch
        opt_g, opt_d = self.optimizers()
        z = torch.randn(imgs.shape[0], self.latent)
        valid, fake = torch.ones(imgs.size(0), 1), torch.zeros(imgs.size(0), 1)
        self.toggle_optimizer(opt_g)
        g_loss = F.binary_cross_entropy_with_logits(self.discriminator(self.generator(z)), valid)
        opt_g.zero_grad()
        self.manual_backward(g_loss)
        opt_g.step()
        self.untoggle_optimizer(opt_g)
        self.toggle_optimizer(opt_d)
        real_loss = F.binary_cross_entropy_with_logits(self.discriminator(imgs), valid)
        fake_loss = F.binary_cross_entropy_with_logits(self.discriminator(self.generator(z).detach()), fake)
        d_loss = (real_loss + fake_loss) / 2
        opt_d.zero_grad()
        self.manual_backward(d_loss)
        opt_d.step()
        self.untoggle_optimizer(opt_d)

    def configure_optimizers(self) -> Any:
        return (
            torch.optim.Adam(self.generator.parameters(), lr=self.lr, betas=(0.5, 0.999)),
            torch.optim.Adam(self.discriminator.parameters(), lr=self.lr, betas=(0.5, 0.999)),
        )


def _gan_run(seed: int, lr: float = 2e-4, watched: bool = True) -> tuple[LossGuardCallback, TwoOptimizerGAN]:
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    # "images": 8x8 blobs of a few prototypes in [-1, 1] (the script's tanh range)
    protos = torch.rand(4, 64, generator=g) * 2 - 1
    x = (protos[torch.randint(0, 4, (64 * 150,), generator=g)] + 0.2 * torch.randn(64 * 150, 64, generator=g)).clamp(-1, 1)
    data = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, torch.zeros(len(x))), batch_size=64, shuffle=True)
    cb = LossGuardCallback(on_event="warn", console=False)
    trainer = pl.Trainer(
        max_epochs=1,
        accelerator="cpu",
        devices=1,
        callbacks=[cb] if watched else [],
        logger=False,
        enable_progress_bar=False,
        enable_model_summary=False,
        enable_checkpointing=False,
    )
    module = TwoOptimizerGAN(lr)
    trainer.fit(module, data)
    return cb, module


@pytest.mark.parametrize("seed", [0, 1, 4])
def test_two_optimizers_under_manual_optimization_get_a_watcher_each(seed: int) -> None:
    # one watcher fed the generator's and the discriminator's losses in turn read them as one loss swinging with
    # period 2: LG104 at step 47 on the healthy script ("lower the learning rate ... overshoot")
    cb, module = _gan_run(seed)
    guards = cb._guards()
    assert [guard.watcher.step for guard in guards] == [150, 150]  # each optimizer's 150 steps, its own losses
    assert guards[0].watcher._model() is module.generator and guards[1].watcher._model() is module.discriminator
    # each network's loss is measured against the other, which trains too: at its equilibrium (0.6-0.7) it is no
    # plateau. Without targets the watchers did not know (LG103 "stayed at 0.6282" at step 147 on seed 1, "0.6711"
    # at 131 on seed 4: docs/runtime.md round 20); each is adversarial now
    assert all(guard.watcher.checks.adversarial for guard in guards)
    assert not [e for e in cb.events if e.code in ("LG102", "LG103", "LG104")], cb.events


def test_two_optimizers_at_a_rate_far_too_small_are_a_plateau_each() -> None:
    # adversarial or not, weights that barely move are a learning rate far too small (the GAN's 1e-7: 1e-6 of each
    # network's last layer per step)
    cb, _ = _gan_run(0, lr=1e-7)
    for guard in cb._guards():
        found = [(e.code, e.step) for e in guard.events if e.severity in ("warning", "error")]
        assert found == [("LG103", 39)], guard.events
        assert guard.events[0].fix.startswith("Raise the learning rate from 1e-07 to "), guard.events[0].fix


def test_watchers_per_optimizer_change_no_number() -> None:
    _, watched = _gan_run(0)
    _, plain = _gan_run(0, watched=False)
    for a, b in zip(watched.parameters(), plain.parameters()):
        assert torch.equal(a, b)


def test_two_optimizers_at_a_rate_1000x_too_high_are_reported() -> None:
    cb, _ = _gan_run(0, lr=0.2)
    assert [e for e in cb.events if e.severity in ("warning", "error")], cb.events


class TwoIndependentModels(pl.LightningModule):
    """Two classifiers trained side by side in one module under manual optimization (an ensemble, or a model and a
    baseline), each by its own Adam on its own loss; neither loss runs the other network. ``shuffled``: the second
    one's labels are those of other examples of the batch (a broken pipeline: its loss can only stay at the labels'
    entropy)."""

    def __init__(self, shuffled: bool = False) -> None:
        super().__init__()
        self.automatic_optimization = False
        self.shuffled = shuffled
        self.first = torch.nn.Sequential(torch.nn.Linear(16, 32), torch.nn.ReLU(), torch.nn.Linear(32, 4))
        self.second = torch.nn.Sequential(torch.nn.Linear(16, 32), torch.nn.ReLU(), torch.nn.Linear(32, 4))

    def training_step(self, batch: Any) -> None:
        x, y = batch
        opt_a, opt_b = self.optimizers()
        loss_a = F.cross_entropy(self.first(x), y)
        opt_a.zero_grad()
        self.manual_backward(loss_a)
        opt_a.step()
        y_b = y[torch.randperm(len(y))] if self.shuffled else y
        loss_b = F.cross_entropy(self.second(x), y_b)
        opt_b.zero_grad()
        self.manual_backward(loss_b)
        opt_b.step()

    def configure_optimizers(self) -> Any:
        return torch.optim.Adam(self.first.parameters(), lr=1e-3), torch.optim.Adam(self.second.parameters(), lr=1e-3)


def _independent_run(shuffled: bool) -> LossGuardCallback:
    torch.manual_seed(0)
    g = torch.Generator().manual_seed(0)
    w = torch.randn(16, 4, generator=g)
    x = torch.randn(64 * 600, 16, generator=g)
    data = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, (x @ w).argmax(1)), batch_size=64, shuffle=True)
    cb = LossGuardCallback(on_event="warn", console=False)
    trainer = pl.Trainer(
        max_epochs=1,
        accelerator="cpu",
        devices=1,
        callbacks=[cb],
        logger=False,
        enable_progress_bar=False,
        enable_model_summary=False,
        enable_checkpointing=False,
    )
    trainer.fit(TwoIndependentModels(shuffled), data)
    return cb


def test_two_independent_models_are_not_adversarial_and_a_stuck_one_is_a_plateau() -> None:
    # neither loss runs the other network: no equilibrium, so a loss that stays where it started while the weights
    # move is a plateau again (with every multi-optimizer module declared adversarial, round 20, it was not reported)
    cb = _independent_run(shuffled=True)
    first, second = cb._guards()
    assert not first.watcher.checks.adversarial and not second.watcher.checks.adversarial
    assert not [e for e in first.events if e.severity in ("warning", "error")], first.events
    found = [e for e in second.events if e.severity in ("warning", "error")]
    assert [(e.code, e.step) for e in found] == [("LG103", 315)], found
    assert "check that the targets depend on the inputs" in found[0].fix, found[0].fix


def test_two_healthy_independent_models_stay_silent() -> None:
    cb = _independent_run(shuffled=False)
    assert [guard.watcher.step for guard in cb._guards()] == [600, 600]
    assert not [e for e in cb.events if e.severity in ("warning", "error")], cb.events


def test_a_gan_is_decided_adversarial_at_its_first_steps() -> None:
    # the generator's loss runs the discriminator: coupled, so both watchers stay adversarial (and the hooks are gone)
    cb, module = _gan_run(0)
    assert all(guard.watcher.checks.adversarial for guard in cb._guards())
    assert cb._coupling is None and not module.generator._forward_hooks and not module.discriminator._forward_hooks


class EncoderDecoderTwoOptimizers(pl.LightningModule):
    """An autoencoder whose encoder and decoder have optimizers of their own, stepping one loss: they cooperate."""

    def __init__(self) -> None:
        super().__init__()
        self.automatic_optimization = False
        self.encoder = torch.nn.Sequential(torch.nn.Linear(16, 8), torch.nn.ReLU())
        self.decoder = torch.nn.Linear(8, 16)

    def training_step(self, batch: Any) -> None:
        x, _ = batch
        opt_e, opt_d = self.optimizers()
        loss = F.mse_loss(self.decoder(self.encoder(x)), x)
        opt_e.zero_grad()
        opt_d.zero_grad()
        self.manual_backward(loss)
        opt_e.step()
        opt_d.step()

    def configure_optimizers(self) -> Any:
        return torch.optim.Adam(self.encoder.parameters(), lr=1e-3), torch.optim.SGD(self.decoder.parameters(), lr=0.05)


def test_two_optimizers_stepping_one_loss_are_not_adversarial() -> None:
    torch.manual_seed(0)
    x = torch.randn(64 * 20, 16)
    data = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, torch.zeros(len(x))), batch_size=64)
    cb = LossGuardCallback(on_event="warn", console=False)
    trainer = pl.Trainer(
        max_epochs=1,
        accelerator="cpu",
        devices=1,
        callbacks=[cb],
        logger=False,
        enable_progress_bar=False,
        enable_model_summary=False,
        enable_checkpointing=False,
    )
    trainer.fit(EncoderDecoderTwoOptimizers(), data)
    assert [guard.watcher.checks.adversarial for guard in cb._guards()] == [False, False]
