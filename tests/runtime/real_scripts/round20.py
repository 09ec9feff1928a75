"""Round 20's real scripts (docs/runtime.md "On real scripts, round 20"): kinds not covered before.

``unet-dice``: usuyama/pytorch-unet at a0ec137 (``pytorch_unet.ipynb``, its dataset, model and training cells, with
``pytorch_unet.py``, ``loss.py`` and ``simulation.py``): semantic segmentation of six synthetic shape classes (the
repository's own generator: triangles, circles, squares, a mesh and a plus drawn into one image, one mask per
shape) by a U-Net, the loss ``calc_loss``: ``binary_cross_entropy_with_logits`` plus the Dice loss of the sigmoid,
0.5 each, as the criterion (``lossguard.watch(model, calc_loss)``; its validation calls run under ``no_grad``).
Adam 1e-4 with StepLR; images 64x64 instead of 192x192, the U-Net's widths a quarter (16-128 channels), 2,000
training images in batches of 25 (80 steps an epoch), 2 epochs instead of 40. ``transforms.ToTensor`` is
``shim_pil``'s (a uint8 HWC array to a CHW float tensor, as torchvision's).

``graphsage``: williamleif/graphsage-simple at d3105e5 (``graphsage/model.py`` ``run_cora``, with ``encoders.py`` and
``aggregators.py``): supervised GraphSAGE on Cora, two mean-aggregator layers sampling 5 neighbours each, a
weight-matrix head and ``nn.CrossEntropyLoss`` (watched, called by the model's ``loss`` method), SGD 0.7, batches of
256 training nodes. Stand-in Cora (``cora.content`` is not in the snapshot): 2,708 papers of 7 classes with Cora's
class sizes, 1,433 binary word features (each class favours its own words), 5,429 citations, 80% within a class.
300 batches instead of 100; the Python 2 prints and ``map`` written for Python 3.

``tiny-diffusion``: tanelp/tiny-diffusion at 726b6bb (``ddpm.py`` with ``datasets.py`` and
``positional_embeddings.py``): a DDPM on 2-D points (the moons data set), an MLP with sinusoidal embeddings of the
point and the time step predicting the noise, ``F.mse_loss`` (watched), ``clip_grad_norm_(1.0)``, AdamW 1e-3, 50
diffusion steps, batch 32; one epoch of 250 steps (the script's 200), the sampling after it as written.
"""

from __future__ import annotations

import random
from pathlib import Path

from tests.runtime.real_scripts.round8 import _first, _lr, lr_faults
from tests.runtime.real_scripts.run import ENV_INT, Fault, Script

SCRIPTS20 = [
    Script(
        "unet-dice",
        "pytorch-unet",
        "unet_train.py",
        [
            (
                "from torch.utils.data import Dataset, DataLoader\n",
                "import numpy as np, simulation, lgrun\nfrom torch.utils.data import Dataset, DataLoader\n",
            ),
            (
                "simulation.generate_random_data(192, 192, count=count)",
                "simulation.generate_random_data(64, 64, count=count)",
            ),
            ("from torchsummary import summary\n", ""),
            ("summary(model, input_size=(3, 224, 224))", ""),
            (
                "                inputs = inputs.to(device)\n",
                "                inputs = lgrun.nan_batch(inputs.to(device)) if phase == 'train' else inputs.to(device)\n",
            ),
            (
                "                labels = labels.to(device)             \n",
                "                labels = lgrun.shuffled(labels.to(device)) if phase == 'train' else labels.to(device)\n",
            ),
            (
                "optimizer_ft = optim.Adam(model.parameters(), lr=1e-4)\n",
                f"optimizer_ft = optim.Adam(model.parameters(), lr={_lr('1e-4')})\ncalc_loss = lgrun.watch(model, calc_loss)\n",
            ),
            (
                "model = train_model(model, optimizer_ft, exp_lr_scheduler, num_epochs=40)",
                "model = train_model(model, optimizer_ft, exp_lr_scheduler, num_epochs=2)",
            ),
        ],
        [],
        shim="shim_pil",
        notebook=("pytorch_unet.ipynb", (1, 3, 4, 5)),
        file_patches={
            "pytorch_unet.py": [
                ("double_conv(3, 64)", "double_conv(3, 16)"),
                ("double_conv(64, 128)", "double_conv(16, 32)"),
                ("double_conv(128, 256)", "double_conv(32, 64)"),
                ("double_conv(256, 512)", "double_conv(64, 128)"),
                ("double_conv(256 + 512, 256)", "double_conv(64 + 128, 64)"),
                ("double_conv(128 + 256, 128)", "double_conv(32 + 64, 32)"),
                ("double_conv(128 + 64, 64)", "double_conv(32 + 16, 16)"),
                ("nn.Conv2d(64, n_class, 1)", "nn.Conv2d(16, n_class, 1)"),
            ]
        },
        **_first(
            lr_faults(1e-4)
            + [
                Fault("a NaN pixel in batch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
                Fault("masks of other images (shuffled in each batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
            ]
        ),
    ),
    Script(
        "graphsage",
        "graphsage-simple",
        "graphsage/model.py",
        [
            ("import torch\nimport torch.nn as nn\n", "import os, sys\nsys.path.insert(0, os.getcwd())\nimport torch\nimport torch.nn as nn\n"),
            ("import numpy as np\n", "import numpy as np\nimport lgrun\n"),
            ("            feat_data[i,:] = map(float, info[1:-1])\n", "            feat_data[i,:] = list(map(float, info[1:-1]))\n"),
            ("        return self.xent(scores, labels.squeeze())\n", "        return LGC(scores, labels.squeeze())\n"),
            (
                "    graphsage = SupervisedGraphSage(7, enc2)\n",
                "    graphsage = SupervisedGraphSage(7, enc2)\n    global LGC\n    LGC = lgrun.watch(graphsage, graphsage.xent)\n",
            ),
            (
                "    optimizer = torch.optim.SGD(filter(lambda p : p.requires_grad, graphsage.parameters()), lr=0.7)\n    times = []\n    for batch in range(100):\n",
                f"    optimizer = torch.optim.SGD(filter(lambda p : p.requires_grad, graphsage.parameters()), lr={_lr('0.7')})\n"
                f"    times = []\n    for batch in range({ENV_INT.format('LG_STEPS', '300')}):\n",
            ),
            (
                '                Variable(torch.LongTensor(labels[np.array(batch_nodes)])))\n        loss.backward()\n        optimizer.step()\n        end_time = time.time()\n        times.append(end_time-start_time)\n        print batch, loss.data[0]\n\n    val_output = graphsage.forward(val) \n    print "Validation F1:", f1_score(labels[val], val_output.data.numpy().argmax(axis=1), average="micro")\n    print "Average batch time:", np.mean(times)\n\ndef load_pubmed',
                '                lgrun.shuffled(Variable(torch.LongTensor(labels[np.array(batch_nodes)]))))\n        loss.backward()\n        optimizer.step()\n        end_time = time.time()\n        times.append(end_time-start_time)\n        if batch % 50 == 0: print(batch, loss.item())\n\n    val_output = graphsage.forward(val) \n    print("Validation F1:", f1_score(labels[val], val_output.data.numpy().argmax(axis=1), average="micro"))\n    print("Average batch time:", np.mean(times))\n\ndef load_pubmed',
            ),
            ("        print batch, loss.data[0]\n\n    val_output", "        print(batch, loss.item())\n\n    val_output"),
            (
                '    print "Validation F1:", f1_score(labels[val], val_output.data.numpy().argmax(axis=1), average="micro")\n    print "Average batch time:", np.mean(times)\n\nif',
                "    pass\n\nif",
            ),
        ],
        [],
        # random.sample of a set: Python 3.11 takes sequences only (sorted, as its error message suggests)
        file_patches={"graphsage/aggregators.py": [("_set(_sample(to_neigh, ", "_set(_sample(sorted(to_neigh), ")]},
        **_first(lr_faults(0.7) + [Fault("shuffled labels (their frequencies kept)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",))]),
    ),
    Script(
        "tiny-diffusion",
        "tiny-diffusion",
        "ddpm.py",
        [
            ("import datasets\n", "import datasets\nimport lgrun\n"),
            ("            batch = batch[0]\n", "            batch = lgrun.nan_batch(batch[0])\n"),
            ("            loss = F.mse_loss(noise_pred, noise)\n", "            loss = LGC(noise_pred, lgrun.shuffled(noise))\n"),
            (
                "    global_step = 0\n",
                "    LGC = lgrun.watch(model, F.mse_loss)\n    global_step = 0\n",
            ),
        ],
        ["--dataset", "moons", "--num_epochs", "1"],
        **_first(
            [
                Fault("lr x100 (AdamW 0.1)", ["--learning_rate", "0.1"], expected=("LG101", "LG102", "LG103", "LG104", "LG105", "LG106")),
                Fault("lr x1000 (AdamW 1.0)", ["--learning_rate", "1.0"], expected=("LG101", "LG102", "LG103", "LG104", "LG105", "LG106")),
                Fault("lr 1e-7", ["--learning_rate", "1e-7"], expected=("LG103",)),
                Fault("a NaN point in batch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
                Fault("the noise of other points as the target (shuffled in each batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
            ]
        ),
    ),
]

# Cora's class sizes (2,708 papers)
_CORA_CLASSES = (818, 426, 418, 351, 298, 217, 180)


def _cora(folder: Path) -> None:
    """A stand-in for Cora in its files' format: 2,708 papers, 1,433 binary word features (about 18 words a paper,
    half of them from the 200 words its class favours), 7 classes of Cora's sizes, 5,429 citations, 80% of them
    between papers of one class."""
    rng = random.Random(0)
    labels = [c for c, n in enumerate(_CORA_CLASSES) for _ in range(n)]
    rng.shuffle(labels)
    words = {c: rng.sample(range(1433), 200) for c in range(7)}
    ids = [str(31336 + 7 * i) for i in range(len(labels))]
    lines = []
    for pid, c in zip(ids, labels):
        on = set(rng.sample(words[c], 9)) | set(rng.sample(range(1433), 9))
        lines.append("\t".join([pid, *("1" if w in on else "0" for w in range(1433)), f"Class_{c}"]))
    (folder / "cora.content").write_text("\n".join(lines) + "\n")
    by_class: dict[int, list[int]] = {}
    for i, c in enumerate(labels):
        by_class.setdefault(c, []).append(i)
    cites = set()
    for a in range(len(labels)):  # every paper cites or is cited at least once, as in Cora (an isolated one's mean of no neighbours is 0/0)
        b = a
        while b == a:
            b = rng.choice(by_class[labels[a]]) if rng.random() < 0.8 else rng.randrange(len(labels))
        cites.add((a, b))
    while len(cites) < 5429:
        a = rng.randrange(len(labels))
        b = rng.choice(by_class[labels[a]]) if rng.random() < 0.8 else rng.randrange(len(labels))
        if a != b:
            cites.add((a, b))
    (folder / "cora.cites").write_text("".join(f"{ids[a]}\t{ids[b]}\n" for a, b in sorted(cites)))


def prepare(script: Script, work: Path) -> None:
    """graphsage's stand-in Cora (the snapshot's ``cora.content`` is absent); run from the repository's root."""
    if script.name == "graphsage":
        _cora(work / "cora")
