"""A loss jump right after an update larger than the last layer itself (docs/runtime.md, round 35).

torchdiffeq's ``examples/ode_demo.py`` (rtqichen/torchdiffeq at 657943a) at RMSprop 1 (x1000): the first update
moved the ODE function's last layer by 85x its norm with gradients of ordinary size (RMSprop divides them out), the
loss went from 0.071 to 4.47 at step 1, and the adaptive solver then failed inside step 2 (the dynamics too stiff
to integrate): LG102 held its early jump for a confirmation that never came, and nothing was reported. A jump over
the blow-up bound after an update of more than the layer's own norm is now reported at once. Real loops on the CPU:
the script's shape re-typed (a spiral ``dy/dt = (y**3) A``, an MLP on ``y**3`` with the script's normal(0, 0.1)
initialisation, 20 pieces of 10 time points a batch, the mean absolute error), integrated by fixed-step RK4
instead of dopri5 (no torchdiffeq here).
"""

from __future__ import annotations

import torch
from torch import nn

import lossguard

A = torch.tensor([[-0.1, 2.0], [-2.0, -0.1]])


def rk4(f, y0: torch.Tensor, t: torch.Tensor, sub: int = 4, fastest: float = float("inf")) -> torch.Tensor:
    """y at each time of ``t`` (its first row ``y0``), ``sub`` RK4 steps between two of them. Dynamics faster
    than ``fastest`` end the solve as dopri5's step budget does (torchdiffeq's ``max_num_steps``)."""
    ys, y = [y0], y0
    for a, b in zip(t[:-1], t[1:]):
        h = (b - a) / sub
        for _ in range(sub):
            k1 = f(y)
            if k1.detach().abs().max() > fastest:
                raise AssertionError("max_num_steps exceeded")
            k2 = f(y + h / 2 * k1)
            k3 = f(y + h / 2 * k2)
            k4 = f(y + h * k3)
            y = y + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
        ys.append(y)
    return torch.stack(ys)


class ODEFunc(nn.Module):
    def __init__(self, head_std: float = 0.1):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(2, 50), nn.Tanh(), nn.Linear(50, 2))
        for m in self.net.modules():
            if isinstance(m, nn.Linear):
                nn.init.normal_(m.weight, mean=0, std=0.1)
                nn.init.constant_(m.bias, val=0)
        nn.init.normal_(self.net[2].weight, mean=0, std=head_std)

    def forward(self, y):
        return self.net(y**3)


def ode_run(lr: float, steps: int = 12, seed: int = 0, fastest: float = float("inf"), head_std: float = 0.1):
    """The script's loop; a solve that gives up (dynamics faster than ``fastest``) ends the run, as in the script.
    ``head_std``: the last layer's initial scale (the script's 0.1)."""
    torch.manual_seed(seed)
    t = torch.linspace(0.0, 25.0, 1000)
    with torch.no_grad():
        true_y = rk4(lambda y: (y**3) @ A, torch.tensor([[2.0, 0.0]]), t, sub=1)
    func = ODEFunc(head_std)
    l1 = lossguard.watch(func, nn.functional.l1_loss, console=False)
    opt = torch.optim.RMSprop(func.parameters(), lr=lr)
    g = torch.Generator().manual_seed(seed)
    losses: list[float] = []
    try:
        for _ in range(steps):
            opt.zero_grad()
            s = torch.randperm(1000 - 10, generator=g)[:20]
            batch_y0, batch_t = true_y[s], t[:10]
            batch_y = torch.stack([true_y[s + i] for i in range(10)], dim=0)
            pred_y = rk4(func, batch_y0, batch_t, fastest=fastest)
            loss = l1(pred_y, batch_y)
            loss.backward()
            opt.step()
            losses.append(loss.item())
    except AssertionError:
        pass  # the script dies here; the watcher's close() at exit still reads what it holds
    l1.close()
    return l1, losses


def test_a_jump_after_an_update_of_100x_the_layer_is_lg102_at_once_though_the_run_dies_next_step():
    crit, losses = ode_run(1.0, seed=1, fastest=300.0)
    assert len(losses) == 2 and losses[1] > 10 * losses[0]  # the solve of step 2 gave up, as the script's did
    assert [(e.code, e.step) for e in crit.events] == [("LG102", 1)], crit.events
    ev = crit.events[0]
    assert "after an update that moved the last layer's weights by 111.7 times their norm" in ev.message, ev.message
    assert ev.fix.startswith("Lower the learning rate from 1 to 0.001 (1000x, chosen from the update size: 111.7"), ev.fix
    assert "start the run again (the jump came at step 1, before any checkpoint)" in ev.fix, ev.fix


def test_the_script_at_its_own_rate_is_silent():
    crit, losses = ode_run(1e-3, steps=150, seed=1, fastest=300.0)
    assert len(losses) == 150 and crit.events == []


def test_a_head_initialised_tiny_that_moves_by_many_times_its_norm_is_silent():
    # the look-alike an update-size rule alone would report: the last layer at std 1e-4 moves by about 10x its norm
    # at RMSprop's first step, and its loss does not jump
    crit, losses = ode_run(1e-3, steps=150, seed=1, fastest=300.0, head_std=1e-4)
    assert len(losses) == 150 and crit.events == []
