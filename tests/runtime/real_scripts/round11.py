"""Round 11's real scripts (docs/runtime.md "On real scripts, round 11"): kinds not covered before.

``SDT``: xuyxu/Soft-Decision-Tree at 9b02e63 (``main.py``, ``SDT.py``), a soft decision tree on
MNIST: one ``Linear`` computes every inner node's routing (a sigmoid), the leaves are a ``Linear``
on the path probabilities, ``CrossEntropyLoss`` with the tree's penalty added in place
(``loss += penalty``), Adam with weight decay. ``MAML``: dragen1860/MAML-Pytorch at 98a00d4
(``omniglot_train.py``, ``meta.py``, ``learner.py``, ``omniglotNShot.py``), model-agnostic
meta-learning on Omniglot: per task, inner updates by ``torch.autograd.grad`` on functional
"fast weights", query losses under ``torch.no_grad`` and with a graph, one Adam step on the mean
query loss of the last inner update. Fetched into ``--src`` as the other scripts are (folders
``Soft-Decision-Tree`` and ``MAML-Pytorch``); ``run.py`` runs them. The data is generated:
stand-in MNIST (``shim/torchvision``), and 250 Omniglot-like characters of 20 drawings each.
"""

from __future__ import annotations

from pathlib import Path

from tests.runtime.real_scripts.round8 import FAULT
from tests.runtime.real_scripts.round9 import ANY
from tests.runtime.real_scripts.run import ENV_FLOAT, Fault, Script


def _first(faults: list[Fault]) -> dict:
    f = faults[0]
    return {"fault": f.name, "fault_args": f.args, "fault_env": f.env, "expected": f.expected, "onset": f.onset, "extra": faults[1:]}


def _lr_env(default: float) -> list[Fault]:
    """The learning-rate faults through LG_LR: x100, x1000 and 1e-7."""
    out = [Fault(f"lr x{k} ({default * k:g})", env={"LG_LR": repr(default * k)}, expected=ANY) for k in (100, 1000)]
    out.append(Fault("lr 1e-7", env={"LG_LR": "1e-7"}, expected=("LG103",)))
    return out


SHUFFLED = Fault("labels of other examples (shuffled in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",))

SCRIPTS11 = [
    Script(
        "SDT",
        "Soft-Decision-Tree",
        "main.py",
        [
            ("    lr = 1e-3 ", "    lr = " + ENV_FLOAT.format("LG_LR", "1e-3") + " "),
            ("    epochs = 50 ", "    epochs = 1 "),
            (
                "    criterion = nn.CrossEntropyLoss()\n",
                "    import lgrun\n    criterion = lgrun.watch(tree, nn.CrossEntropyLoss())\n",
            ),
            (
                "            target_onehot = onehot_coding(target, device, output_dim)\n",
                "            data, target = lgrun.nan_batch(data), lgrun.shuffled(target)\n"
                "            target_onehot = onehot_coding(target, device, output_dim)\n",
            ),
            (
                "            loss = criterion(output, target.view(-1))\n",
                f"            loss = criterion(output.softmax(1) if {FAULT.format('softmax')} else output, target.view(-1))\n",
            ),
        ],
        [],
        env={"LG_EXAMPLES": str(128 * 200)},
        # LG_FAULT=nan_batch also puts a NaN into the stand-in MNIST's image 3200, which the shuffled
        # loader serves before batch 50 (in batch 20 here): the onset is the first step
        **_first(
            _lr_env(1e-3)
            + [
                Fault("a NaN pixel in one training image (and in batch 50)", env={"LG_FAULT": "nan_batch"}, expected=("LG101",)),
                SHUFFLED,
                Fault("softmax before CrossEntropyLoss", env={"LG_FAULT": "softmax"}, expected=("LG001",)),
            ]
        ),
    ),
    Script(
        "MAML",
        "MAML-Pytorch",
        "omniglot_train.py",
        [
            ("    device = torch.device('cuda')\n", "    device = torch.device('cpu')\n"),
            # the test pass at step 0 (every 500 steps): 40 tasks instead of 1,000
            ("            for _ in range(1000//args.task_num):\n", "            for _ in range(40//args.task_num):\n"),
            (
                "        accs = maml(x_spt, y_spt, x_qry, y_qry)\n",
                "        x_spt, y_qry = __import__('lgrun').nan_batch(x_spt), __import__('lgrun').shuffled(y_qry.flatten()).view_as(y_qry)\n"
                "        accs = maml(x_spt, y_spt, x_qry, y_qry)\n",
            ),
        ],
        ["--epoch", "150", "--task_num", "4", "--update_step", "3", "--k_qry", "5"],
        file_patches={
            "meta.py": [
                (
                    "        self.meta_optim = optim.Adam(self.net.parameters(), lr=self.meta_lr)\n",
                    "        self.meta_optim = optim.Adam(self.net.parameters(), lr=self.meta_lr)\n"
                    "        import types, lgrun\n"
                    "        self.lg_F = types.SimpleNamespace(cross_entropy=lgrun.watch(self.net, F.cross_entropy), softmax=F.softmax)\n",
                ),
                # forward's F.cross_entropy calls go through the watcher (finetunning's, a test pass on a copy, do not)
                (
                    "    def forward(self, x_spt, y_spt, x_qry, y_qry):\n",
                    "    def forward(self, x_spt, y_spt, x_qry, y_qry):\n        F = self.lg_F\n",
                ),
            ],
            "omniglotNShot.py": [
                # numpy >= 1.24 has no np.int; 250 generated characters: 200 to train, 50 to test
                ("y_spts = np.array(y_spts).astype(np.int)", "y_spts = np.array(y_spts).astype(np.int64)"),
                ("y_qrys = np.array(y_qrys).astype(np.int)", "y_qrys = np.array(y_qrys).astype(np.int64)"),
                ("self.x[:1200], self.x[1200:]", "self.x[:200], self.x[200:]"),
            ],
        },
        **_first(
            [Fault(f"meta lr x{k} (Adam {1e-3 * k:g})", args=["--meta_lr", repr(1e-3 * k)], expected=ANY) for k in (100, 1000)]
            + [
                Fault("meta lr 1e-7", args=["--meta_lr", "1e-7"], expected=("LG103",)),
                Fault("a NaN in batch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
                Fault("query labels of other tasks' examples (shuffled)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
            ]
        ),
    ),
]


def _omniglot_like(work: Path) -> None:
    """250 characters, 20 drawings each (28x28, ink 1 on 0): a character is 3 random strokes; a
    drawing shifts it by up to 2 pixels, moves each stroke's ends by up to 1 and adds a little noise."""
    import numpy as np

    rng = np.random.default_rng(0)
    out = np.zeros((250, 20, 1, 28, 28), dtype=np.float32)
    for c in range(250):
        strokes = rng.uniform(5, 22, size=(3, 2, 2))
        for d in range(20):
            shift = rng.integers(-2, 3, size=2)
            img = np.zeros((28, 28), dtype=np.float32)
            for a, b in strokes + rng.uniform(-1, 1, size=(3, 2, 2)):
                for t in np.linspace(0, 1, 24):
                    x, y = (a + t * (b - a) + shift).round().astype(int).clip(0, 27)
                    img[y, x] = 1.0
            out[c, d, 0] = np.clip(img + 0.05 * rng.standard_normal((28, 28)), 0, 1)
    (work / "omniglot").mkdir()
    np.save(work / "omniglot" / "omniglot.npy", out)


def prepare(script: Script, work: Path) -> None:
    """Data the scripts read from disk, generated in their working folder."""
    if script.name == "MAML":
        _omniglot_like(work)
