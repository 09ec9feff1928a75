"""Real training runs on CPU, faulty and healthy, for the watcher's fault-injection suite.

Each scenario trains a small model for real and returns the watcher's events. A fault has an
onset step and the catalog codes that count as detecting it; a healthy run must produce no
warning or error at all. ``python -m tests.runtime.fault_injection.report`` runs them all and
writes docs/fault-injection.md; tests/runtime/test_fault_injection.py runs a fast subset.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import lossguard

DIM, CLASSES = 32, 10


@dataclass
class Outcome:
    events: list
    steps: int
    error: str | None = None


@dataclass
class Scenario:
    name: str
    description: str
    run: Callable[[int], Outcome]
    fault: bool
    expected: tuple[str, ...] = ()
    onset: int = 0
    fast: bool = True
    tags: tuple[str, ...] = field(default_factory=tuple)


class Teacher:
    """A fixed random linear teacher: learnable labels for a synthetic classification task."""

    def __init__(self, seed: int) -> None:
        g = torch.Generator().manual_seed(1000 + seed)
        self.w = torch.randn(DIM, CLASSES, generator=g)
        self.g = torch.Generator().manual_seed(2000 + seed)

    def batch(self, n: int) -> tuple[torch.Tensor, torch.Tensor]:
        x = torch.randn(n, DIM, generator=self.g)
        y = (x @ self.w).argmax(dim=1)
        return x, y


def mlp(depth: int = 2, width: int = 64, act: type = nn.ReLU, out: int = CLASSES) -> nn.Sequential:
    layers: list[nn.Module] = []
    d = DIM
    for _ in range(depth):
        layers += [nn.Linear(d, width), act()]
        d = width
    layers.append(nn.Linear(d, out))
    return nn.Sequential(*layers)


class LastStep(nn.Module):
    """A recurrent layer whose output at the last step goes through a head (the suite's sequence models)."""

    def __init__(self, rnn: nn.Module, head: nn.Module) -> None:
        super().__init__()
        self.rnn = rnn
        self.head = head

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.head(out[:, -1])


def _watch(model: nn.Module, criterion, **kw):
    kw.setdefault("console", False)
    return lossguard.watch(model, criterion, **kw)


def classification(
    seed: int,
    steps: int = 200,
    batch: int = 64,
    lr: float = 0.05,
    opt: str = "sgd",
    model: nn.Module | None = None,
    schedule: Callable | None = None,
    corrupt: Callable[[int, torch.Tensor, torch.Tensor], tuple] | None = None,
    accumulate: int = 1,
    autocast: torch.dtype | None = None,
    pretrain: int = 0,
    watch_kw: dict | None = None,
) -> Outcome:
    torch.manual_seed(seed)
    teacher = Teacher(seed)
    model = model if model is not None else mlp()
    if opt == "sgd":
        optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)
    elif opt == "plain-sgd":
        optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    else:
        optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    plain = nn.CrossEntropyLoss()
    for _ in range(pretrain):
        x, y = teacher.batch(batch)
        optimizer.zero_grad()
        plain(model(x), y).backward()
        optimizer.step()
    scheduler = schedule(optimizer) if schedule else None
    criterion = _watch(model, nn.CrossEntropyLoss(), **(watch_kw or {}))
    for step in range(steps):
        optimizer.zero_grad()
        for _ in range(accumulate):
            x, y = teacher.batch(batch)
            if corrupt is not None:
                x, y = corrupt(step, x, y)
            if autocast is not None:
                with torch.autocast("cpu", dtype=autocast):
                    loss = criterion(model(x), y)
            else:
                loss = criterion(model(x), y)
            (loss / accumulate).backward()
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
    criterion.close()
    return Outcome(criterion.events, steps)


# --------------------------------------------------------------------------- faults


def nan_batch(seed: int) -> Outcome:
    def corrupt(step, x, y):
        if step == 80:
            x = x.clone()
            x[3, 5] = float("nan")
        return x, y

    return classification(seed, steps=120, corrupt=corrupt)


def lr_too_high(seed: int) -> Outcome:
    return classification(seed, steps=100, lr=5.0)


def lr_blowup(seed: int) -> Outcome:
    def schedule(opt):
        return torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 1.0 if s < 80 else 200.0)

    return classification(seed, steps=120, lr=0.02, schedule=schedule)


def lr_too_small(seed: int) -> Outcome:
    return classification(seed, steps=200, lr=1e-6)


def deep_sigmoid(seed: int) -> Outcome:
    return classification(seed, steps=120, lr=0.05, opt="plain-sgd", model=mlp(depth=12, act=nn.Sigmoid))


def corrupted_batch(seed: int) -> Outcome:
    def corrupt(step, x, y):
        return (x * 40.0, y) if step == 120 else (x, y)

    return classification(seed, steps=160, corrupt=corrupt)


def shuffled_labels_batch(seed: int) -> Outcome:
    def corrupt(step, x, y):
        return (x, (y + 1 + torch.arange(len(y)) % (CLASSES - 1)) % CLASSES) if step == 150 else (x, y)

    return classification(seed, steps=180, lr=0.05, corrupt=corrupt)


def oscillating_sgd(seed: int) -> Outcome:
    """Two contradictory batches in turn, with a learning rate that overshoots each one."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    model = nn.Linear(DIM, 1)
    x0 = torch.randn(1, DIM, generator=g)
    xa = x0 + 0.05 * torch.randn(16, DIM, generator=g)
    xb = 2.0 * x0 + 0.05 * torch.randn(16, DIM, generator=g)
    ya = torch.ones(16, 1)
    yb = -torch.ones(16, 1)
    sharpness = 2.0 * (float(x0.square().sum()) + 1.0)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.6 / sharpness)
    criterion = _watch(model, nn.MSELoss())
    for step in range(150):
        x, y = (xa, ya) if step % 2 == 0 else (xb, yb)
        optimizer.zero_grad()
        criterion(model(x), y).backward()
        optimizer.step()
    criterion.close()
    return Outcome(criterion.events, 150)


def exploding_rnn(seed: int) -> Outcome:
    """A ReLU RNN whose recurrent weights amplify the state: gradients grow with the sequence."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    model = LastStep(nn.RNN(8, 32, nonlinearity="relu", batch_first=True), nn.Linear(32, 1))
    with torch.no_grad():
        model.rnn.weight_hh_l0.copy_(torch.eye(32) * 1.15 + 0.02 * torch.randn(32, 32, generator=g))

    def batch(step):
        x = torch.rand(16, 40, 8, generator=g)
        return x, x.sum(dim=(1, 2)).unsqueeze(1) / 40

    return loop(seed, model, nn.MSELoss(), batch, steps=60, optimizer=lambda p: torch.optim.SGD(p, lr=1e-4))


def _misuse_run(seed: int, make: Callable, steps: int = 30) -> Outcome:
    torch.manual_seed(seed)
    teacher = Teacher(seed)
    model, criterion_fn, loss_of = make()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    criterion = _watch(model, criterion_fn)
    error = None
    done = 0
    kept = []
    try:
        for _step in range(steps):
            x, y = teacher.batch(32)
            optimizer.zero_grad()
            loss = loss_of(criterion, model, x, y, kept)
            loss.backward()
            optimizer.step()
            done += 1
    except Exception as exc:
        error = f"{type(exc).__name__}: {str(exc).splitlines()[0][:80]}"
    criterion.close()
    return Outcome(criterion.events, done, error)


def misuse_softmax_ce(seed: int) -> Outcome:
    return _misuse_run(seed, lambda: (mlp(), nn.CrossEntropyLoss(), lambda c, m, x, y, k: c(torch.softmax(m(x), dim=1), y)))


class KDLoss(nn.Module):
    """A distillation criterion of the user's own that holds an ``nn.KLDivLoss`` (the watcher checks that inner
    loss's input, lossguard.runtime.inner_loss): the student's softened output against soft targets, x T^2."""

    def __init__(self, probabilities: bool = False, temperature: float = 2.0) -> None:
        super().__init__()
        self.kl = nn.KLDivLoss(reduction="batchmean")
        self.probabilities, self.t = probabilities, temperature

    def forward(self, logits: torch.Tensor, soft: torch.Tensor) -> torch.Tensor:
        side = F.softmax if self.probabilities else F.log_softmax
        return self.kl(side(logits / self.t, dim=1), soft) * self.t * self.t


def _smoothed(y: torch.Tensor) -> torch.Tensor:
    return F.one_hot(y, CLASSES).float() * 0.9 + 0.1 / CLASSES


def misuse_kldiv_probabilities(seed: int) -> Outcome:
    return _misuse_run(seed, lambda: (mlp(), nn.KLDivLoss(reduction="batchmean"), lambda c, m, x, y, k: c(torch.softmax(m(x), dim=1), _smoothed(y))))


def misuse_kldiv_inner_probabilities(seed: int) -> Outcome:
    return _misuse_run(seed, lambda: (mlp(), KDLoss(probabilities=True), lambda c, m, x, y, k: c(m(x), _smoothed(y))))


def misuse_bce_logits(seed: int) -> Outcome:
    return _misuse_run(seed, lambda: (mlp(out=1), nn.BCELoss(), lambda c, m, x, y, k: c(m(x).squeeze(1), (y % 2).float())))


def misuse_double_sigmoid(seed: int) -> Outcome:
    return _misuse_run(seed, lambda: (mlp(out=1), nn.BCEWithLogitsLoss(), lambda c, m, x, y, k: c(torch.sigmoid(m(x)).squeeze(1), (y % 2).float())))


def misuse_int_bce_target(seed: int) -> Outcome:
    return _misuse_run(seed, lambda: (mlp(out=1), nn.BCEWithLogitsLoss(), lambda c, m, x, y, k: c(m(x).squeeze(1), y % 2)))


def misuse_broadcast(seed: int) -> Outcome:
    return _misuse_run(seed, lambda: (mlp(out=1), nn.MSELoss(), lambda c, m, x, y, k: c(m(x), y.float())))


def misuse_graph_retention(seed: int) -> Outcome:
    def loss_of(c, m, x, y, kept):
        loss = c(m(x), y)
        kept.append(loss)
        return loss

    return _misuse_run(seed, lambda: (mlp(), nn.CrossEntropyLoss(), loss_of))


def misuse_float_class_target(seed: int) -> Outcome:
    return _misuse_run(seed, lambda: (mlp(), F.cross_entropy, lambda c, m, x, y, k: c(m(x), y.float())))


def loop(
    seed: int,
    model: nn.Module,
    criterion,
    batch: Callable[[int], tuple],
    steps: int = 200,
    optimizer: Callable | None = None,
    schedule: Callable | None = None,
    clip: float | None = None,
    autocast: torch.dtype | None = None,
    watch: dict | None = None,
) -> Outcome:
    """A plain training loop over any model, criterion and batch source (``batch(step)``);
    ``watch`` holds extra options of ``lossguard.watch``."""
    params = [p for p in model.parameters() if p.requires_grad]
    opt = optimizer(params) if optimizer is not None else torch.optim.Adam(params, lr=1e-3)
    scheduler = schedule(opt) if schedule is not None else None
    watched = _watch(model, criterion, **(watch or {}))
    for step in range(steps):
        x, y = batch(step)
        opt.zero_grad()
        if autocast is not None:
            with torch.autocast("cpu", dtype=autocast):
                loss = watched(model(x), y)
        else:
            loss = watched(model(x), y)
        loss.backward()
        if clip is not None:
            torch.nn.utils.clip_grad_norm_(model.parameters(), clip)
        opt.step()
        if scheduler is not None:
            scheduler.step()
    watched.close()
    return Outcome(watched.events, steps)


def _teacher_loop(
    seed: int,
    criterion,
    steps: int = 300,
    optimizer: Callable | None = None,
    model: Callable[[], nn.Module] = mlp,
    batch: int = 64,
    **kw,
) -> Outcome:
    """``loop`` on the teacher's batches of ``batch`` examples: seeded, then the model is built by ``model()``."""
    torch.manual_seed(seed)
    teacher = Teacher(seed)
    return loop(seed, model(), criterion, lambda s: teacher.batch(batch), steps=steps, optimizer=optimizer, **kw)


def dead_relu(seed: int) -> Outcome:
    """Hidden biases of -50 after a bad init: every ReLU is dead, nothing below the head learns."""

    def model() -> nn.Module:
        net = mlp()
        with torch.no_grad():
            net[0].bias.fill_(-50.0)
            net[2].bias.fill_(-50.0)
        return net

    return _teacher_loop(seed, nn.CrossEntropyLoss(), steps=150, model=model, optimizer=lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9))


def random_labels(seed: int) -> Outcome:
    """A broken input pipeline: labels are drawn independently of the inputs."""
    torch.manual_seed(seed)
    teacher = Teacher(seed)
    g = torch.Generator().manual_seed(3000 + seed)

    def batch(step):
        x, _ = teacher.batch(64)
        return x, torch.randint(0, CLASSES, (64,), generator=g)

    return loop(seed, mlp(), nn.CrossEntropyLoss(), batch, steps=200, optimizer=lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9))


def nan_log_zero(seed: int) -> Outcome:
    """A hand-written cross-entropy, log(softmax) without a clamp: one batch of huge logits gives log(0)."""
    torch.manual_seed(seed)
    teacher = Teacher(seed)

    def my_loss(logits, y):
        p = torch.softmax(logits, dim=1)
        return -(F.one_hot(y, CLASSES) * torch.log(p)).sum(dim=1).mean()

    def batch(step):
        x, y = teacher.batch(64)
        return (x * 1e4 if step == 60 else x), y

    return loop(seed, mlp(), my_loss, batch, steps=90, optimizer=lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9))


def huge_label_batch(seed: int) -> Outcome:
    """MSE regression; the targets of one batch are in the wrong unit (x1000)."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    w = torch.randn(DIM, 1, generator=g)

    def batch(step):
        x = torch.randn(32, DIM, generator=g)
        y = x @ w + 0.1 * torch.randn(32, 1, generator=g)
        return x, (y * 1000 if step == 120 else y)

    return loop(seed, mlp(out=1), nn.MSELoss(), batch, steps=150)


def adam_lr_too_high(seed: int) -> Outcome:
    return classification(seed, steps=100, lr=1.0, opt="adam")


def deep_tanh(seed: int) -> Outcome:
    """20 tanh layers initialised with a small gain: the signal and its gradient fade with depth."""

    def model() -> nn.Module:
        net = mlp(depth=20, act=nn.Tanh)
        for m in net:
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight, gain=0.4)
        return net

    return _teacher_loop(seed, nn.CrossEntropyLoss(), steps=120, model=model, optimizer=lambda p: torch.optim.SGD(p, lr=0.05))


# --------------------------------------------------------------------------- healthy


def healthy_baseline(seed: int) -> Outcome:
    return classification(seed, steps=300)


def healthy_small_batch(seed: int) -> Outcome:
    return classification(seed, steps=400, batch=8, lr=0.02)


def healthy_batch_one(seed: int) -> Outcome:
    return classification(seed, steps=400, batch=2, lr=1e-3, opt="adam")


def healthy_warmup(seed: int) -> Outcome:
    def schedule(opt):
        return torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 100))

    return classification(seed, steps=300, lr=3e-3, opt="adam", schedule=schedule)


def _noam(opt):
    """The annotated transformer's rate: d_model^-0.5 * min(step^-0.5, step * 400^-1.5), d_model 64 (a warm-up over
    400 steps: it spans a 300-step run)."""
    return torch.optim.lr_scheduler.LambdaLR(opt, lambda s: 64**-0.5 * min((s + 1) ** -0.5, (s + 1) * 400**-1.5))


def healthy_noam_warmup(seed: int) -> Outcome:
    return classification(seed, steps=300, lr=0.5, opt="adam", schedule=_noam)


def warmup_lr_too_small(seed: int) -> Outcome:
    """A base rate of 1e-7 under a warm-up that spans the run (round 33's transformer-copy at lr 1e-7)."""
    return classification(seed, steps=300, lr=1e-7, opt="adam", schedule=_noam)


def warmup_random_labels(seed: int) -> Outcome:
    """Labels independent of the inputs under a warm-up that spans the run (round 33's transformer-copy with shuffled
    targets)."""
    g = torch.Generator().manual_seed(3000 + seed)

    def corrupt(step, x, y):
        return x, torch.randint(0, CLASSES, y.shape, generator=g)

    return classification(seed, steps=300, lr=0.5, opt="adam", schedule=_noam, corrupt=corrupt)


def healthy_warmup_bump(seed: int) -> Outcome:
    """Warm-up to a peak learning rate that is on the high side: the loss bumps, then recovers."""

    def schedule(opt):
        return torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / 30))

    return classification(seed, steps=300, lr=0.1, schedule=schedule)


def healthy_cosine(seed: int) -> Outcome:
    def schedule(opt):
        return torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=300)

    return classification(seed, steps=300, lr=0.1, schedule=schedule)


def healthy_accumulation(seed: int) -> Outcome:
    return classification(seed, steps=150, batch=16, accumulate=4)


def healthy_bf16(seed: int) -> Outcome:
    return classification(seed, steps=200, lr=1e-3, opt="adam", autocast=torch.bfloat16)


def healthy_converged(seed: int) -> Outcome:
    return classification(seed, steps=300, lr=0.05, batch=128, pretrain=1500)


def healthy_long_converging(seed: int) -> Outcome:
    return classification(seed, steps=1200, lr=0.05, batch=64)


def healthy_regression(seed: int) -> Outcome:
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    w = torch.randn(DIM, 1, generator=g)

    def batch(step):
        x = torch.randn(32, DIM, generator=g)
        return x, x @ w + 0.1 * torch.randn(32, 1, generator=g)

    return loop(seed, mlp(out=1), nn.MSELoss(), batch, steps=300)


def healthy_fixed_batches(seed: int) -> Outcome:
    """A tiny dataset iterated in order without shuffling: the per-batch loss repeats."""
    torch.manual_seed(seed)
    teacher = Teacher(seed)
    batches = [teacher.batch(16) for _ in range(4)]
    return loop(
        seed, mlp(), nn.CrossEntropyLoss(), lambda s: batches[s % 4], steps=300, optimizer=lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9)
    )


def healthy_amp_scaler(seed: int) -> Outcome:
    """fp16 autocast with a GradScaler that starts far too high: its first steps overflow and are skipped."""
    torch.manual_seed(seed)
    teacher = Teacher(seed)
    model = mlp()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    scaler = torch.amp.GradScaler("cpu", init_scale=2.0**100)
    criterion = _watch(model, nn.CrossEntropyLoss())
    for _ in range(200):
        x, y = teacher.batch(64)
        optimizer.zero_grad()
        with torch.autocast("cpu", dtype=torch.float16):
            loss = criterion(model(x), y)
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    criterion.close()
    return Outcome(criterion.events, 200)


def _zero_head(model: nn.Sequential) -> nn.Sequential:
    """The model with its output layer initialised to zero (a common fine-tuning default)."""
    nn.init.zeros_(model[-1].weight)
    nn.init.zeros_(model[-1].bias)
    return model


def healthy_zero_head(seed: int) -> Outcome:
    """Output layer initialised to zero (a common fine-tuning default), Adam."""
    return _teacher_loop(seed, nn.CrossEntropyLoss(), steps=200, model=lambda: _zero_head(mlp()))


def healthy_zero_head_deep_sgd(seed: int) -> Outcome:
    """Zero-initialised head on a 3-layer body, SGD with momentum."""
    return _teacher_loop(
        seed, nn.CrossEntropyLoss(), steps=200, model=lambda: _zero_head(mlp(depth=3)), optimizer=lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9)
    )


def healthy_fixed_batches_linear(seed: int) -> Outcome:
    """A linear model on 4 fixed, unshuffled batches with 30% noisy labels: it converges at a moderate, periodic loss."""
    torch.manual_seed(seed)
    teacher = Teacher(seed)
    g = torch.Generator().manual_seed(4000 + seed)
    batches = []
    for _ in range(4):
        x, y = teacher.batch(64)
        noisy = torch.rand(64, generator=g) < 0.3
        batches.append((x, torch.where(noisy, torch.randint(0, CLASSES, (64,), generator=g), y)))
    return loop(
        seed,
        nn.Linear(DIM, CLASSES),
        nn.CrossEntropyLoss(),
        lambda s: batches[s % 4],
        steps=300,
        optimizer=lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
    )


def healthy_label_smoothing(seed: int) -> Outcome:
    return _teacher_loop(seed, nn.CrossEntropyLoss(label_smoothing=0.1), steps=250, optimizer=lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9))


def healthy_dropout(seed: int) -> Outcome:
    def model() -> nn.Module:
        return nn.Sequential(
            nn.Linear(DIM, 128), nn.ReLU(), nn.Dropout(0.5), nn.Linear(128, 128), nn.ReLU(), nn.Dropout(0.5), nn.Linear(128, CLASSES)
        )

    return _teacher_loop(seed, nn.CrossEntropyLoss(), model=model, batch=32)


def healthy_weight_decay(seed: int) -> Outcome:
    return _teacher_loop(seed, nn.CrossEntropyLoss(), optimizer=lambda p: torch.optim.AdamW(p, lr=3e-3, weight_decay=0.1))


def healthy_overfit_tiny(seed: int) -> Outcome:
    """32 examples, shuffled batches of 8, a wide MLP: the loss goes to about 1e-4 and stays there."""
    torch.manual_seed(seed)
    teacher = Teacher(seed)
    x_all, y_all = teacher.batch(32)
    g = torch.Generator().manual_seed(5000 + seed)

    def batch(step):
        idx = torch.randint(0, 32, (8,), generator=g)
        return x_all[idx], y_all[idx]

    return loop(seed, mlp(width=256), nn.CrossEntropyLoss(), batch, steps=600, optimizer=lambda p: torch.optim.Adam(p, lr=3e-3))


def healthy_imbalanced(seed: int) -> Outcome:
    """90% of the examples in one class: the loss starts far below log C and falls slowly."""
    torch.manual_seed(seed)
    teacher = Teacher(seed)
    g = torch.Generator().manual_seed(6000 + seed)

    def batch(step):
        x, y = teacher.batch(64)
        keep = torch.rand(64, generator=g) < 0.9
        return x, torch.where(keep, torch.zeros_like(y), y)

    return loop(seed, mlp(), nn.CrossEntropyLoss(), batch, steps=300, optimizer=lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9))


def healthy_tiny_regression(seed: int) -> Outcome:
    """MSE on targets of order 1e-3: the loss is about 1e-6 and falls to 1e-8."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    w = torch.randn(DIM, 1, generator=g) * 1e-3

    def batch(step):
        x = torch.randn(32, DIM, generator=g)
        return x, x @ w + 1e-5 * torch.randn(32, 1, generator=g)

    return loop(seed, mlp(out=1), nn.MSELoss(), batch, steps=300)


def healthy_step_decay(seed: int) -> Outcome:
    return _teacher_loop(
        seed,
        nn.CrossEntropyLoss(),
        optimizer=lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
        schedule=lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=100, gamma=0.1),
    )


def healthy_one_cycle(seed: int) -> Outcome:
    return _teacher_loop(
        seed,
        nn.CrossEntropyLoss(),
        optimizer=lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9),
        schedule=lambda o: torch.optim.lr_scheduler.OneCycleLR(o, max_lr=0.3, total_steps=300),
    )


def healthy_warm_restarts(seed: int) -> Outcome:
    return _teacher_loop(
        seed,
        nn.CrossEntropyLoss(),
        optimizer=lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
        schedule=lambda o: torch.optim.lr_scheduler.CosineAnnealingWarmRestarts(o, T_0=60),
    )


def healthy_nesterov(seed: int) -> Outcome:
    return _teacher_loop(seed, nn.CrossEntropyLoss(), optimizer=lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True, weight_decay=5e-4))


def healthy_clipping(seed: int) -> Outcome:
    return _teacher_loop(seed, nn.CrossEntropyLoss(), optimizer=lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9), clip=0.5)


def healthy_lstm(seed: int) -> Outcome:
    """Sequence classification: is the sum of a 20-step sequence positive? (LSTM + linear head)."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)

    def batch(step):
        x = torch.randn(32, 20, 4, generator=g)
        return x, (x[:, :, 0].sum(dim=1) > 0).long()

    model = LastStep(nn.LSTM(4, 32, batch_first=True), nn.Linear(32, 2))
    return loop(seed, model, nn.CrossEntropyLoss(), batch, steps=250, optimizer=lambda p: torch.optim.Adam(p, lr=3e-3))


def healthy_cnn_batchnorm(seed: int) -> Outcome:
    """A small CNN with BatchNorm on 12x12 images whose class is the brightest quadrant."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    model = nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1),
        nn.BatchNorm2d(8),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3, padding=1),
        nn.BatchNorm2d(16),
        nn.ReLU(),
        nn.AdaptiveAvgPool2d(2),
        nn.Flatten(),
        nn.Linear(64, 4),
    )

    def batch(step):
        y = torch.randint(0, 4, (32,), generator=g)
        x = torch.randn(32, 1, 12, 12, generator=g)
        for i, q in enumerate(y.tolist()):
            r, c = divmod(q, 2)
            x[i, 0, r * 6 : r * 6 + 6, c * 6 : c * 6 + 6] += 1.0
        return x, y

    return loop(seed, model, nn.CrossEntropyLoss(), batch, steps=200, optimizer=lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9))


def healthy_batchnorm_mlp(seed: int) -> Outcome:
    def model() -> nn.Module:
        return nn.Sequential(
            nn.Linear(DIM, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Linear(64, 64), nn.BatchNorm1d(64), nn.ReLU(), nn.Linear(64, CLASSES)
        )

    return _teacher_loop(seed, nn.CrossEntropyLoss(), steps=250, model=model, optimizer=lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9))


def pretrained(seed: int, teacher: Teacher, depth: int = 3) -> nn.Sequential:
    """An MLP trained for 200 steps on the task: a body worth transferring."""
    torch.manual_seed(seed)
    model = mlp(depth=depth)
    pre = torch.optim.Adam(model.parameters(), lr=3e-3)
    for _ in range(200):
        x, y = teacher.batch(64)
        pre.zero_grad()
        F.cross_entropy(model(x), y).backward()
        pre.step()
    return model


def healthy_frozen_backbone(seed: int) -> Outcome:
    """Transfer learning: a pretrained body with requires_grad=False, only a new head trains."""
    teacher = Teacher(seed)
    model = pretrained(seed, teacher)
    for p in model[:-1].parameters():
        p.requires_grad_(False)
    model[-1].reset_parameters()
    return loop(seed, model, nn.CrossEntropyLoss(), lambda s: teacher.batch(64), steps=200)


def healthy_frozen_after_watch(seed: int) -> Outcome:
    """The pretrained body is frozen only after lossguard.watch() saw it: its parameters never get a gradient."""
    teacher = Teacher(seed)
    model = pretrained(seed, teacher)
    model[-1].reset_parameters()
    watched = _watch(model, nn.CrossEntropyLoss())
    for p in model[:-1].parameters():
        p.requires_grad_(False)
    opt = torch.optim.SGD(model[-1].parameters(), lr=0.05, momentum=0.9)
    for _ in range(200):
        x, y = teacher.batch(64)
        opt.zero_grad()
        watched(model(x), y).backward()
        opt.step()
    watched.close()
    return Outcome(watched.events, 200)


def healthy_no_grad_features(seed: int) -> Outcome:
    """Features computed under torch.no_grad() by a pretrained body that still requires grad; a new head trains."""
    teacher = Teacher(seed)
    trained = pretrained(seed, teacher, depth=2)
    body, head = trained[:-1], nn.Linear(64, CLASSES)
    model = nn.Sequential(body, head)
    watched = _watch(model, nn.CrossEntropyLoss())
    opt = torch.optim.Adam(head.parameters(), lr=1e-3)
    for _ in range(200):
        x, y = teacher.batch(64)
        with torch.no_grad():
            feats = body(x)
        opt.zero_grad()
        watched(head(feats), y).backward()
        opt.step()
    watched.close()
    return Outcome(watched.events, 200)


def healthy_multilabel_bce(seed: int) -> Outcome:
    torch.manual_seed(seed)
    teacher = Teacher(seed)

    def batch(step):
        x, _ = teacher.batch(64)
        return x, (x @ teacher.w > 0.5).float()

    return loop(seed, mlp(), nn.BCEWithLogitsLoss(), batch, steps=250)


def healthy_nll(seed: int) -> Outcome:
    return _teacher_loop(
        seed,
        nn.NLLLoss(),
        steps=250,
        model=lambda: nn.Sequential(mlp(), nn.LogSoftmax(dim=1)),
        optimizer=lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9),
    )


def _robust_regression(seed: int, criterion) -> Outcome:
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    w = torch.randn(DIM, 1, generator=g)

    def batch(step):
        x = torch.randn(32, DIM, generator=g)
        noise = torch.distributions.StudentT(4.0).sample((32, 1))
        return x, x @ w + 0.3 * noise

    return loop(seed, mlp(out=1), criterion, batch, steps=300)


def healthy_huber(seed: int) -> Outcome:
    return _robust_regression(seed, nn.HuberLoss())


def healthy_l1(seed: int) -> Outcome:
    return _robust_regression(seed, nn.L1Loss())


def healthy_embedding(seed: int) -> Outcome:
    """Bag-of-words text classification: EmbeddingBag + linear head, class given by a keyword."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.emb = nn.EmbeddingBag(200, 32)
            self.head = nn.Linear(32, 4)

        def forward(self, tokens):
            return self.head(self.emb(tokens))

    def batch(step):
        tokens = torch.randint(4, 200, (32, 12), generator=g)
        y = torch.randint(0, 4, (32,), generator=g)
        tokens[:, 0] = y
        return tokens, y

    return loop(seed, Net(), nn.CrossEntropyLoss(), batch, steps=250, optimizer=lambda p: torch.optim.Adam(p, lr=3e-3))


def healthy_high_lr_adam(seed: int) -> Outcome:
    """Adam at 1e-2, on the high side but fine: a bumpy start."""
    return classification(seed, steps=300, lr=1e-2, opt="adam")


def healthy_transformer(seed: int) -> Outcome:
    """A 2-layer TransformerEncoder (LayerNorm, attention) classifying which token type dominates a sequence."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.emb = nn.Embedding(8, 32)
            layer = nn.TransformerEncoderLayer(32, 4, dim_feedforward=64, dropout=0.1, batch_first=True)
            self.encoder = nn.TransformerEncoder(layer, 2, enable_nested_tensor=False)
            self.head = nn.Linear(32, 4)

        def forward(self, tokens):
            return self.head(self.encoder(self.emb(tokens)).mean(dim=1))

    def batch(step):
        y = torch.randint(0, 4, (32,), generator=g)
        tokens = torch.randint(0, 8, (32, 16), generator=g)
        tokens[:, :6] = y[:, None]
        return tokens, y

    return loop(seed, Net(), nn.CrossEntropyLoss(), batch, steps=200, optimizer=lambda p: torch.optim.AdamW(p, lr=1e-3))


def healthy_gru(seed: int) -> Outcome:
    """GRU regression: predict the mean of a noisy sequence."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)

    def batch(step):
        level = torch.randn(32, 1, 1, generator=g)
        x = level + 0.5 * torch.randn(32, 15, 1, generator=g)
        return x, level[:, :, 0]

    return loop(
        seed,
        LastStep(nn.GRU(1, 32, batch_first=True), nn.Linear(32, 1)),
        nn.MSELoss(),
        batch,
        steps=250,
        optimizer=lambda p: torch.optim.Adam(p, lr=3e-3),
    )


def healthy_adam_small_lr(seed: int) -> Outcome:
    """Adam at 3e-4: slow but steady progress."""
    return classification(seed, steps=300, lr=3e-4, opt="adam")


def healthy_large_batch(seed: int) -> Outcome:
    return classification(seed, steps=150, batch=1024, lr=0.1)


def healthy_autoencoder(seed: int) -> Outcome:
    """A bottleneck autoencoder on correlated data, MSE reconstruction."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    mix = torch.randn(4, DIM, generator=g)
    model = nn.Sequential(nn.Linear(DIM, 16), nn.ReLU(), nn.Linear(16, 4), nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, DIM))

    def batch(step):
        x = torch.randn(64, 4, generator=g) @ mix + 0.05 * torch.randn(64, DIM, generator=g)
        return x, x

    return loop(seed, model, nn.MSELoss(), batch, steps=300)


# A DETR-like set criterion (bubbliiiing/detr-pytorch's SetCriterion in small): a dict of losses and metrics, a weight_dict.
SET_QUERIES, SET_CLASSES = 6, 3  # queries, classes (class SET_CLASSES is "no object")


class SetDetector(nn.Module):
    """A DETR-like detector in small: per image, SET_QUERIES class scores (the last class "no object") and boxes."""

    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 8, 3, stride=2, padding=1), nn.ReLU(), nn.Flatten(), nn.Linear(8 * 8 * 8, 64), nn.ReLU())
        self.cls = nn.Linear(64, SET_QUERIES * (SET_CLASSES + 1))
        self.box = nn.Linear(64, SET_QUERIES * 4)

    def forward(self, x):
        h = self.body(x)
        return {"pred_logits": self.cls(h).view(-1, SET_QUERIES, SET_CLASSES + 1), "pred_boxes": self.box(h).view(-1, SET_QUERIES, 4).sigmoid()}


class SetCriterion(nn.Module):
    """DETR's SetCriterion in small: one object an image, matched to its least-cost query."""

    def __init__(self, weighted: bool = True, strict: bool = True, nan_bbox_at: int = -1):
        super().__init__()
        self.strict, self.nan_bbox_at, self.calls = strict, nan_bbox_at, 0  # strict: assert on degenerate boxes
        if weighted:
            self.weight_dict = {"loss_ce": 1, "loss_bbox": 5}
        empty = torch.ones(SET_CLASSES + 1)
        empty[-1] = 0.1
        self.register_buffer("empty_weight", empty)

    def forward(self, outputs, targets):
        logits, boxes = outputs["pred_logits"], outputs["pred_boxes"]
        labels, gt = targets
        with torch.no_grad():
            for b in (boxes.flatten(0, 1), gt) if self.strict else ():  # DETR's generalized_box_iou asserts on them
                xyxy = torch.cat([b[:, :2] - b[:, 2:] / 2, b[:, :2] + b[:, 2:] / 2], 1)
                assert (xyxy[:, 2:] >= xyxy[:, :2]).all()
            cost = -logits.softmax(-1)[torch.arange(len(labels)), :, labels] + torch.cdist(boxes, gt[:, None], p=1)[..., 0]
            match = cost.argmin(1)
        rows = torch.arange(len(labels))
        classes = torch.full(logits.shape[:2], SET_CLASSES, dtype=torch.int64)
        classes[rows, match] = labels
        out = {"loss_ce": F.cross_entropy(logits.transpose(1, 2), classes, self.empty_weight)}
        with torch.no_grad():
            out["class_error"] = 100 - 100 * (logits[rows, match].argmax(-1) == labels).float().mean()
            out["cardinality_error"] = F.l1_loss((logits.argmax(-1) != SET_CLASSES).sum(1).float(), torch.ones(len(labels)))
        out["loss_bbox"] = F.l1_loss(boxes[rows, match], gt, reduction="sum") / len(labels)
        if torch.is_grad_enabled():
            if self.calls == self.nan_bbox_at:  # one term NaN (a degenerate box into an IoU, in DETR)
                out["loss_bbox"] = out["loss_bbox"] * float("nan")
            self.calls += 1
        return out


def set_detection_batches(seed: int, nan_at: int = -1, bad_box_at: int = -1):
    """Batches of 8 16x16 images of one coloured square each (its class, its box); optional faults: a NaN pixel at
    call ``nan_at``, an annotation of negative width at call ``bad_box_at``."""
    g = torch.Generator().manual_seed(seed)
    colours = torch.eye(3)
    calls = [0]

    def batch():
        labels = torch.randint(0, SET_CLASSES, (8,), generator=g)
        gt = torch.rand(8, 4, generator=g) * 0.5 + 0.25
        x = 0.1 * torch.randn(8, 3, 16, 16, generator=g)
        for i in range(8):
            cx, cy = int(gt[i, 0] * 16), int(gt[i, 1] * 16)
            x[i, :, max(cy - 3, 0) : cy + 3, max(cx - 3, 0) : cx + 3] += colours[labels[i]][:, None, None]
        if calls[0] == nan_at:
            x[2, 0, 4, 4] = float("nan")
        if calls[0] == bad_box_at:
            gt[1, 2] = -0.1  # an annotation of negative width
        calls[0] += 1
        return x, (labels, gt)

    return batch


def healthy_set_criterion(seed: int) -> Outcome:
    """SetDetector under SetCriterion's dict (loss_ce, class_error, cardinality_error, loss_bbox) trained on its
    weight_dict's sum, AdamW 1e-4, gradients clipped at 0.1, as DETR's scripts train."""
    torch.manual_seed(seed)
    model = SetDetector()
    criterion = lossguard.watch(model, SetCriterion(), console=False)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=1e-4)
    batch = set_detection_batches(seed)
    for _ in range(200):
        x, targets = batch()
        opt.zero_grad()
        loss_dict = criterion(model(x), targets)
        sum(loss_dict[k] * w for k, w in criterion.weight_dict.items()).backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 0.1)
        opt.step()
    criterion.close()
    return Outcome(criterion.events, 200)


def healthy_rmsprop(seed: int) -> Outcome:
    return _teacher_loop(seed, nn.CrossEntropyLoss(), optimizer=lambda p: torch.optim.RMSprop(p, lr=1e-3))


def healthy_adagrad(seed: int) -> Outcome:
    return _teacher_loop(seed, nn.CrossEntropyLoss(), optimizer=lambda p: torch.optim.Adagrad(p, lr=0.05))


def healthy_cyclic_lr(seed: int) -> Outcome:
    return _teacher_loop(
        seed,
        nn.CrossEntropyLoss(),
        optimizer=lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9),
        schedule=lambda o: torch.optim.lr_scheduler.CyclicLR(o, base_lr=0.005, max_lr=0.1, step_size_up=10),
    )


def healthy_weighted_ce(seed: int) -> Outcome:
    return _teacher_loop(seed, nn.CrossEntropyLoss(weight=torch.linspace(0.5, 2.0, CLASSES)))


def healthy_noisy_labels(seed: int) -> Outcome:
    """30% of the labels replaced at random: the loss levels off well above zero."""
    torch.manual_seed(seed)
    teacher = Teacher(seed)
    g = torch.Generator().manual_seed(7000 + seed)

    def batch(step):
        x, y = teacher.batch(64)
        flip = torch.rand(64, generator=g) < 0.3
        return x, torch.where(flip, torch.randint(0, CLASSES, (64,), generator=g), y)

    return loop(seed, mlp(), nn.CrossEntropyLoss(), batch, steps=400, optimizer=lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9))


def healthy_residual(seed: int) -> Outcome:
    """Eight residual blocks: deep, but the identity paths carry the gradient."""

    class Block(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.lin = nn.Linear(64, 64)

        def forward(self, x):
            return x + F.relu(self.lin(x))

    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(DIM, 64), *[Block() for _ in range(8)], nn.Linear(64, CLASSES))
    # built before _teacher_loop seeds again, as it always was
    return _teacher_loop(seed, nn.CrossEntropyLoss(), model=lambda: model, optimizer=lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9))


def healthy_finetune_new_task(seed: int) -> Outcome:
    """A model trained on one task, fine-tuned on another: the loss starts high and falls."""
    model = pretrained(seed, Teacher(seed))
    other = Teacher(seed + 100)
    return loop(seed, model, nn.CrossEntropyLoss(), lambda s: other.batch(64), steps=300)


def healthy_focal(seed: int) -> Outcome:
    """A hand-written focal loss (a function the watcher knows nothing about)."""

    def focal(logits, y):
        logp = F.log_softmax(logits, dim=1).gather(1, y[:, None]).squeeze(1)
        return (-((1 - logp.exp()) ** 2) * logp).mean()

    return _teacher_loop(seed, focal)


def healthy_distillation(seed: int) -> Outcome:
    """A small student matching a trained teacher's softened outputs with KL divergence."""
    teacher = Teacher(seed)
    big = pretrained(seed, teacher)
    torch.manual_seed(seed + 1)

    def batch(step):
        x, _ = teacher.batch(64)
        with torch.no_grad():
            return x, F.softmax(big(x) / 2, dim=1)

    def kd(logits, soft):
        return F.kl_div(F.log_softmax(logits / 2, dim=1), soft, reduction="batchmean")

    return loop(seed, mlp(width=32), kd, batch, steps=300)


def healthy_distillation_module(seed: int) -> Outcome:
    """healthy_distillation through a criterion module that holds an ``nn.KLDivLoss`` (KDLoss, temperature 2)."""
    teacher = Teacher(seed)
    big = pretrained(seed, teacher)
    torch.manual_seed(seed + 1)

    def batch(step):
        x, _ = teacher.batch(64)
        with torch.no_grad():
            return x, F.softmax(big(x) / 2, dim=1)

    return loop(seed, mlp(width=32), KDLoss(), batch, steps=300)


def healthy_soft_targets(seed: int) -> Outcome:
    """CrossEntropyLoss with probability targets."""
    torch.manual_seed(seed)
    teacher = Teacher(seed)

    def batch(step):
        x, y = teacher.batch(64)
        return x, F.one_hot(y, CLASSES).float() * 0.9 + 0.01

    return loop(seed, mlp(), nn.CrossEntropyLoss(), batch, steps=300)


# --------------------------------------------------------------------------- real-script shapes (issue 9)


def mnist_like(n: int, g: torch.Generator) -> torch.Tensor:
    """MNIST-shaped inputs after its Normalize: a constant background of -0.42 and strokes at 2.8."""
    x = torch.full((n, 784), -0.4242)
    x[torch.rand(n, 784, generator=g) < 0.2] = 2.82
    return x


def adadelta_random_labels(seed: int, steps: int = 250) -> Outcome:
    """pytorch/examples mnist's optimizer (Adadelta lr=1, StepLR) on labels drawn independently of the inputs."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, CLASSES))
    return loop(
        seed,
        model,
        nn.CrossEntropyLoss(),
        lambda s: (mnist_like(64, g), torch.randint(0, CLASSES, (64,), generator=g)),
        steps=steps,
        optimizer=lambda p: torch.optim.Adadelta(p, lr=1.0),
        schedule=lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=1000, gamma=0.7),
    )


def healthy_adadelta(seed: int) -> Outcome:
    """The same optimizer on learnable labels (a teacher over MNIST-shaped inputs)."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    w = torch.randn(784, CLASSES, generator=g)
    model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, CLASSES))

    def batch(step):
        x = mnist_like(64, g)
        return x, (x @ w).argmax(dim=1)

    return loop(
        seed,
        model,
        nn.CrossEntropyLoss(),
        batch,
        steps=250,
        optimizer=lambda p: torch.optim.Adadelta(p, lr=1.0),
        schedule=lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=100, gamma=0.7),
    )


class AuxNet(nn.Module):
    """A classifier with an auxiliary head (Inception-style): two outputs, two loss terms."""

    def __init__(self) -> None:
        super().__init__()
        self.body = nn.Sequential(nn.Linear(DIM, 64), nn.ReLU())
        self.aux = nn.Linear(64, CLASSES)
        self.top = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, CLASSES))

    def forward(self, x):
        h = self.body(x)
        return self.top(h), self.aux(h)


def healthy_aux_head(seed: int) -> Outcome:
    """loss = crit(out, y) + 0.4 * crit(aux, y): two criterion calls per optimizer step."""
    torch.manual_seed(seed)
    teacher = Teacher(seed)
    model = AuxNet()
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    crit = _watch(model, nn.CrossEntropyLoss())
    for _ in range(250):
        x, y = teacher.batch(64)
        opt.zero_grad()
        out, aux = model(x)
        loss = crit(out, y) + 0.4 * crit(aux, y)
        loss.backward()
        opt.step()
    crit.close()
    return Outcome(crit.events, 250)


def healthy_multi_term(seed: int) -> Outcome:
    """fast_neural_style's shape: one MSE criterion called for a content term and three feature terms."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    mix = torch.randn(8, DIM, generator=g)
    model = nn.Sequential(nn.Linear(DIM, 64), nn.ReLU(), nn.Linear(64, DIM))
    feats = [nn.Linear(DIM, 16) for _ in range(3)]
    for f in feats:
        f.requires_grad_(False)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    crit = _watch(model, nn.MSELoss())
    for _ in range(250):
        x = torch.randn(32, 8, generator=g) @ mix
        opt.zero_grad()
        y = model(x)
        loss = crit(y, x)
        for f in feats:
            loss = loss + 0.1 * crit(f(y), f(x))
        loss.backward()
        opt.step()
    crit.close()
    return Outcome(crit.events, 250)


def gan(seed: int, steps: int = 400, d_lr: float = 2e-4) -> Outcome:
    """A DCGAN-style loop on 2-D Gaussian data; the discriminator and its BCE criterion are watched."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    gen = nn.Sequential(nn.Linear(4, 32), nn.ReLU(), nn.Linear(32, 2))
    disc = nn.Sequential(nn.Linear(2, 32), nn.LeakyReLU(0.2), nn.Linear(32, 32), nn.LeakyReLU(0.2), nn.Linear(32, 1))
    opt_d = torch.optim.Adam(disc.parameters(), lr=d_lr, betas=(0.5, 0.999))
    opt_g = torch.optim.Adam(gen.parameters(), lr=2e-4, betas=(0.5, 0.999))
    crit = _watch(disc, nn.BCEWithLogitsLoss())
    plain = nn.BCEWithLogitsLoss()
    centre = torch.tensor([2.0, -1.0])
    for _ in range(steps):
        real = torch.randn(64, 2, generator=g) * 0.5 + centre
        fake = gen(torch.randn(64, 4, generator=g))
        opt_d.zero_grad()
        (crit(disc(real), torch.ones(64, 1)) + crit(disc(fake.detach()), torch.zeros(64, 1))).backward()
        opt_d.step()
        opt_g.zero_grad()
        plain(disc(fake), torch.ones(64, 1)).backward()
        opt_g.step()
    crit.close()
    return Outcome(crit.events, steps)


def healthy_gan_equilibrium(seed: int) -> Outcome:
    return gan(seed)


def least_squares_cgan(seed: int, steps: int = 250, lr: float = 2e-4) -> Outcome:
    """PyTorch-GAN's ``cgan.py`` (eriklindernoren/PyTorch-GAN at 36d3c77) re-typed: a conditional GAN (the label's
    embedding concatenated to the generator's noise and to the discriminator's input, dropout in the discriminator,
    512 units wide as there) on 10 classes of 1,024-pixel prototype images with noise (32x32 digits' size), trained
    with the least-squares loss (``MSELoss`` against 1 and 0), the generator first, then the discriminator on the
    real and the detached fake batch; one watched criterion per network (the script's one ``MSELoss`` wrapped
    twice). The discriminator wins early (its loss about 0.01) and the generator catches up in bursts."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    protos = torch.rand(10, 1024, generator=torch.Generator().manual_seed(7)) * 2 - 1
    gen_emb, disc_emb = nn.Embedding(10, 10), nn.Embedding(10, 10)
    gen_net = nn.Sequential(
        nn.Linear(26, 256), nn.LeakyReLU(0.2), nn.Linear(256, 512), nn.BatchNorm1d(512, 0.8), nn.LeakyReLU(0.2), nn.Linear(512, 1024), nn.Tanh()
    )
    disc_net = nn.Sequential(nn.Linear(1034, 512), nn.LeakyReLU(0.2), nn.Linear(512, 512), nn.Dropout(0.4), nn.LeakyReLU(0.2), nn.Linear(512, 1))
    gen, disc = nn.ModuleList([gen_emb, gen_net]), nn.ModuleList([disc_emb, disc_net])
    adversarial = nn.MSELoss()
    crit_g, crit_d = _watch(gen, adversarial), _watch(disc, adversarial)
    opt_g = torch.optim.Adam(gen.parameters(), lr=lr, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(disc.parameters(), lr=lr, betas=(0.5, 0.999))
    valid, fake = torch.ones(64, 1), torch.zeros(64, 1)
    for _ in range(steps):
        labels = torch.randint(0, 10, (64,), generator=g)
        real = (protos[labels] + 0.3 * torch.randn(64, 1024, generator=g)).clamp(-1, 1)
        gen_labels = torch.randint(0, 10, (64,), generator=g)
        opt_g.zero_grad()
        imgs = gen_net(torch.cat([gen_emb(gen_labels), torch.randn(64, 16, generator=g)], -1))
        crit_g(disc_net(torch.cat([imgs, disc_emb(gen_labels)], -1)), valid).backward()
        opt_g.step()
        opt_d.zero_grad()
        d_real = crit_d(disc_net(torch.cat([real, disc_emb(labels)], -1)), valid)
        d_fake = crit_d(disc_net(torch.cat([imgs.detach(), disc_emb(gen_labels)], -1)), fake)
        ((d_real + d_fake) / 2).backward()
        opt_d.step()
    crit_g.close()
    crit_d.close()
    return Outcome(crit_g.events + crit_d.events, steps)


def healthy_lsgan_equilibrium(seed: int) -> Outcome:
    return least_squares_cgan(seed)


def manual_sgd(seed: int, lr: float, steps: int = 250) -> Outcome:
    """word_language_model's default update: no torch optimizer, ``p.data.add_(p.grad, alpha=-lr)``."""
    torch.manual_seed(seed)
    teacher = Teacher(seed)
    model = mlp()
    crit = _watch(model, nn.CrossEntropyLoss())
    for _ in range(steps):
        x, y = teacher.batch(64)
        model.zero_grad()
        crit(model(x), y).backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 0.25)
        for p in model.parameters():
            p.data.add_(p.grad, alpha=-lr)
    crit.close()
    return Outcome(crit.events, steps)


def healthy_manual_sgd(seed: int) -> Outcome:
    return manual_sgd(seed, lr=0.5)


def clipped_divergence(seed: int, watch: dict | None = None) -> Outcome:
    """MSE regression by a tanh MLP, SGD momentum at lr 1 with clip_grad_norm_(1.0): clipping pins
    the norm while the loss climbs to 5-9x its start and stays there. (A ReLU MLP here loses its
    units within a few steps and wanders at 1-2x its start: how far it climbs then depends on the
    machine's floating-point rounding, not on the fault.)"""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    w = 0.2 * torch.randn(DIM, 1, generator=g)

    def batch(step):
        x = torch.randn(32, DIM, generator=g)
        return x, x @ w

    model = mlp(out=1, act=nn.Tanh)
    return loop(seed, model, nn.MSELoss(), batch, steps=200, optimizer=lambda p: torch.optim.SGD(p, lr=1.0, momentum=0.9), clip=1.0, watch=watch)


class CartPole:
    """CartPole-v1 with the classic cart-pole equations (Barto, Sutton and Anderson 1983, as
    gymnasium's CartPoleEnv): reward 1 a step, terminated when the pole leans past 12 degrees or
    the cart leaves +-2.4, truncated at 500 steps. Also gymnasium's stand-in for the real
    scripts (tests/runtime/real_scripts/shim/gymnasium)."""

    reward_threshold = 475.0

    def __init__(self, seed: int | None = None) -> None:
        self.rng = np.random.default_rng(seed)
        self.state = np.zeros(4)
        self.t = 0

    def reset(self, seed: int | None = None) -> tuple[np.ndarray, dict]:
        if seed is not None:
            self.rng = np.random.default_rng(seed)
        self.state = self.rng.uniform(-0.05, 0.05, size=4)
        self.t = 0
        return self.state.astype(np.float32), {}

    def step(self, action: int) -> tuple[np.ndarray, float, bool, bool, dict]:
        x, x_dot, theta, theta_dot = self.state
        force = 10.0 if action == 1 else -10.0
        cos, sin = math.cos(theta), math.sin(theta)
        temp = (force + 0.05 * theta_dot**2 * sin) / 1.1
        theta_acc = (9.8 * sin - cos * temp) / (0.5 * (4.0 / 3.0 - 0.1 * cos**2 / 1.1))
        x_acc = temp - 0.05 * theta_acc * cos / 1.1
        x, x_dot = x + 0.02 * x_dot, x_dot + 0.02 * x_acc
        theta, theta_dot = theta + 0.02 * theta_dot, theta_dot + 0.02 * theta_acc
        self.state = np.array([x, x_dot, theta, theta_dot])
        self.t += 1
        terminated = bool(abs(x) > 2.4 or abs(theta) > 12 * 2 * math.pi / 360)
        return self.state.astype(np.float32), 1.0, terminated, self.t >= 500, {}


class ActorCritic(nn.Module):
    """pytorch/examples actor_critic.py's model: one hidden layer, an action head and a value head."""

    def __init__(self) -> None:
        super().__init__()
        self.affine1 = nn.Linear(4, 128)
        self.action_head = nn.Linear(128, 2)
        self.value_head = nn.Linear(128, 1)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        h = F.relu(self.affine1(x))
        return F.softmax(self.action_head(h), dim=-1), self.value_head(h)


def policy_gradient_cartpole(seed: int, episodes: int = 100, critic: bool = False, lr: float | None = None) -> Outcome:
    """pytorch/examples reinforcement_learning: reinforce.py (a 4-128-2 policy with Dropout(0.6),
    Adam 1e-2) or, with ``critic``, actor_critic.py (action and value heads, Adam 3e-2). One step
    per episode on sum(-log p(a_t) x A_t) (A_t: the discounted return normalised to mean 0 and
    spread 1, minus the critic's value) plus, with a critic, the smooth L1 of the values against
    those returns. The loss is about 0 at the start (p about 1/2 for every action, the returns
    summing to 0), takes either sign, and grows in magnitude with the episodes' length as the
    policy learns. Watched as a model that computes its own loss (observe)."""
    torch.manual_seed(seed)
    env = CartPole()
    env.reset(seed=seed)
    if critic:
        model: nn.Module = ActorCritic()
    else:
        model = nn.Sequential(nn.Linear(4, 128), nn.Dropout(p=0.6), nn.ReLU(), nn.Linear(128, 2), nn.Softmax(dim=1))
    optimizer = torch.optim.Adam(model.parameters(), lr=lr if lr is not None else 3e-2 if critic else 1e-2)
    watcher = lossguard.watch(model, console=False)
    eps = float(np.finfo(np.float32).eps)
    for _ in range(episodes):
        state, _ = env.reset()
        log_probs, values, rewards = [], [], []
        for _t in range(500):
            out = model(torch.from_numpy(state).unsqueeze(0))
            probs, value = out if critic else (out, None)
            dist = torch.distributions.Categorical(probs)
            action = dist.sample()
            log_probs.append(dist.log_prob(action))
            values.append(value)
            state, reward, terminated, truncated, _ = env.step(int(action.item()))
            rewards.append(reward)
            if terminated or truncated:
                break
        ret, returns = 0.0, []
        for r in reversed(rewards):
            ret = r + 0.99 * ret
            returns.insert(0, ret)
        rt = torch.tensor(returns)
        rt = (rt - rt.mean()) / (rt.std() + eps)
        terms = []
        for lp, v, r in zip(log_probs, values, rt):
            terms.append(-lp * (r - v.item()) if v is not None else -lp * r)
            if v is not None:
                terms.append(F.smooth_l1_loss(v.view(-1), r.view(-1)).view(1))
        optimizer.zero_grad()
        loss = watcher.observe(torch.cat(terms).sum())
        loss.backward()
        optimizer.step()
    watcher.close()
    return Outcome(list(watcher.events), watcher.step)


def healthy_policy_gradient(seed: int) -> Outcome:
    return policy_gradient_cartpole(seed, episodes=100)


def healthy_two_net_actor_critic(seed: int, episodes: int = 100) -> Outcome:
    """Lucasc-99/Actor-Critic's shape (docs/runtime.md round 35): an actor and a critic as two separate float64
    4-128 MLPs under two Adam optimizers (1e-2), one update of each per episode, the script's log-probability fixed
    (log_softmax of the logits). Two watchers: the actor's policy-gradient loss through observe (either sign), the
    critic's SmoothL1Loss watched as its criterion and called as the script calls it, target first."""
    torch.manual_seed(seed)
    env = CartPole()
    env.reset(seed=seed)
    actor = nn.Sequential(nn.Linear(4, 128), nn.ReLU(), nn.Linear(128, 2)).double()
    critic = nn.Sequential(nn.Linear(4, 128), nn.ReLU(), nn.Linear(128, 1)).double()
    actor_opt, critic_opt = torch.optim.Adam(actor.parameters(), lr=1e-2), torch.optim.Adam(critic.parameters(), lr=1e-2)
    actor_w = lossguard.watch(actor, console=False)
    critic_loss = lossguard.watch(critic, nn.SmoothL1Loss(), console=False)
    for _ in range(episodes):
        state, _ = env.reset()
        log_probs, values, rewards = [], [], []
        for _t in range(200):
            obs = torch.from_numpy(state).double()
            logits = actor(obs)
            action = torch.distributions.Categorical(logits=logits).sample()
            log_probs.append(logits.log_softmax(-1)[action])
            values.append(critic(obs).view(-1).squeeze())
            state, reward, terminated, truncated, _ = env.step(int(action.item()))
            rewards.append(reward)
            if terminated or truncated:
                break
        ret, returns = 0.0, []
        for r in reversed(rewards):
            ret = r + 0.99 * ret
            returns.insert(0, ret)
        g = torch.tensor(returns, dtype=torch.float64)
        g = (g - g.mean()) / (g.std() + 1e-12)
        v = torch.stack(values)
        actor_opt.zero_grad()
        critic_opt.zero_grad()
        l_actor = actor_w.observe(-(torch.stack(log_probs) * (g - v.detach())).sum())
        l_critic = critic_loss(g, v)
        l_actor.backward()
        l_critic.backward()
        actor_opt.step()
        critic_opt.step()
    actor_w.close()
    critic_loss.close()
    return Outcome(sorted([*actor_w.events, *critic_loss.events], key=lambda e: e.step), actor_w.step)


def burgers_pinn(
    seed: int, line_search: str | None = "strong_wolfe", lr: float = 1.0, iters: int = 120, detectors: list | None = None, watched: bool = True
) -> tuple:
    """jayroxis/PINNs' Burgers notebook, small: a tanh MLP of (x, t) fitted to -sin(pi x) at t = 0 plus the
    squared PDE residual u_t + u u_x - nu u_xx at collocation points, the whole run one L-BFGS
    ``step(closure)`` whose closure zeroes the gradients, observes the loss and calls backward (every
    evaluation is a step). Returns (watcher or None, the closure's losses)."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(1)
    dims = [2, 20, 20, 20, 20, 1]
    layers: list[nn.Module] = []
    for a, b in zip(dims[:-1], dims[1:]):
        layers += [nn.Linear(a, b), nn.Tanh()]
    net = nn.Sequential(*layers[:-1])
    x0 = torch.rand(100, 1, generator=g) * 2 - 1
    xu, u = torch.cat([x0, torch.zeros_like(x0)], 1), -torch.sin(torch.pi * x0)
    xf = (torch.rand(500, 2, generator=g) * torch.tensor([2.0, 1.0]) - torch.tensor([1.0, 0.0])).requires_grad_(True)
    kw = {} if detectors is None else {"detectors": detectors}
    w = lossguard.watch(net, console=False, **kw) if watched else None
    opt = torch.optim.LBFGS(net.parameters(), lr=lr, max_iter=iters, max_eval=iters * 5 // 4, history_size=50, line_search_fn=line_search)
    losses = []

    def closure():
        opt.zero_grad()
        out = net(xf)
        d = torch.autograd.grad(out, xf, torch.ones_like(out), create_graph=True)[0]
        ux, ut = d[:, :1], d[:, 1:]
        uxx = torch.autograd.grad(ux, xf, torch.ones_like(ux), create_graph=True)[0][:, :1]
        loss = ((u - net(xu)) ** 2).mean() + ((ut + out * ux - 0.01 / torch.pi * uxx) ** 2).mean()
        loss = w.observe(loss) if w is not None else loss
        loss.backward()
        losses.append(loss.item())
        return loss

    opt.step(closure)
    if w is not None:
        w.close()
    return w, losses


def healthy_lbfgs_closure(seed: int) -> Outcome:
    w, losses = burgers_pinn(seed, iters=240)
    return Outcome(w.events, len(losses))


def lbfgs_no_line_search(seed: int) -> Outcome:
    w, losses = burgers_pinn(seed, line_search=None, iters=120)
    return Outcome(w.events, len(losses))


ZIPF_CLASSES = 40
ZIPF_BATCH = 512


def zipf_classification(seed: int, shuffled: bool, lr: float = 3e-3, steps: int = 200) -> Outcome:
    """40 classes with a Zipf-like frequency (the rank-k class about k^-1.5 as often: entropy about
    2.8 against ln 40 = 3.69), a fixed teacher, batch 512, Adam. ``shuffled`` permutes the labels
    within each batch: the class frequencies stay, the link to the inputs is gone (what a character
    or word model sees when its targets are shuffled)."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(100 + seed)
    w = torch.randn(DIM, ZIPF_CLASSES, generator=g)
    prior = -1.5 * torch.log(torch.arange(1, ZIPF_CLASSES + 1).float())

    def batch(step):
        x = torch.randn(ZIPF_BATCH, DIM, generator=g)
        y = (0.5 * (x @ w) + prior).argmax(dim=1)
        return x, (y[torch.randperm(ZIPF_BATCH, generator=g)] if shuffled else y)

    model = nn.Sequential(nn.Linear(DIM, 128), nn.ReLU(), nn.Linear(128, ZIPF_CLASSES))
    return loop(seed, model, nn.CrossEntropyLoss(), batch, steps=steps, optimizer=lambda p: torch.optim.Adam(p, lr=lr))


def zipf_shuffled_labels(seed: int) -> Outcome:
    return zipf_classification(seed, shuffled=True)


def healthy_zipf(seed: int) -> Outcome:
    return zipf_classification(seed, shuffled=False)


def healthy_zipf_slow(seed: int) -> Outcome:
    """Adam at 1e-4: the loss takes 300 steps to reach the class-frequency entropy, learning all the way."""
    return zipf_classification(seed, shuffled=False, lr=1e-4, steps=300)


SCENARIOS: list[Scenario] = [
    Scenario("nan-batch", "one batch holds a NaN at step 80", nan_batch, True, ("LG101",), 80),
    Scenario("lr-too-high", "SGD lr=5 from the start", lr_too_high, True, ("LG101", "LG102", "LG106"), 0),
    Scenario("lr-blowup", "lr multiplied by 200 at step 80", lr_blowup, True, ("LG101", "LG102", "LG106"), 80),
    Scenario("lr-too-small", "SGD lr=1e-6", lr_too_small, True, ("LG103",), 0, fast=False),
    Scenario("deep-sigmoid", "12-layer sigmoid MLP", deep_sigmoid, True, ("LG105",), 0),
    Scenario("corrupted-batch", "inputs of step 120 scaled by 40", corrupted_batch, True, ("LG102", "LG106"), 120),
    Scenario("mislabelled-batch", "every label of step 150 wrong", shuffled_labels_batch, True, ("LG102",), 150, fast=False),
    Scenario("oscillating-sgd", "two contradictory batches in turn, overshooting lr", oscillating_sgd, True, ("LG104",), 0),
    Scenario("exploding-rnn", "ReLU RNN with recurrent gain 1.15 over 40 steps", exploding_rnn, True, ("LG106", "LG101"), 0),
    Scenario("dead-relu", "hidden biases of -50: every ReLU dead", dead_relu, True, ("LG103", "LG105"), 0),
    Scenario("random-labels", "labels independent of the inputs", random_labels, True, ("LG103",), 0, fast=False),
    Scenario("warmup-lr-too-small", "Adam base lr 1e-7 under a warm-up spanning the run", warmup_lr_too_small, True, ("LG103",), 0, fast=False),
    Scenario("warmup-random-labels", "random labels under a warm-up spanning the run", warmup_random_labels, True, ("LG103",), 0, fast=False),
    Scenario("nan-log-zero", "hand-written log(softmax) hits log(0) at step 60", nan_log_zero, True, ("LG101",), 60),
    Scenario("huge-label-batch", "regression targets of step 120 x1000", huge_label_batch, True, ("LG102",), 120, fast=False),
    Scenario("adam-lr-too-high", "Adam lr=1", adam_lr_too_high, True, ("LG101", "LG102", "LG106"), 0, fast=False),
    Scenario("deep-tanh", "20 tanh layers, small init", deep_tanh, True, ("LG105",), 0, fast=False),
    Scenario("misuse-softmax-ce", "softmax output into CrossEntropyLoss", misuse_softmax_ce, True, ("LG001",), 0),
    Scenario("misuse-bce-logits", "raw logits into BCELoss", misuse_bce_logits, True, ("LG002",), 0),
    Scenario("misuse-kldiv-probabilities", "softmax output into KLDivLoss", misuse_kldiv_probabilities, True, ("LG008",), 0),
    Scenario(
        "misuse-kldiv-inner-probabilities",
        "softmax output into the KLDivLoss a criterion module holds",
        misuse_kldiv_inner_probabilities,
        True,
        ("LG008",),
        0,
    ),
    Scenario("misuse-double-sigmoid", "sigmoid output into BCEWithLogitsLoss", misuse_double_sigmoid, True, ("LG003",), 0),
    Scenario("misuse-int-bce-target", "int64 target for BCEWithLogitsLoss", misuse_int_bce_target, True, ("LG004",), 0),
    Scenario("misuse-broadcast", "(N, 1) prediction vs (N,) target in MSELoss", misuse_broadcast, True, ("LG005",), 0),
    Scenario("misuse-graph-retention", "every loss kept in a list", misuse_graph_retention, True, ("LG006",), 0),
    Scenario("misuse-float-class-target", "float class indices into F.cross_entropy", misuse_float_class_target, True, ("LG013",), 0),
    Scenario("healthy-baseline", "MLP, SGD momentum, batch 64", healthy_baseline, False),
    Scenario("healthy-small-batch", "batch 8, SGD momentum", healthy_small_batch, False),
    Scenario("healthy-batch-two", "batch 2, Adam", healthy_batch_one, False, fast=False),
    Scenario("healthy-warmup", "Adam, linear warm-up over 100 steps", healthy_warmup, False),
    Scenario("healthy-warmup-bump", "SGD warm-up to a high peak lr", healthy_warmup_bump, False, fast=False),
    Scenario("healthy-noam-warmup", "Adam 0.5 under Noam's rate, its 400-step warm-up spanning the run", healthy_noam_warmup, False, fast=False),
    Scenario("healthy-cosine", "SGD with cosine annealing to 0", healthy_cosine, False),
    Scenario("healthy-accumulation", "4 micro-batches per step", healthy_accumulation, False),
    Scenario("healthy-bf16", "bf16 autocast on CPU, Adam", healthy_bf16, False),
    Scenario("healthy-converged", "watching starts after 1500 steps of training", healthy_converged, False),
    Scenario("healthy-long", "1200 steps into convergence", healthy_long_converging, False, fast=False),
    Scenario("healthy-regression", "MSE regression, Adam", healthy_regression, False),
    Scenario("healthy-fixed-batches", "4 batches in a fixed order, memorised (periodic loss)", healthy_fixed_batches, False),
    Scenario("healthy-amp-scaler", "fp16 autocast, GradScaler skipping its first steps", healthy_amp_scaler, False),
    Scenario("healthy-zero-head", "zero-initialised output layer, Adam", healthy_zero_head, False),
    Scenario("healthy-zero-head-deep-sgd", "zero-initialised head on 3 layers, SGD lr 0.1", healthy_zero_head_deep_sgd, False, fast=False),
    Scenario("healthy-fixed-batches-linear", "linear model, 4 fixed batches, 30% noisy labels", healthy_fixed_batches_linear, False, fast=False),
    Scenario("healthy-label-smoothing", "CrossEntropyLoss(label_smoothing=0.1)", healthy_label_smoothing, False, fast=False),
    Scenario("healthy-dropout", "two Dropout(0.5) layers, batch 32", healthy_dropout, False, fast=False),
    Scenario("healthy-weight-decay", "AdamW, weight decay 0.1", healthy_weight_decay, False, fast=False),
    Scenario("healthy-overfit-tiny", "32 examples memorised to a loss of about 1e-4", healthy_overfit_tiny, False, fast=False),
    Scenario("healthy-imbalanced", "90% of labels in one class", healthy_imbalanced, False, fast=False),
    Scenario("healthy-tiny-regression", "MSE on targets of order 1e-3 (loss 1e-6 and below)", healthy_tiny_regression, False, fast=False),
    Scenario("healthy-step-decay", "SGD, StepLR x0.1 every 100 steps", healthy_step_decay, False, fast=False),
    Scenario("healthy-one-cycle", "OneCycleLR to lr 0.3", healthy_one_cycle, False, fast=False),
    Scenario("healthy-warm-restarts", "CosineAnnealingWarmRestarts, T_0=60", healthy_warm_restarts, False, fast=False),
    Scenario("healthy-nesterov", "SGD nesterov, weight decay 5e-4", healthy_nesterov, False, fast=False),
    Scenario("healthy-clipping", "clip_grad_norm_ 0.5 at lr 0.1", healthy_clipping, False, fast=False),
    Scenario("healthy-lstm", "LSTM sequence classifier, Adam", healthy_lstm, False),
    Scenario("healthy-cnn-batchnorm", "small CNN with BatchNorm2d", healthy_cnn_batchnorm, False, fast=False),
    Scenario("healthy-batchnorm-mlp", "MLP with BatchNorm1d, lr 0.1", healthy_batchnorm_mlp, False, fast=False),
    Scenario("healthy-frozen-backbone", "pretrained body frozen (requires_grad=False), new head", healthy_frozen_backbone, False),
    Scenario("healthy-frozen-after-watch", "body frozen after watch(): no gradient below the head", healthy_frozen_after_watch, False, fast=False),
    Scenario("healthy-no-grad-features", "body run under torch.no_grad(), head trains", healthy_no_grad_features, False, fast=False),
    Scenario("healthy-multilabel-bce", "BCEWithLogitsLoss, multi-label", healthy_multilabel_bce, False, fast=False),
    Scenario("healthy-nll", "LogSoftmax + NLLLoss", healthy_nll, False, fast=False),
    Scenario("healthy-huber", "HuberLoss, heavy-tailed noise", healthy_huber, False, fast=False),
    Scenario("healthy-l1", "L1Loss, heavy-tailed noise", healthy_l1, False, fast=False),
    Scenario("healthy-embedding", "EmbeddingBag text classifier", healthy_embedding, False, fast=False),
    Scenario("healthy-adam-high-lr", "Adam lr 1e-2", healthy_high_lr_adam, False, fast=False),
    Scenario("healthy-transformer", "2-layer TransformerEncoder, AdamW", healthy_transformer, False, fast=False),
    Scenario("healthy-gru", "GRU regression, MSE", healthy_gru, False, fast=False),
    Scenario("healthy-adam-small-lr", "Adam lr 3e-4, slow progress", healthy_adam_small_lr, False, fast=False),
    Scenario("healthy-large-batch", "batch 1024, SGD lr 0.1", healthy_large_batch, False, fast=False),
    Scenario("healthy-autoencoder", "bottleneck autoencoder, MSE", healthy_autoencoder, False, fast=False),
    Scenario(
        "healthy-set-criterion",
        "DETR-like set criterion returning a dict of losses and metrics, trained on its weight_dict's sum",
        healthy_set_criterion,
        False,
        fast=False,
    ),
    Scenario("healthy-rmsprop", "RMSprop lr 1e-3", healthy_rmsprop, False, fast=False),
    Scenario("healthy-adagrad", "Adagrad lr 0.05", healthy_adagrad, False, fast=False),
    Scenario("healthy-cyclic-lr", "CyclicLR 0.005-0.1, 20-step cycles", healthy_cyclic_lr, False, fast=False),
    Scenario("healthy-weighted-ce", "CrossEntropyLoss with class weights", healthy_weighted_ce, False, fast=False),
    Scenario("healthy-noisy-labels", "30% random labels, shuffled", healthy_noisy_labels, False, fast=False),
    Scenario("healthy-residual", "8 residual blocks, SGD", healthy_residual, False, fast=False),
    Scenario("healthy-finetune-new-task", "trained model fine-tuned on another task", healthy_finetune_new_task, False, fast=False),
    Scenario("healthy-focal", "hand-written focal loss (a function)", healthy_focal, False, fast=False),
    Scenario("healthy-distillation", "KL divergence to a trained teacher's soft outputs", healthy_distillation, False, fast=False),
    Scenario(
        "healthy-distillation-module",
        "the same through a criterion module holding nn.KLDivLoss",
        healthy_distillation_module,
        False,
        fast=False,
    ),
    Scenario("healthy-soft-targets", "CrossEntropyLoss with probability targets", healthy_soft_targets, False, fast=False),
    Scenario("adadelta-random-labels", "mnist's Adadelta lr=1 on random labels", adadelta_random_labels, True, ("LG103",), 0, fast=False),
    Scenario(
        "clipped-divergence",
        "tanh MLP, SGD lr=1 with clip_grad_norm_(1.0), MSE",
        clipped_divergence,
        True,
        ("LG101", "LG102", "LG106"),
        0,
        fast=False,
    ),
    Scenario("healthy-adadelta", "mnist's Adadelta lr=1 with StepLR, learnable labels", healthy_adadelta, False, fast=False),
    Scenario(
        "healthy-lsgan-equilibrium",
        "conditional least-squares GAN (cgan's shape): MSE to 1/0, two watchers",
        healthy_lsgan_equilibrium,
        False,
        fast=False,
        tags=("multi-term",),
    ),
    Scenario("healthy-aux-head", "two loss terms per step (auxiliary head)", healthy_aux_head, False, fast=False, tags=("multi-term",)),
    Scenario("healthy-multi-term", "one MSE criterion called for 4 terms per step", healthy_multi_term, False, fast=False, tags=("multi-term",)),
    Scenario(
        "healthy-gan-equilibrium", "GAN discriminator with BCE, real and fake calls", healthy_gan_equilibrium, False, fast=False, tags=("multi-term",)
    ),
    Scenario("zipf-shuffled-labels", "40 Zipf-like classes, labels shuffled within batches", zipf_shuffled_labels, True, ("LG103",), 0, fast=False),
    Scenario("healthy-zipf", "40 Zipf-like classes, Adam 3e-3", healthy_zipf, False, fast=False),
    Scenario(
        "healthy-zipf-slow", "40 Zipf-like classes, Adam 1e-4 (slow descent to the class-frequency level)", healthy_zipf_slow, False, fast=False
    ),
    Scenario("healthy-manual-sgd", "no optimizer: p.data.add_(p.grad, alpha=-lr), clipping 0.25", healthy_manual_sgd, False, fast=False),
    Scenario(
        "healthy-lbfgs-closure",
        "Burgers PINN, one L-BFGS step(closure) with strong-Wolfe line search (every evaluation a step)",
        healthy_lbfgs_closure,
        False,
        fast=False,
    ),
    Scenario(
        "lbfgs-no-line-search",
        "the same PINN, L-BFGS lr=1 without a line search",
        lbfgs_no_line_search,
        True,
        ("LG101", "LG102", "LG106"),
        0,
        fast=False,
    ),
    Scenario(
        "healthy-policy-gradient",
        "REINFORCE on CartPole (pytorch/examples), observe(): a loss of either sign",
        healthy_policy_gradient,
        False,
        fast=False,
    ),
    Scenario(
        "healthy-two-net-actor-critic",
        "actor and critic as two float64 networks, two optimizers, two watchers (Lucasc-99/Actor-Critic)",
        healthy_two_net_actor_critic,
        False,
        fast=False,
    ),
]


def judge(scenario: Scenario, outcome: Outcome) -> dict:
    """Detection, latency and false alarms of one run."""
    alarms = [e for e in outcome.events if e.severity in ("warning", "error")]
    if scenario.fault:
        hits = [e for e in alarms if e.code in scenario.expected and e.step >= scenario.onset]
        early = [e for e in alarms if e.step < scenario.onset]
        first = min(hits, key=lambda e: e.step) if hits else None
        return {
            "detected": first is not None,
            "code": first.code if first else "",
            "latency": (first.step - scenario.onset) if first else None,
            "false_alarms": len(early),
            "codes": sorted({e.code for e in alarms}),
        }
    return {"detected": False, "code": "", "latency": None, "false_alarms": len(alarms), "codes": sorted({e.code for e in alarms})}


def by_name(name: str) -> Scenario:
    for s in SCENARIOS:
        if s.name == name:
            return s
    raise KeyError(name)


__all__ = ["SCENARIOS", "Scenario", "Outcome", "judge", "by_name", "math"]
