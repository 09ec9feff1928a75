"""LG106's clipped divergence when the loss left its start within the first steps (docs/runtime.md, round 35).

tanelp/tiny-diffusion (``ddpm.py`` at 726b6bb) at AdamW 1.0: the first loss 1.02, the second 7.4e11, then 1e17-5e18
for a few steps and 1e3-1e6 for the rest of the run, with ``clip_grad_norm_(1.0)`` pinning the measured norm at
every step. LG106 compared the loss with the median of its first four losses, which already held the jump (1.6e17),
so the run's 1e5 never read as "far above its start". The start is now the first losses up to the first one over
``left_start`` (10) times the first: here the first loss alone. Real loops on the CPU, the script's shape re-typed
(sinusoidal embeddings of the point and the time step into a residual GELU MLP predicting the noise, a linear
50-step noise schedule, 2-D points on two half-circles), shrunk to 64 steps of 32 points.
"""

from __future__ import annotations

import math

import torch
from torch import nn
from torch.nn import functional as F

import lossguard


class Sinusoid(nn.Module):
    def __init__(self, size: int, scale: float = 1.0):
        super().__init__()
        self.size, self.scale = size, scale

    def forward(self, x):
        half = self.size // 2
        freqs = torch.exp(-math.log(10000.0) / (half - 1) * torch.arange(half))
        angles = (x * self.scale).unsqueeze(-1) * freqs.unsqueeze(0)
        return torch.cat((torch.sin(angles), torch.cos(angles)), dim=-1)


class Residual(nn.Module):
    def __init__(self, size: int):
        super().__init__()
        self.ff = nn.Linear(size, size)

    def forward(self, x):
        return x + F.gelu(self.ff(x))


class NoiseNet(nn.Module):
    """tiny-diffusion's MLP: the point's two coordinates and the time step, each embedded, into a residual MLP."""

    def __init__(self, emb: int = 64, hidden: int = 64, blocks: int = 3):
        super().__init__()
        self.t_emb, self.x_emb, self.y_emb = Sinusoid(emb), Sinusoid(emb, 25.0), Sinusoid(emb, 25.0)
        self.body = nn.Sequential(nn.Linear(3 * emb, hidden), nn.GELU(), *[Residual(hidden) for _ in range(blocks)], nn.Linear(hidden, 2))

    def forward(self, x, t):
        return self.body(torch.cat((self.x_emb(x[:, 0]), self.y_emb(x[:, 1]), self.t_emb(t)), dim=-1))


def moons(n: int, g: torch.Generator) -> torch.Tensor:
    """Points on two interleaved half-circles, scaled as the script's ``moons_dataset``."""
    angle = torch.rand(n, generator=g) * math.pi
    upper = torch.rand(n, generator=g) < 0.5
    x = torch.where(upper, torch.cos(angle), 1 - torch.cos(angle))
    y = torch.where(upper, torch.sin(angle), 0.5 - torch.sin(angle))
    pts = torch.stack((x, y), dim=1) + 0.03 * torch.randn(n, 2, generator=g)
    return torch.stack(((pts[:, 0] + 0.3) * 2 - 1, (pts[:, 1] + 0.3) * 3 - 1), dim=1)


def ddpm_run(lr: float, steps: int = 64, seed: int = 0):
    """The script's training loop: noise a batch at random time steps, predict the noise, MSE, clip 1.0, AdamW."""
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    betas = torch.linspace(1e-4, 0.02, 50)
    alphas_cumprod = torch.cumprod(1 - betas, dim=0)
    net = NoiseNet()
    crit = lossguard.watch(net, F.mse_loss, console=False)
    opt = torch.optim.AdamW(net.parameters(), lr=lr)
    losses = []
    for _ in range(steps):
        batch = moons(32, g)
        noise = torch.randn(batch.shape, generator=g)
        t = torch.randint(0, 50, (32,), generator=g)
        a = alphas_cumprod[t].reshape(-1, 1)
        noisy = a.sqrt() * batch + (1 - a).sqrt() * noise
        loss = crit(net(noisy, t), noise)
        loss.backward()
        nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step()
        opt.zero_grad()
        losses.append(loss.item())
    crit.close()
    return crit, losses


def test_a_loss_that_jumped_at_step_1_under_clipping_is_lg106_against_its_first_loss():
    crit, losses = ddpm_run(1.0)
    assert losses[1] > 1e8 * losses[0]  # the jump at step 1
    events = [e for e in crit.events if e.code == "LG106"]
    assert len(events) == 1, crit.events
    ev = events[0]
    assert ev.step == 15, ev  # the 16th loss: the median of the last 16 is compared as soon as there are 16
    assert f"its start {losses[0]:.4g}, for the last 16 steps while the gradient norm is pinned at 1" in ev.message, ev.message
    assert ev.fix.startswith("Lower the learning rate from 1 to 0.003 or less (333.3x, chosen from the update size measured by step 1"), ev.fix
    assert "clipping bounds each gradient, not the damage a learning rate this large does" in ev.fix
    assert [e.code for e in crit.events][:2] == ["LG102", "LG106"]


def test_the_same_loop_at_its_own_learning_rate_is_silent():
    # the look-alike: a healthy run whose second loss is twice its first (0.65, then 1.25) keeps its four-loss start
    crit, losses = ddpm_run(1e-3)
    assert losses[1] > 1.5 * losses[0]
    assert crit.events == []
