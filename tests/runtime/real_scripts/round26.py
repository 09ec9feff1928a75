"""Round 26's real scripts (docs/runtime.md "Round 36: the watcher on real runs, round 26").

``wgan-gp``: eriklindernoren/PyTorch-GAN at 36d3c77 (``implementations/wgan_gp/wgan_gp.py``): a Wasserstein GAN
with a gradient penalty, two Adam optimizers (2e-4, betas 0.5/0.999), the critic stepped on every batch and the
generator on every fifth; the critic's loss ``-mean(D(real)) + mean(D(fake)) + 10 * GP`` where GP is
``(||d D(x_hat) / d x_hat|| - 1)^2`` from ``autograd.grad(create_graph=True)`` (a backward through a gradient),
and the fake images are not detached for the critic (its backward also fills the generator's gradients, which
``optimizer_G.zero_grad()`` clears on every batch, generator step or not). Both losses take either sign. Two
watchers: ``watch_model(discriminator)`` with ``observe(d_loss)`` and ``watch_model(generator)`` with
``observe(g_loss)``. Synthetic digits (``shim_pil``), 300 batches of 64 in one epoch (60 generator steps).

``cgan``: the same repository, ``implementations/cgan/cgan.py``: a conditional GAN (label embeddings concatenated to
the generator's noise and to the discriminator's flattened image, dropout in the discriminator) trained with the
least-squares loss (``MSELoss`` against targets 1 and 0), the generator first, then the discriminator on the real
and the detached fake batch, ``d_loss = (d_real + d_fake) / 2``: one watched criterion per network,
``watch(generator, adversarial_loss)`` and ``watch(discriminator, adversarial_loss)`` (the script's one
``MSELoss`` wrapped twice; the discriminator's watcher is called twice per step). 200 batches of 64.

``kd-logit-stand``: Joyful-Buffalo/simplest-knowledge-distillation at fe45774 (``logit_stand_kd_run.py``, with its
``simplest_models`` and ``utils``): a teacher CNN trained in the same script (its step 1, ``CrossEntropyLoss``,
Adam 0.01), then a student CNN distilled from it (step 3) with logit standardisation: both networks' logits
z-scored per example and divided by the temperature 2 before ``log_softmax``/``softmax`` into
``KLDivLoss(reduction='batchmean')``, times T^2, plus the label cross-entropy, alpha 0.5. Two watchers: the
teacher's criterion in ``train_main`` and the student's ``KLDivLoss`` (``soft_loss``). Steps 2 and 4-7 (baseline
students, the MLP) not run; 2 epochs of 150 batches of 64 for each of the two networks instead of 10 epochs of
batches of 1,024; the loaders without worker processes. The faults change the distillation only.

``kd-vanilla``: the same repository's ``vanilla_kd_run.py`` (Hinton's distillation: the logits divided by T = 2, no
standardisation), run as kd-logit-stand is.
"""

from __future__ import annotations

from tests.runtime.real_scripts.round8 import _first, _lr, lr_faults
from tests.runtime.real_scripts.run import Fault, Script

FAULT = "__import__('os').environ.get('LG_FAULT')"

_GAN_DATA = [
    ('os.makedirs("../../data/mnist", exist_ok=True)', 'os.makedirs("data/mnist", exist_ok=True)'),
    ('        "../../data/mnist",\n', '        "data/mnist",\n'),
]

_NAN = Fault("a NaN pixel in batch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49)

WGAN_GP = Script(
    "wgan-gp",
    "PyTorch-GAN/wgan_gp",
    "wgan_gp.py",
    [
        ("        d_loss.backward()\n", "        d_loss = LGD.observe(d_loss)\n        d_loss.backward()\n"),
        ("            g_loss.backward()\n", "            g_loss = LGG.observe(g_loss)\n            g_loss.backward()\n"),
        ("# Optimizers\n", "import lgrun\nLGD, LGG = lgrun.watch_model(discriminator), lgrun.watch_model(generator)\n# Optimizers\n"),
        ("        real_imgs = Variable(imgs.type(Tensor))\n", "        real_imgs = lgrun.nan_batch(Variable(imgs.type(Tensor)))\n"),
        (
            "lambda_gp * gradient_penalty\n",
            f"lambda_gp * gradient_penalty * (-1 if {FAULT} == 'gp_subtracted' else 1)\n",
        ),
        *_GAN_DATA,
    ],
    ["--n_epochs", "1", "--n_cpu", "0", "--sample_interval", "100000"],
    env={"LG_EXAMPLES": str(64 * 300)},
    shim="shim_pil",
    **_first(
        [
            Fault("lr x100 (Adam 0.02)", ["--lr", "0.02"], expected=("LG101", "LG102", "LG104", "LG105", "LG106")),
            Fault("lr x1000 (Adam 0.2)", ["--lr", "0.2"], expected=("LG101", "LG102", "LG104", "LG105", "LG106")),
            Fault("lr 1e-7", ["--lr", "1e-7"], expected=("LG103",)),
            _NAN,
            Fault("the gradient penalty subtracted (a sign error)", env={"LG_FAULT": "gp_subtracted"}, expected=("LG101", "LG102", "LG106", "LG107")),
        ]
    ),
)

CGAN = Script(
    "cgan",
    "PyTorch-GAN/cgan",
    "cgan.py",
    [
        (
            "# Optimizers\n",
            "import lgrun\nLGG, LGD = lgrun.watch(generator, adversarial_loss), lgrun.watch(discriminator, adversarial_loss)\n# Optimizers\n",
        ),
        ("        g_loss = adversarial_loss(validity, valid)\n", "        g_loss = LGG(validity, valid)\n"),
        ("        d_real_loss = adversarial_loss(validity_real, valid)\n", "        d_real_loss = LGD(validity_real, valid)\n"),
        ("        d_fake_loss = adversarial_loss(validity_fake, fake)\n", "        d_fake_loss = LGD(validity_fake, fake)\n"),
        ("        real_imgs = Variable(imgs.type(FloatTensor))\n", "        real_imgs = lgrun.nan_batch(Variable(imgs.type(FloatTensor)))\n"),
        (
            "adversarial_loss = torch.nn.MSELoss()\n",
            f"adversarial_loss = torch.nn.BCELoss() if {FAULT} == 'bce_on_scores' else torch.nn.MSELoss()\n",
        ),
        *_GAN_DATA,
    ],
    ["--n_epochs", "1", "--n_cpu", "0", "--sample_interval", "100000"],
    env={"LG_EXAMPLES": str(64 * 200)},
    shim="shim_pil",
    **_first(
        [
            Fault("lr x100 (Adam 0.02)", ["--lr", "0.02"], expected=("LG101", "LG102", "LG104", "LG105", "LG106")),
            Fault("lr x1000 (Adam 0.2)", ["--lr", "0.2"], expected=("LG101", "LG102", "LG104", "LG105", "LG106")),
            Fault("lr 1e-7", ["--lr", "1e-7"], expected=("LG103",)),
            _NAN,
            Fault(
                "BCELoss on the discriminator's unbounded scores (no sigmoid)",
                env={"LG_FAULT": "bce_on_scores"},
                expected=("LG002", "LG101"),
            ),
        ]
    ),
)

_KD_SWAP = f"{FAULT} == 'kl_swapped'"
_KD_PROBS = f"{FAULT} == 'kl_probabilities'"

KD_LOGIT_STAND = Script(
    "kd-logit-stand",
    "simplest-kd",
    "logit_stand_kd_run.py",
    [
        (
            "import torch\nfrom torch import nn\n",
            "import torch, lgrun\nfrom torch import nn\n\n\ndef _nan_at_50(x, _seen=[0]):\n    _seen[0] += 1\n"
            f"    if {FAULT} == 'nan_student' and _seen[0] == 50:\n        x = x.clone()\n        x.view(-1)[0] = float('nan')\n"
            "    return x\n",
        ),
        ("    criterion = nn.CrossEntropyLoss()\n", "    criterion = lgrun.watch(teacher_model, nn.CrossEntropyLoss())\n"),
        ("    max_acc = 0\n    for epoch in range(10):\n        train_model(", "    max_acc = 0\n    for epoch in range(2):\n        train_model("),
        ("    max_acc = 0\n    for epoch in range(10):\n        for images", "    max_acc = 0\n    for epoch in range(2):\n        for images"),
        (
            "    soft_loss = nn.KLDivLoss(reduction='batchmean')\n",
            "    soft_loss = lgrun.watch(student_model, nn.KLDivLoss(reduction='batchmean'))\n",
        ),
        (
            "torch.optim.Adam(student_model.parameters(), lr=0.01,",
            f"torch.optim.Adam(student_model.parameters(), lr={_lr('0.01')},",
        ),
        (
            "            images, labels = images.to(device), labels.to(device)\n            optimizer.zero_grad()\n"
            "            outputs = student_model(images)\n",
            "            images, labels = _nan_at_50(images.to(device)), labels.to(device)\n            optimizer.zero_grad()\n"
            "            outputs = student_model(images)\n",
        ),
        (
            "soft_loss(F.log_softmax(student_std, dim=1),\n                                        F.softmax(teacher_std, dim=1))",
            f"(soft_loss(F.softmax(teacher_std, dim=1), F.log_softmax(student_std, dim=1)) if {_KD_SWAP} else "
            f"soft_loss(F.softmax(student_std, dim=1), F.softmax(teacher_std, dim=1)) if {_KD_PROBS} else "
            "soft_loss(F.log_softmax(student_std, dim=1), F.softmax(teacher_std, dim=1)))",
        ),
        (
            "    student_cnn_acc = train_main(train_dataloader, test_dataloader, student_cnn, device)\n",
            "    student_cnn_acc = 0.0\n",
        ),
        (
            "    print(f'Accuracy of the Distillation Space StudentCnn on the test images: {student_cnn_space_acc:.2f}')\n",
            "    print(f'Accuracy of the Distillation Space StudentCnn on the test images: {student_cnn_space_acc:.2f}')\n"
            "    print(f'Teacher acc: {teacher_acc:.2f}')\n    return\n",
        ),
    ],
    [],
    env={"LG_EXAMPLES": str(64 * 150)},
    file_patches={
        "utils/dataset/mnist.py": [
            ("        batch_size=1024,\n        shuffle=True,", "        batch_size=64,\n        shuffle=True,"),
            ("        batch_size=1024,\n        shuffle=False,", "        batch_size=256,\n        shuffle=False,"),
            (
                "        num_workers=8,\n        generator=g,\n        persistent_workers=True\n    )\n    test_loader",
                "        num_workers=0,\n        generator=g,\n    )\n    test_loader",
            ),
            (
                "        num_workers=8,\n        generator=g,\n        persistent_workers=True\n    )\n    return",
                "        num_workers=0,\n        generator=g,\n    )\n    return",
            ),
        ]
    },
    **_first(
        lr_faults(0.01)
        + [
            # not the shim's nan_batch (a NaN in the data set, which the teacher meets first)
            Fault("a NaN pixel in distillation batch 50", env={"LG_FAULT": "nan_student"}, expected=("LG101",), onset=49),
            Fault("KLDivLoss's arguments swapped (teacher probabilities as input)", env={"LG_FAULT": "kl_swapped"}, expected=("LG008",)),
            Fault("the student's probabilities into KLDivLoss (no log)", env={"LG_FAULT": "kl_probabilities"}, expected=("LG008",)),
        ]
    ),
)

_SOFT = "soft_loss(F.log_softmax(student_std, dim=1),\n                                        F.softmax(teacher_std, dim=1))"
_VANILLA_SOFT = (
    "soft_loss(F.log_softmax(outputs / temperature, dim=1),\n                                        F.softmax(teacher_outputs / temperature, dim=1))"
)


def _vanilla(patch: tuple[str, str]) -> tuple[str, str]:
    """A patch of kd-logit-stand for vanilla_kd_run.py: the temperature-scaled logits instead of the z-scored ones."""
    old, new = patch
    if old != _SOFT:
        return patch
    return _VANILLA_SOFT, new.replace("student_std", "outputs / temperature").replace("teacher_std", "teacher_outputs / temperature")


# ``kd-vanilla``: the same repository's ``vanilla_kd_run.py``, Hinton's distillation (logits divided by T = 2, no
# standardisation), run as kd-logit-stand is
KD_VANILLA = Script(
    **{
        **KD_LOGIT_STAND.__dict__,
        "name": "kd-vanilla",
        "main": "vanilla_kd_run.py",
        "patches": [_vanilla(p) for p in KD_LOGIT_STAND.patches],
    }
)

SCRIPTS26: list[Script] = [WGAN_GP, CGAN, KD_LOGIT_STAND, KD_VANILLA]
