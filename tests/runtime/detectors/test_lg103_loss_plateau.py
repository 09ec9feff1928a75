import math
import random

import pytest

from lossguard.errors import UsageError
from lossguard.runtime.detectors import LossPlateau, StepStats
from tests.runtime.detectors.roundtrip import assert_roundtrip


def stats(i, loss, **kw):
    kw.setdefault("updated", True)
    kw.setdefault("chance_loss", math.log(10))
    return StepStats(i, loss=loss, **kw)


def test_flat_loss_at_chance_is_reported_once():
    rng = random.Random(0)
    det = LossPlateau()
    found = [i for i in range(200) if det.update(stats(i, 2.303 + 0.03 * rng.gauss(0, 1), update_ratio=1e-7))]
    assert len(found) == 1 and found[0] < 60


def test_converged_loss_far_below_chance_is_silent():
    rng = random.Random(1)
    det = LossPlateau()
    assert all(det.update(stats(i, 0.05 + 0.005 * rng.gauss(0, 1))) is None for i in range(500))


def test_decreasing_loss_is_silent():
    det = LossPlateau()
    assert all(det.update(stats(i, 2.3 * math.exp(-i / 300))) is None for i in range(300))


def test_noisy_slow_start_is_silent():
    rng = random.Random(2)
    det = LossPlateau()
    for i in range(60):
        assert det.update(stats(i, 2.3 - 0.002 * i + 0.25 * rng.gauss(0, 1), update_ratio=1e-3)) is None


def test_warmup_and_skipped_steps_are_ignored():
    det = LossPlateau()
    assert all(det.update(stats(i, 2.303, lr=1e-5 * (i + 1))) is None for i in range(100))
    det = LossPlateau()
    assert all(det.update(stats(i, 2.303, updated=False)) is None for i in range(100))


def test_argument_errors():
    with pytest.raises(UsageError, match="Argument threshold should be a number between 0 and 1"):
        LossPlateau(threshold=2.0)
    with pytest.raises(UsageError, match="Argument max_window should be at least min_window"):
        LossPlateau(min_window=50, max_window=20)


def test_state_roundtrip():
    rng = random.Random(4)
    series = [stats(i, 2.303 + 0.02 * rng.gauss(0, 1), update_ratio=1e-7) for i in range(120)]
    assert len(assert_roundtrip(LossPlateau, series, split=35)) == 1


def test_a_loss_stuck_above_its_start_after_a_blow_up_counts_only_the_steps_since():
    # examples/watch_demo.py: 200 healthy steps down to 0.15, the learning rate raised to 20, the
    # loss jumps to about 22 and stays; the plateau message must not claim the whole fit window
    rng = random.Random(5)
    det = LossPlateau()
    healthy = [stats(i, 1.5 * math.exp(-i / 80) + 0.02 * rng.gauss(0, 1), chance_loss=1.607) for i in range(200)]
    stuck = [stats(200 + i, 22.0 + 0.5 * rng.gauss(0, 1), chance_loss=1.607, update_ratio=1e-7) for i in range(80)]
    found = [(s.step, f) for s in healthy + stuck if (f := det.update(s))]
    assert len(found) == 1
    step, finding = found[0]
    since = step - 199
    assert f"for the last {since} steps" in finding.message, finding.message
    assert finding.data["steps"] >= since  # the fit window itself is kept in the data


# BPR-pytorch (guoyang9/BPR-pytorch@a21fbcd main.py, docs/runtime.md round 8), its first 130
# losses: a summed BPR loss of 4,096 triplets from embeddings initialised at std 0.01 sits at
# 4096 ln 2 = 2839 and leaves it exponentially (0.1% in the first 50 steps, 0.8% by step 108, half
# by step 216); the last, smaller batch of each epoch (2,368 triplets) sums to about 1,640.
# fmt: off
BPR_HEALTHY = [2839.16, 2839.11, 2839.11, 2839.13, 2839.01, 2839.04, 2839.03, 2839.03, 2839.07, 2839.01, 2838.99, 2838.97, 2838.96, 2838.94, 2838.94, 2838.96, 2838.93, 1641.25, 2838.82, 2838.82, 2838.75, 2838.77, 2838.79, 2838.74, 2838.76, 2838.67, 2838.72, 2838.61, 2838.62, 2838.58, 2838.54, 2838.57, 2838.50, 2838.52, 2838.46, 1640.92, 2838.31, 2838.28, 2838.29, 2838.19, 2838.20, 2838.14, 2838.10, 2838.04, 2838.04, 2837.93, 2837.93, 2837.87, 2837.85, 2837.79, 2837.75, 2837.64, 2837.67, 1640.46, 2837.39, 2837.25, 2837.20, 2837.16, 2837.03, 2836.91, 2836.84, 2836.73, 2836.58, 2836.49, 2836.37, 2836.09, 2836.08, 2835.85, 2835.87, 2835.70, 2835.41, 1639.15, 2834.95, 2834.74, 2834.63, 2834.23, 2833.95, 2833.77, 2833.46, 2833.28, 2832.83, 2832.63, 2832.24, 2831.95, 2831.59, 2831.10, 2830.79, 2830.29, 2829.76, 1635.55, 2828.72, 2827.99, 2827.41, 2826.99, 2825.95, 2825.55, 2824.64, 2824.18, 2822.73, 2822.09, 2820.98, 2820.24, 2818.59, 2818.12, 2816.48, 2815.79, 2814.11, 1625.87, 2810.80, 2809.63, 2808.32, 2805.87, 2803.34, 2801.13, 2799.38, 2797.26, 2795.33, 2792.17, 2789.74, 2786.92, 2782.44, 2781.02, 2776.61, 2773.21, 2771.14, 1598.44, 2762.64, 2755.88, 2751.95, 2746.82]
# fmt: on


def test_a_loss_leaving_its_start_ever_faster_is_no_plateau():
    # the weights moved by 0.024 of their norm per step; LG103 called the run a plateau at step 107
    rng = random.Random(8)
    det = LossPlateau()
    assert all(det.update(stats(i, v, chance_loss=None, update_ratio=0.024)) is None for i, v in enumerate(BPR_HEALTHY))
    det = LossPlateau()
    series = [2839.07 - 0.1 * (math.exp(i / 20) - 1) + 0.01 * rng.gauss(0, 1) for i in range(130)]
    assert all(det.update(stats(i, v, chance_loss=None, update_ratio=0.023)) is None for i, v in enumerate(series))
    # the same run falling at a constant rate (a learning rate too small) is still a plateau
    det = LossPlateau()
    linear = [2839.07 - 0.03 * i + 0.01 * rng.gauss(0, 1) for i in range(130)]
    assert any(det.update(stats(i, v, chance_loss=None, update_ratio=0.023)) for i, v in enumerate(linear))


def test_a_run_that_began_above_twice_its_class_frequency_level_did_not_blow_up():
    # Pytorch-UNet with two classes (milesial/Pytorch-UNet@21d7850 train.py, docs/runtime.md round 8)
    # at lr 1e-7: the masks are mostly background (class-frequency entropy 0.21), the loss starts at
    # 0.65 (ln 2 for a fresh head) and stays, the weights move by 2e-5 of their norm per step. Its
    # highest batch, 0.686 at step 14, passed for a blow-up ("3.274x its chance level") and the fix
    # said "Lower the learning rate".
    rng = random.Random(9)
    det = LossPlateau()
    series = [0.6485 + 0.01 * rng.gauss(0, 1) for _ in range(60)]
    series[14] = 0.6862
    found = [f for i, v in enumerate(series) if (f := det.update(stats(i, v, chance_loss=0.2096, target_entropy=0.2096, update_ratio=2.1e-5)))]
    assert len(found) == 1 and found[0].fix.startswith("Raise the learning rate"), found


def _single_output_run(loss_fn, steps=60):
    """pytorch/examples' DDP tutorial shape (one process): a Linear(20, 1) on random inputs and float
    targets in [0, 1], SGD 1e-3, the given loss; returns the watcher after ``steps`` steps."""
    import torch

    import lossguard

    torch.manual_seed(0)
    net = torch.nn.Linear(20, 1)
    opt = torch.optim.SGD(net.parameters(), lr=1e-3)
    crit = lossguard.watch(net, loss_fn, console=False)
    before = net.weight.detach().clone()
    for _ in range(steps):
        x, y = torch.rand(32, 20), torch.rand(32, 1)
        opt.zero_grad()
        crit(net(x), y).backward()
        opt.step()
    crit.close()
    return crit, bool(torch.equal(before, net.weight.detach()))


def test_a_cross_entropy_over_one_output_is_identically_zero_and_reported():
    # The tutorial's own F.cross_entropy of an (N, 1) output against float targets: the log-softmax of a
    # single logit is 0, so the loss and every gradient are exactly 0 and the weights never move.
    import torch.nn.functional as F

    crit, unmoved = _single_output_run(F.cross_entropy)
    assert unmoved
    zero = [e for e in crit.events if e.code == "LG103"]
    assert [e.step for e in zero] == [29] and "exactly 0" in zero[0].message and "class axis of size 1" in zero[0].fix
    # its fix, MSELoss: silent (the loss moves, its gradients are not 0)
    crit, unmoved = _single_output_run(F.mse_loss)
    assert not unmoved and crit.events == []


def test_a_loss_at_zero_only_later_or_with_a_gradient_is_no_identically_zero_loss():
    det = LossPlateau()
    # a hinge loss met from the start but with gradient norms measured nonzero once
    assert all(det.update(stats(i, 0.0, grad_norm=0.0 if i != 3 else 0.2, chance_loss=None)) is None for i in range(100))
    det = LossPlateau()
    # a loss at 0 from step 5 on (a memorised batch): the test ends at the first nonzero loss
    found = [det.update(stats(i, 0.5 if i < 5 else 0.0, grad_norm=0.0, chance_loss=None)) for i in range(100)]
    assert not any(f is not None and "exactly 0 at every step" in f.message for f in found)


def _relu_logits_run(relu: bool, steps: int = 80):
    """Ludobico/Pytorch_KOGPT2.5@1487e03 Pytorch_lightning/01_tutorial.py's model and loop (PyTorch Lightning's early
    README example) without Lightning: one Linear(784, 10), its forward ``torch.relu`` of the logits (the script's
    own) or the logits, F.cross_entropy, Adam 0.02, batches of one example; ten noisy binary prototypes stand in
    for MNIST. Returns the watcher and the losses."""
    import torch
    import torch.nn.functional as F

    import lossguard

    torch.manual_seed(0)
    g = torch.Generator().manual_seed(7)
    protos = (torch.rand(10, 784, generator=g) < 0.2).float()
    net = torch.nn.Linear(784, 10)
    opt = torch.optim.Adam(net.parameters(), lr=2e-2)
    crit = lossguard.watch(net, F.cross_entropy, console=False)
    losses = []
    for _ in range(steps):
        y = torch.randint(0, 10, (1,), generator=g)
        x = protos[y] + 0.3 * torch.rand(1, 784, generator=g)
        out = net(x)
        loss = crit(torch.relu(out) if relu else out, y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    crit.close()
    return crit, losses


def test_logits_through_a_relu_that_pass_no_gradient_are_not_told_to_raise_the_learning_rate():
    # round 17's lightning-mnist, the script's own ReLU on the logits: within 5 steps every logit is below 0,
    # the loss is ln 10 at every step after and every gradient exactly 0; LG103's fit reported it at step 227
    # with "Raise the learning rate from 0.02 to 4 (200x, chosen from the update size ...)": Adam's update was
    # its dying momentum, and no learning rate moves a zero gradient
    crit, losses = _relu_logits_run(relu=True)
    assert losses[-1] == pytest.approx(math.log(10)) and len(set(losses[-40:])) == 1, losses
    found = [e for e in crit.events if e.code == "LG103"]
    assert len(found) == 1 and found[0].step < 60, crit.events
    assert "every gradient norm measured on them exactly 0" in found[0].message, found[0].message
    assert "torch.relu or a clamp on the logits" in found[0].fix and "Raise the learning rate" not in found[0].fix, found[0].fix
    # the raw logits: the loss moves, no LG103
    crit, losses = _relu_logits_run(relu=False)
    assert [e for e in crit.events if e.code == "LG103"] == [] and len(set(losses[-40:])) > 1


def test_a_constant_loss_with_a_gradient_measured_is_not_one_without_gradient():
    # the same value to the bit with a nonzero gradient norm among the steps (a saturated but live loss): no report
    det = LossPlateau()
    found = [det.update(stats(i, 2.302585, grad_norm=1e-9 if i % 10 == 0 else 0.0, chance_loss=None)) for i in range(60)]
    assert not any(f is not None and "exactly 0 (" in f.message for f in found), found


# round 20 ------------------------------------------------------------------ a loss of either sign, weights that never moved


def test_a_policy_gradient_at_a_rate_far_too_small_is_reported_by_its_updates():
    # minimalRL's ACER at Adam 1e-7 (docs/runtime.md round 20): a loss of either sign is not judged by its level, so
    # LG103 said nothing in 360 steps while the head moved by 1e-6 of its norm a step. pytorch/examples reinforce.py's
    # loop at Adam 1e-7 (the base code: no event in 80 episodes) moves it by at most 1.6e-6 since the first step
    from tests.runtime.fault_injection import scenarios as sc

    out = sc.policy_gradient_cartpole(0, episodes=80, lr=1e-7)
    found = [e for e in out.events if e.severity in ("warning", "error")]
    assert [(e.code, e.step) for e in found] == [("LG103", 32)], out.events
    assert "have moved by at most" in found[0].message and "has not left its initialisation" in found[0].message
    assert found[0].fix.startswith("Raise the learning rate from 1e-07 to 0.0001 (1000x, chosen from the update size")


def _signed(i, update=None, lr=1e-3):
    # a policy-gradient loss: about 0, below zero from step 2
    return stats(i, (-0.05 if i % 3 == 2 else 0.04), chance_loss=None, update_ratio=update, lr=lr)


def test_a_loss_of_either_sign_whose_weights_moved_once_is_not_told_to_raise_the_rate():
    # updates of healthy size first, then tiny (a schedule that ends near 0, a converged policy): silent
    det = LossPlateau()
    assert all(det.update(_signed(i, 1e-3 if i < 16 else 1e-7)) is None for i in range(200))
    # a warm-up from 0: the rate rises while the updates are tiny
    det = LossPlateau()
    assert all(det.update(_signed(i, 1e-7 * (i + 1) / 100, lr=1e-8 * (i + 1))) is None for i in range(100))
    # a frozen head (no update at all) and a hand-written update (no rate known)
    for update, lr in ((0.0, 1e-3), (1e-7, None)):
        det = LossPlateau()
        assert all(det.update(_signed(i, update, lr=lr)) is None for i in range(100))
    # the same loss with updates of 1e-7 from the first step: reported once, at the first measured step from step 30
    det = LossPlateau()
    found = [i for i in range(200) if det.update(_signed(i, 1e-7 if i < 16 or i % 8 == 0 else None))]
    assert found == [32]


def test_state_roundtrip_keeps_the_largest_update():
    series = [_signed(i, 1e-3 if i < 16 else 1e-7) for i in range(120)]
    assert assert_roundtrip(LossPlateau, series, split=20) == []
