"""Real training runs on CPU, faulty and healthy, for the watcher's fault-injection suite.

Each scenario trains a small model for real and returns the watcher's events. A fault has an
onset step and the catalog codes that count as detecting it; a healthy run must produce no
warning or error at all. ``python -m tests.runtime.fault_injection.report`` runs them all and
writes docs/fault-injection.md; tests/runtime/test_fault_injection.py runs a fast subset.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Optional

import torch
import torch.nn as nn
import torch.nn.functional as F

import lossguard

DIM, CLASSES = 32, 10


@dataclass
class Outcome:
    events: list
    steps: int
    error: Optional[str] = None


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


def _watch(model: nn.Module, criterion, **kw):
    kw.setdefault("console", False)
    return lossguard.watch(model, criterion, **kw)


def classification(
    seed: int,
    steps: int = 200,
    batch: int = 64,
    lr: float = 0.05,
    opt: str = "sgd",
    model: Optional[nn.Module] = None,
    schedule: Optional[Callable] = None,
    corrupt: Optional[Callable[[int, torch.Tensor, torch.Tensor], tuple]] = None,
    accumulate: int = 1,
    autocast: Optional[torch.dtype] = None,
    pretrain: int = 0,
    watch_kw: Optional[dict] = None,
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

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.rnn = nn.RNN(8, 32, nonlinearity="relu", batch_first=True)
            self.head = nn.Linear(32, 1)
            with torch.no_grad():
                self.rnn.weight_hh_l0.copy_(torch.eye(32) * 1.15 + 0.02 * torch.randn(32, 32, generator=g))

        def forward(self, x):
            out, _ = self.rnn(x)
            return self.head(out[:, -1])

    model = Net()
    optimizer = torch.optim.SGD(model.parameters(), lr=1e-4)
    criterion = _watch(model, nn.MSELoss())
    steps = 0
    for step in range(60):
        x = torch.rand(16, 40, 8, generator=g)
        y = x.sum(dim=(1, 2)).unsqueeze(1) / 40
        optimizer.zero_grad()
        criterion(model(x), y).backward()
        optimizer.step()
        steps += 1
    criterion.close()
    return Outcome(criterion.events, steps)


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
        for step in range(steps):
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
    model = mlp(out=1)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    criterion = _watch(model, nn.MSELoss())
    for _ in range(300):
        x = torch.randn(32, DIM, generator=g)
        y = x @ w + 0.1 * torch.randn(32, 1, generator=g)
        optimizer.zero_grad()
        criterion(model(x), y).backward()
        optimizer.step()
    criterion.close()
    return Outcome(criterion.events, 300)


def healthy_fixed_batches(seed: int) -> Outcome:
    """A tiny dataset iterated in order without shuffling: the per-batch loss repeats."""
    torch.manual_seed(seed)
    teacher = Teacher(seed)
    batches = [teacher.batch(16) for _ in range(4)]
    model = mlp()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    criterion = _watch(model, nn.CrossEntropyLoss())
    for step in range(300):
        x, y = batches[step % 4]
        optimizer.zero_grad()
        criterion(model(x), y).backward()
        optimizer.step()
    criterion.close()
    return Outcome(criterion.events, 300)


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
    Scenario("misuse-softmax-ce", "softmax output into CrossEntropyLoss", misuse_softmax_ce, True, ("LG001",), 0),
    Scenario("misuse-bce-logits", "raw logits into BCELoss", misuse_bce_logits, True, ("LG002",), 0),
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
    Scenario("healthy-cosine", "SGD with cosine annealing to 0", healthy_cosine, False),
    Scenario("healthy-accumulation", "4 micro-batches per step", healthy_accumulation, False),
    Scenario("healthy-bf16", "bf16 autocast on CPU, Adam", healthy_bf16, False),
    Scenario("healthy-converged", "watching starts after 1500 steps of training", healthy_converged, False),
    Scenario("healthy-long", "1200 steps into convergence", healthy_long_converging, False, fast=False),
    Scenario("healthy-regression", "MSE regression, Adam", healthy_regression, False),
    Scenario("limit-fixed-batches", "4 batches in a fixed order (known misfire: periodic data)", healthy_fixed_batches, False, fast=False, tags=("known-limitation",)),
    Scenario("healthy-amp-scaler", "fp16 autocast, GradScaler skipping its first steps", healthy_amp_scaler, False),
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
