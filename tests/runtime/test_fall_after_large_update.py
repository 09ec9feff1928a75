"""LG107 on a loss of unknown bound that falls right after an update larger than the layer (round 36).

PyTorch-GAN's ``wgan_gp.py`` (eriklindernoren/PyTorch-GAN at 36d3c77) at Adam 0.2 (x1000): the generator's loss,
``-mean(D(G(z)))``, went from -54 to -1.0e4 at its second step, and LG107 said "a term of the wrong sign ... or an
input of the wrong kind" with a fix about `log_softmax` and the VAE's KL sign: wrong advice for a learning-rate
fault (the critic's watcher reported LG102 and LG106 at step 1 with the right rate). The fall came right after an
update that moved the generator's last layer by about 8 times its norm; such a fall now names the learning rate,
chosen from that update. Real loops on the CPU: the script's loop re-typed (two Adam optimizers at betas 0.5/0.999,
the critic every batch with its gradient penalty from ``autograd.grad(create_graph=True)``, the generator every
fifth, both watched through ``observe``), and the look-alike, a classifier's log-likelihood minimised without its
minus sign at a healthy rate: LG107 with the sign advice, as before.
"""

from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F

import lossguard
from tests.runtime.helpers import model, task


def _wgan_gp(seed: int, lr: float, batches: int) -> tuple[list, list]:
    torch.manual_seed(seed)
    g = torch.Generator().manual_seed(seed)
    protos = torch.rand(10, 784, generator=torch.Generator().manual_seed(7)) * 2 - 1
    gen = nn.Sequential(
        nn.Linear(32, 256), nn.LeakyReLU(0.2), nn.Linear(256, 512), nn.BatchNorm1d(512, 0.8), nn.LeakyReLU(0.2), nn.Linear(512, 784), nn.Tanh()
    )
    critic = nn.Sequential(nn.Linear(784, 512), nn.LeakyReLU(0.2), nn.Linear(512, 256), nn.LeakyReLU(0.2), nn.Linear(256, 1))
    opt_g = torch.optim.Adam(gen.parameters(), lr=lr, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(critic.parameters(), lr=lr, betas=(0.5, 0.999))
    watch_d, watch_g = lossguard.watch(critic, console=False), lossguard.watch(gen, console=False)
    for i in range(batches):
        real = (protos[torch.randint(0, 10, (64,), generator=g)] + 0.3 * torch.randn(64, 784, generator=g)).clamp(-1, 1)
        opt_d.zero_grad()
        z = torch.randn(64, 32, generator=g)
        fake = gen(z)
        alpha = torch.rand(64, 1, generator=g)
        mixed = (alpha * real + (1 - alpha) * fake.detach()).requires_grad_(True)
        grads = torch.autograd.grad(critic(mixed), mixed, torch.ones(64, 1), create_graph=True, retain_graph=True)[0]
        penalty = ((grads.norm(2, dim=1) - 1) ** 2).mean()
        watch_d.observe(-critic(real).mean() + critic(fake).mean() + 10 * penalty).backward()
        opt_d.step()
        opt_g.zero_grad()
        if i % 5 == 0:
            watch_g.observe(-critic(gen(z)).mean()).backward()
            opt_g.step()
    watch_d.close()
    watch_g.close()
    return watch_d.events, watch_g.events


def test_a_fall_right_after_an_update_larger_than_the_layer_names_the_learning_rate():
    critic_events, gen_events = _wgan_gp(8, 0.2, batches=10)
    assert [(e.code, e.step) for e in critic_events][:2] == [("LG102", 1), ("LG106", 1)], [str(e) for e in critic_events]
    assert [(e.code, e.step) for e in gen_events] == [("LG107", 1)], [str(e) for e in gen_events]
    found = gen_events[0]
    assert "right after an update that moved the last layer's weights by 7.765 times their norm" in found.message
    # on main at 7b7bde9a: "Give the loss the input it expects (`log_softmax(dim=1)` before NLLLoss, ..."
    assert found.fix.startswith("Lower the learning rate from 0.2 to 0.001 (200x, chosen from the update size: 7.765"), found.fix


def test_a_log_likelihood_minimised_without_its_minus_at_a_healthy_rate_keeps_the_sign_advice():
    net = model(0)
    w = lossguard.watch(net, console=False)
    opt = torch.optim.Adam(net.parameters(), lr=1e-2)
    batch = task(0)
    for _ in range(150):
        x, y = batch()
        loss = w.observe(F.log_softmax(net(x), dim=1).gather(1, y[:, None]).mean() * 10)  # the minus forgotten
        opt.zero_grad()
        loss.backward()
        opt.step()
    w.close()
    found = [e for e in w.events if e.code == "LG107"]
    assert len(found) == 1 and "a term of the wrong sign" in found[0].message and "right after an update" not in found[0].message
    assert found[0].fix.startswith("Give the loss the input it expects"), found[0].fix
