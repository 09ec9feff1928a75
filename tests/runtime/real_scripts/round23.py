"""Round 23's real scripts (docs/runtime.md "On real scripts, round 23"): kinds not covered before.

``kd-tutorial``: pytorch/tutorials at 035c541 (``beginner_source/knowledge_distillation_tutorial.py``, its code
without the prose comments, up to the cosine-loss section): Hinton's distillation of a CNN teacher (``DeepNN``,
trained first with cross-entropy) into a smaller student (``LightNN``) at temperature 2, the loss 0.25 x the soft-target
term x T^2 + 0.75 x the cross-entropy on the labels, Adam 1e-3. The tutorial writes the soft-target term by hand
(``-sum(soft_targets * log_softmax(student / T)) / N``, the cross-entropy of the soft targets); here it is the same
term through a watched ``nn.KLDivLoss(reduction="batchmean")`` of the same two tensors, the form most distillation code
uses: the same gradient, the value less the teacher's entropy (a constant of each batch). The teacher's convolutions at
a quarter of their widths (32-16-16-32 channels, the same 2,048 features into its classifier; the tutorial's took over 10
minutes for 100 steps on the shared CPU). ``shim_pil``'s CIFAR10 (3,200 images), batch 32 instead of 128, no loader workers; the teacher 1 epoch (100 steps, not watched) instead of 10, the
student's cross-entropy baseline not trained (0 epochs), the distillation 2 epochs (200 steps) instead of 10; the run
stops after the distilled student's test.

``cosine-tutorial``: the same file's next section: the student's flattened features pulled towards the teacher's
(average-pooled to the same 1,024) by a watched ``nn.CosineEmbeddingLoss`` with all-ones targets, 0.25 x that + 0.75 x
the cross-entropy, Adam 1e-3, 2 epochs (200 steps); the distillation section is skipped (0 epochs).
"""

from __future__ import annotations

from pathlib import Path

from tests.runtime.real_scripts.round8 import _first, _lr, lr_faults
from tests.runtime.real_scripts.run import Fault, Script

FAULT = "__import__('os').environ.get('LG_FAULT')"


def _narrow(cls: str) -> tuple[str, str]:
    """The teacher class ``cls`` at a quarter of its convolutions' widths (128-64-64-32 to 32-16-16-32: the same 2,048
    flattened features); the full widths took over 10 minutes for the teacher's 100 steps on the shared machine."""
    head = f"class {cls}(nn.Module):\n    def __init__(self, num_classes=10):\n        super({cls}, self).__init__()\n        self.features = nn.Sequential(\n"
    body = (
        "            nn.Conv2d(3, {a}, kernel_size=3, padding=1),\n            nn.ReLU(),\n"
        "            nn.Conv2d({a}, {b}, kernel_size=3, padding=1),\n            nn.ReLU(),\n"
        "            nn.MaxPool2d(kernel_size=2, stride=2),\n"
        "            nn.Conv2d({b}, {b}, kernel_size=3, padding=1),\n            nn.ReLU(),\n"
        "            nn.Conv2d({b}, 32, kernel_size=3, padding=1),\n"
    )
    return head + body.format(a=128, b=64), head + body.format(a=32, b=16)


_COMMON = [
    _narrow("DeepNN"),
    _narrow("ModifiedDeepNNCosine"),
    ("batch_size=128, shuffle=True, num_workers=2)", "batch_size=32, shuffle=True, num_workers=0)"),
    ("batch_size=128, shuffle=False, num_workers=2)", "batch_size=32, shuffle=False, num_workers=0)"),
    ("import torch\nimport torch.nn as nn\n", "import torch\nimport torch.nn as nn\nimport lgrun\n"),
    ("train(nn_deep, train_loader, epochs=10,", "train(nn_deep, train_loader, epochs=1,"),
    ("train(nn_light, train_loader, epochs=10,", "train(nn_light, train_loader, epochs=0,"),
]

SCRIPTS23 = [
    Script(
        "kd-tutorial",
        "tutorials",
        "knowledge_distillation_tutorial.py",
        _COMMON
        + [
            (
                "    ce_loss = nn.CrossEntropyLoss()\n    optimizer = optim.Adam(student.parameters(), lr=learning_rate)\n\n    teacher.to(device)\n    student.to(device)\n    teacher.eval()  # Teacher set to evaluation mode\n    student.train() # Student to train mode\n\n    for epoch in range(epochs):\n        running_loss = 0.0\n        for inputs, labels in train_loader:\n            inputs, labels = inputs.to(device), labels.to(device)\n\n            optimizer.zero_grad()\n\n            with torch.no_grad():\n                teacher_logits",
                "    ce_loss = nn.CrossEntropyLoss()\n    kl = lgrun.watch(student, nn.KLDivLoss(reduction='batchmean'))\n    optimizer = optim.Adam(student.parameters(), lr=learning_rate)\n\n    teacher.to(device)\n    student.to(device)\n    teacher.eval()  # Teacher set to evaluation mode\n    student.train() # Student to train mode\n\n    for epoch in range(epochs):\n        running_loss = 0.0\n        for inputs, labels in train_loader:\n            inputs, labels = inputs.to(device), labels.to(device)\n            inputs = lgrun.nan_batch(inputs)\n\n            optimizer.zero_grad()\n\n            with torch.no_grad():\n                teacher_logits",
            ),
            (
                "            soft_prob = nn.functional.log_softmax(student_logits / T, dim=-1)\n",
                "            soft_prob = nn.functional.log_softmax(student_logits / T, dim=-1)\n"
                f"            if {FAULT} == 'probabilities': soft_prob = nn.functional.softmax(student_logits / T, dim=-1)\n"
                f"            if {FAULT} == 'shuffled_targets': soft_targets = soft_targets[torch.randperm(len(soft_targets))]\n",
            ),
            (
                "            soft_targets_loss = -torch.sum(soft_targets * soft_prob) / soft_prob.size()[0] * (T**2)\n",
                "            soft_targets_loss = kl(soft_prob, soft_targets) * (T**2)\n",
            ),
            (
                "train_loader=train_loader, epochs=10, learning_rate=0.001, T=2,",
                f"train_loader=train_loader, epochs=2, learning_rate={_lr('0.001')}, T=2,",
            ),
            (
                'print(f"Student accuracy with CE + KD: {test_accuracy_light_ce_and_kd:.2f}%")\n',
                'print(f"Student accuracy with CE + KD: {test_accuracy_light_ce_and_kd:.2f}%")\nraise SystemExit(0)\n',
            ),
        ],
        [],
        env={"LG_EXAMPLES": "3200"},
        shim="shim_pil",
        **_first(
            lr_faults(0.001)
            + [
                Fault(
                    "softmax instead of log_softmax for the student (probabilities into KLDivLoss)",
                    env={"LG_FAULT": "probabilities"},
                    expected=("LG008",),
                ),
                Fault("soft targets of other images (shuffled in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
                Fault("a NaN pixel in batch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
            ]
        ),
    ),
    Script(
        "cosine-tutorial",
        "tutorials",
        "knowledge_distillation_tutorial.py",
        _COMMON
        + [
            ("train_loader=train_loader, epochs=10, learning_rate=0.001, T=2,", "train_loader=train_loader, epochs=0, learning_rate=0.001, T=2,"),
            ("    cosine_loss = nn.CosineEmbeddingLoss()\n", "    cosine_loss = lgrun.watch(student, nn.CosineEmbeddingLoss())\n"),
            (
                "                _, teacher_hidden_representation = teacher(inputs)\n",
                "                _, teacher_hidden_representation = teacher(inputs)\n"
                f"                if {FAULT} == 'shuffled_targets': teacher_hidden_representation = teacher_hidden_representation[torch.randperm(len(inputs))]\n",
            ),
            (
                "train_loader=train_loader, epochs=10, learning_rate=0.001, hidden_rep_loss_weight=0.25,",
                f"train_loader=train_loader, epochs=2, learning_rate={_lr('0.001')}, hidden_rep_loss_weight=0.25,",
            ),
        ],
        [],
        env={"LG_EXAMPLES": "3200"},
        shim="shim_pil",
        **_first(
            lr_faults(0.001)
            + [Fault("teacher features of other images (shuffled in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",))]
        ),
    ),
]


def prepare(script: Script, work: Path) -> None:
    """Nothing to generate: shim_pil's CIFAR10 makes its own pictures."""


def _small(name: str, new: str, args: list[str] | None = None, env: dict[str, str] | None = None, keep: tuple[str, ...] = ()) -> Script:
    """Round 22's script ``name`` cut to run in under 3 minutes on the shared machine (round 22's "What is left"):
    fewer steps, the faults ``keep`` names (Fault.name prefixes) only."""
    from tests.runtime.real_scripts.round22 import SCRIPTS22

    s = next(s for s in SCRIPTS22 if s.name == name)
    faults = [f for _, f in s.faults() if f.name.startswith(keep)]
    return Script(**{**s.__dict__, "name": new, "args": args if args is not None else s.args, "env": {**s.env, **(env or {})}, **_first(faults)})


# neural-ode: 120 iterations of the 300 (the script's 2,000), the full-trajectory check every 60;
# style-transfer: 80 steps of the 150 (320 synthetic pictures, batch 4)
SCRIPTS23 += [
    _small(
        "neural-ode", "neural-ode-120", ["--adjoint", "--niters", "120", "--test_freq", "60"], keep=("lr x1000", "lr 1e-7", "trajectories of other")
    ),
    _small("style-transfer", "style-transfer-80", env={"LG_EXAMPLES": str(4 * 80)}, keep=("lr x1000", "lr 1e-7", "a NaN pixel")),
]
