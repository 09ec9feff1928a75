"""Round 12's real scripts (docs/runtime.md "On real scripts, round 12"): kinds not covered before.

``GIN``: weihua916/powerful-gnns at 9a2ce8a (``main.py``, ``util.py``, ``models/graphcnn.py``,
``models/mlp.py``), the Graph Isomorphism Network on whole-graph classification: each batch is 32
graphs drawn at random, joined into one block-diagonal sparse adjacency; five GIN layers (an MLP
each, BatchNorm), sum pooling over every layer's node features, a linear head per layer whose
scores are summed, ``CrossEntropyLoss``, Adam 0.01 with ``StepLR`` (stepped before each epoch, the
pre-1.1 order). The repository's MUTAG (``dataset.zip``) is not in the snapshot; 188 generated
molecule-like graphs in its text format stand in (``_mutag_like``). sklearn's ``StratifiedKFold``
is a stand-in (``shim/sklearn``).
``LSTNet``: laiguokun/LSTNet at 093c4dc (``main.py``, ``models/LSTNet.py``, ``Optim.py``,
``utils.py``), multivariate time-series forecasting: a convolution over the window, a GRU, a
skip-GRU over steps one period apart, a linear autoregressive "highway"; the loss is
``L1Loss(size_average=False)``, summed over the batch and the series (so the last, smaller batch of
each epoch has a smaller loss), of the outputs and targets scaled back by each series' maximum;
an optimizer wrapper (``Optim.Optim``) clips the gradient norm by hand and steps Adam; the model
is saved with ``torch.save(model)`` whenever the validation error improves. Python 2 era code:
``.data[0]`` is ``.item()``, the skip period and the number of periods are ints, and
``torch.load`` of the saved model passes ``weights_only=False``. Electricity-like data is
generated (``_electricity_like``): 8 series of 1,500 hourly readings with daily and weekly cycles.
"""

from __future__ import annotations

from pathlib import Path

from tests.runtime.real_scripts.round8 import FAULT
from tests.runtime.real_scripts.round9 import ANY
from tests.runtime.real_scripts.round11 import SHUFFLED, _first
from tests.runtime.real_scripts.run import Fault, Script


def _lr_args(default: float) -> list[Fault]:
    """The learning-rate faults through --lr: x100, x1000 and 1e-7."""
    out = [Fault(f"lr x{k} ({default * k:g})", args=["--lr", repr(default * k)], expected=ANY) for k in (100, 1000)]
    out.append(Fault("lr 1e-7", args=["--lr", "1e-7"], expected=("LG103",)))
    return out


SCRIPTS12 = [
    Script(
        "GIN",
        "powerful-gnns",
        "main.py",
        [
            (
                "    optimizer = optim.Adam(model.parameters(), lr=args.lr)\n",
                "    global criterion\n    import lgrun\n    criterion = lgrun.watch(model, nn.CrossEntropyLoss())\n"
                "    optimizer = optim.Adam(model.parameters(), lr=args.lr)\n",
            ),
            # a NaN in one graph's node features in batch 50 (a copy: the dataset's graph stays clean)
            (
                "        batch_graph = [train_graphs[idx] for idx in selected_idx]\n",
                "        batch_graph = [train_graphs[idx] for idx in selected_idx]\n"
                "        _g = __import__('copy').copy(batch_graph[0]); _g.node_features = __import__('lgrun').nan_batch(_g.node_features)\n"
                "        batch_graph[0] = _g\n",
            ),
            (
                "        labels = torch.LongTensor([graph.label for graph in batch_graph]).to(device)\n",
                "        labels = __import__('lgrun').shuffled(torch.LongTensor([graph.label for graph in batch_graph]).to(device))\n",
            ),
            (
                "        loss = criterion(output, labels)\n",
                f"        loss = criterion(output.softmax(1) if {FAULT.format('softmax')} else output, labels)\n",
            ),
        ],
        # 4 epochs of 50 batches: 200 steps
        ["--epochs", "4", "--iters_per_epoch", "50"],
        **_first(
            _lr_args(0.01)
            + [
                Fault("a NaN in one graph's node features in batch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
                SHUFFLED,
                Fault("softmax before CrossEntropyLoss", env={"LG_FAULT": "softmax"}, expected=("LG001",)),
            ]
        ),
    ),
    Script(
        "LSTNet",
        "LSTNet",
        "main.py",
        [
            ("        total_loss += loss.data[0];\n", "        total_loss += loss.item();\n"),
            ("evaluateL2(output * scale, Y * scale).data[0]", "evaluateL2(output * scale, Y * scale).item()"),
            ("evaluateL1(output * scale, Y * scale).data[0]", "evaluateL1(output * scale, Y * scale).item()"),
            (
                "    criterion = nn.L1Loss(size_average=False);\n",
                "    import lgrun\n    criterion = lgrun.watch(model, nn.L1Loss(size_average=False));\n",
            ),
            (
                "        output = model(X);\n        scale = data.scale.expand(output.size(0), data.m)\n        loss = criterion(",
                "        X, Y = __import__('lgrun').nan_batch(X), __import__('lgrun').shuffled(Y)\n"
                "        output = model(X);\n        scale = data.scale.expand(output.size(0), data.m)\n        loss = criterion(",
            ),
            ("    model = torch.load(f)\n", "    model = torch.load(f, weights_only=False)\n"),
        ],
        # ele.sh's settings (--output_fun Linear) at a small size: 850 training windows, 27 batches
        # of 32 an epoch (the last of 18), 8 epochs: 216 steps
        [
            "--data",
            "data/electricity.txt",
            "--save",
            "model.pt",
            "--output_fun",
            "Linear",
            "--horizon",
            "3",
            "--window",
            "48",
            "--CNN_kernel",
            "6",
            "--highway_window",
            "12",
            "--hidCNN",
            "16",
            "--hidRNN",
            "16",
            "--hidSkip",
            "4",
            "--skip",
            "24",
            "--batch_size",
            "32",
            "--epochs",
            "8",
        ],
        file_patches={
            "models/LSTNet.py": [
                ("        self.skip = args.skip;\n", "        self.skip = int(args.skip);\n"),
                ("        self.pt = (self.P - self.Ck)/self.skip\n", "        self.pt = (self.P - self.Ck)//self.skip\n"),
            ],
        },
        **_first(
            _lr_args(0.001)
            + [
                Fault("a NaN in batch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
                Fault("targets of other windows (shuffled in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
            ]
        ),
    ),
]


def _mutag_like(work: Path) -> None:
    """188 molecule-like graphs in the TU text format util.load_data reads (MUTAG's size and class
    balance, 125 of class 1 and 63 of class -1; 7 node tags, 10-28 nodes). A graph is a carbon
    ring (tag 0) with a chain of 4-22 atoms branching off it (tags 0-6, mostly 0); class 1 graphs
    also carry a nitro-like group (a tag-1 atom bonded to two tag-2 atoms) on the ring, class -1
    graphs one tag-2 atom somewhere on the chain."""
    import random

    rng = random.Random(0)
    lines = ["188"]
    for i in range(188):
        label = 1 if i % 3 != 2 else -1
        tags = [0] * 6
        edges = [(k, (k + 1) % 6) for k in range(6)]
        for _ in range(rng.randint(4, 22 - (3 if label == 1 else 0))):
            tags.append(rng.choices(range(7), weights=(60, 4, 6, 10, 10, 5, 5))[0])
            edges.append((rng.randrange(len(tags) - 1), len(tags) - 1))
        if label == 1:
            n = len(tags)
            tags += [1, 2, 2]
            edges += [(rng.randrange(6), n), (n, n + 1), (n, n + 2)]
        else:
            tags[rng.randrange(6, len(tags))] = 2
        neighbours: list[list[int]] = [[] for _ in tags]
        for a, b in edges:
            neighbours[a].append(b)
            neighbours[b].append(a)
        lines.append(f"{len(tags)} {label}")
        lines += [" ".join(map(str, [t, len(nb), *nb])) for t, nb in zip(tags, neighbours)]
    (work / "dataset" / "MUTAG").mkdir(parents=True)
    (work / "dataset" / "MUTAG" / "MUTAG.txt").write_text("\n".join(lines) + "\n")


def _electricity_like(work: Path) -> None:
    """8 series of 1,500 hourly readings, comma-separated as data/electricity.txt: a level per
    series, a daily cycle (peaks in the evening), a weekly one (weekends lower), slow drift and
    noise, all positive."""
    import numpy as np

    rng = np.random.default_rng(0)
    t = np.arange(1500)
    cols = []
    for _ in range(8):
        level = rng.uniform(50, 500)
        day = 0.3 * np.sin(2 * np.pi * (t % 24 - rng.uniform(12, 18)) / 24)
        week = np.where((t // 24) % 7 >= 5, -0.2, 0.05)
        drift = 0.1 * np.sin(2 * np.pi * t / rng.uniform(800, 1600))
        cols.append(level * (1 + day + week + drift + 0.05 * rng.standard_normal(len(t))).clip(0.05))
    (work / "data").mkdir()
    np.savetxt(work / "data" / "electricity.txt", np.stack(cols, 1), delimiter=",", fmt="%.3f")


def prepare(script: Script, work: Path) -> None:
    """Data the scripts read from disk, generated in their working folder."""
    if script.name == "GIN":
        _mutag_like(work)
    if script.name == "LSTNet":
        _electricity_like(work)
