"""Round 8's real scripts (docs/runtime.md "On real scripts, round 8"): kinds not covered before.

A diffusion model (cloneofsimo/minDiffusion), a graph network in plain torch (tkipf/pygcn), PPO
(nikhilbarhate99/PPO-PyTorch), segmentation with cross-entropy + Dice (milesial/Pytorch-UNet),
metric learning with a triplet loss (adambielski/siamese-triplet) and a recommender trained with
BPR (guoyang9/BPR-pytorch). Fetched into ``--src`` as the other scripts are; ``run.py`` runs them.
Faults: ``LG_LR`` sets the learning rate, ``LG_FAULT`` the data faults of ``shim/lgrun.py``
(``nan_batch``, ``shuffled_targets``) and the misuses patched in below.
"""

from __future__ import annotations

from pathlib import Path

from tests.runtime.real_scripts.run import ENV_FLOAT, WATCH_LINE, Fault, Script

FAULT = "__import__('os').environ.get('LG_FAULT') == {!r}"


def _lr(default: str) -> str:
    return ENV_FLOAT.format("LG_LR", default)


def lr_faults(default: float, high: tuple[int, ...] = (100, 1000)) -> list[Fault]:
    """The learning-rate faults: x100, x1000 and 1e-7."""
    out = [
        Fault(f"lr x{k} ({default * k:g})", env={"LG_LR": repr(default * k)}, expected=("LG101", "LG102", "LG103", "LG104", "LG105", "LG106"))
        for k in high
    ]
    out.append(Fault("lr 1e-7", env={"LG_LR": "1e-7"}, expected=("LG103",)))
    return out


NAN = Fault("a NaN in batch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49)


def _first(faults: list[Fault]) -> dict:
    f = faults[0]
    return {"fault": f.name, "fault_args": f.args, "fault_env": f.env, "expected": f.expected, "onset": f.onset, "extra": faults[1:]}


SCRIPTS8 = [
    Script(
        "minDiffusion",
        "minDiffusion",
        "superminddpm.py",
        [
            # DDPM (Algorithm 1): the criterion (MSE between the noise and its prediction) is a
            # constructor argument of the DDPM module, called inside its forward
            (
                "            blk(n_channel, 64),\n            blk(64, 128),\n            blk(128, 256),\n            blk(256, 512),\n"
                "            blk(512, 256),\n            blk(256, 128),\n            blk(128, 64),\n            nn.Conv2d(64, n_channel, 3, padding=1),",
                "            blk(n_channel, 8),\n            blk(8, 16),\n            blk(16, 16),\n            blk(16, 16),\n"
                "            blk(16, 16),\n            blk(16, 16),\n            blk(16, 8),\n            nn.Conv2d(8, n_channel, 3, padding=1),",
            ),
            (
                "    ddpm = DDPM(eps_model=DummyEpsModel(1), betas=(1e-4, 0.02), n_T=1000)\n",
                "    import lgrun\n    eps_model = DummyEpsModel(1)\n"
                "    ddpm = DDPM(eps_model=eps_model, betas=(1e-4, 0.02), n_T=1000, criterion=lgrun.watch(eps_model, nn.MSELoss()))\n",
            ),
            ("batch_size=128, shuffle=True, num_workers=20)", "batch_size=16, shuffle=True, num_workers=0)"),
            ("optim = torch.optim.Adam(ddpm.parameters(), lr=2e-4)", "optim = torch.optim.Adam(ddpm.parameters(), lr=" + _lr("2e-4") + ")"),
            ("            x = x.to(device)\n", "            x = lgrun.nan_batch(x.to(device))\n"),
            ("xh = ddpm.sample(16, (1, 28, 28), device)", "xh = ddpm.sample(4, (1, 28, 28), device)"),
            ("    train_mnist()\n", "    train_mnist(n_epoch=1, device='cpu')\n"),
        ],
        [],
        env={"LG_EXAMPLES": str(16 * 250)},
        shim="shim_pil",
        **_first(lr_faults(2e-4) + [NAN]),
    ),
]


def _cora_content(work: Path) -> None:
    """Cora's .content (not in the mirror: a large file) for the papers of its .cites: 7 classes
    that follow the citation graph (neighbours' majority, from random seeds), 1433 binary words,
    each paper 18 of them, two thirds from its class's 60 words."""
    import numpy as np

    rng = np.random.default_rng(0)
    edges = np.loadtxt(work / "data" / "cora" / "cora.cites", dtype=np.int64)
    ids = np.unique(edges)
    index = {p: i for i, p in enumerate(ids)}
    n = len(ids)
    nbrs: list[list[int]] = [[] for _ in range(n)]
    for a, b in edges:
        nbrs[index[a]].append(index[b])
        nbrs[index[b]].append(index[a])
    label = rng.integers(0, 7, n)
    for _ in range(6):
        for i in rng.permutation(n):
            if nbrs[i] and rng.random() < 0.9:
                label[i] = np.bincount(label[nbrs[i]], minlength=7).argmax()
    names = ["Case_Based", "Genetic_Algorithms", "Neural_Networks", "Probabilistic_Methods", "Reinforcement_Learning", "Rule_Learning", "Theory"]
    topics = rng.permutation(1433)[: 7 * 60].reshape(7, 60)
    lines = []
    for i in rng.permutation(n):
        words = np.zeros(1433, dtype=np.int64)
        words[rng.choice(topics[label[i]], 12, replace=False)] = 1
        words[rng.choice(1433, 6, replace=False)] = 1
        lines.append(f"{ids[i]}\t" + "\t".join(map(str, words)) + f"\t{names[label[i]]}")
    (work / "data" / "cora" / "cora.content").write_text("\n".join(lines) + "\n")

SCRIPTS8 += [
    Script(
        "pygcn",
        "pygcn",
        "pygcn/train.py",
        [
            # full-batch training on one graph (200 epochs = 200 steps), Adam with weight decay,
            # a log_softmax model and nll_loss; validation in eval() without torch.no_grad()
            ("import time\n", "import sys, os\nsys.path.insert(0, os.getcwd())\nimport time\n"),
            ("    optimizer.zero_grad()\n    output = model(features, adj)\n", "    optimizer.zero_grad()\n    output = model(lgrun.nan_batch(features), adj)\n"),
            ("loss_train = F.nll_loss(output[idx_train], labels[idx_train])", "loss_train = LG(output[idx_train], lgrun.shuffled(labels[idx_train]))"),
            ("loss_val = F.nll_loss(output[idx_val], labels[idx_val])", "loss_val = LG(output[idx_val], labels[idx_val])"),
            ("                       lr=args.lr, weight_decay=args.weight_decay)\n",
             "                       lr=" + _lr("0.01") + ", weight_decay=args.weight_decay)\n" + WATCH_LINE + "(model, F.nll_loss)\nimport lgrun\n"),
        ],
        [],
        file_patches={
            "pygcn/utils.py": [('def load_data(path="../data/cora/", dataset="cora"):', 'def load_data(path="data/cora/", dataset="cora"):')],
            "pygcn/models.py": [
                (
                    "        return F.log_softmax(x, dim=1)",
                    f"        if {FAULT.format('no_log_softmax')}: return x\n"
                    f"        if {FAULT.format('softmax')}: return F.softmax(x, dim=1)\n"
                    "        return F.log_softmax(x, dim=1)",
                )
            ],
        },
        **_first(
            lr_faults(0.01)
            + [
                NAN,
                Fault("shuffled targets (each step)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
                Fault("missing log_softmax (logits into nll_loss)", env={"LG_FAULT": "no_log_softmax"}, expected=("LG007",)),
                Fault("softmax instead of log_softmax", env={"LG_FAULT": "softmax"}, expected=("LG007",)),
            ]
        ),
    ),
]


def prepare(script: Script, work: Path) -> None:
    """Data the scripts read from disk, generated in their working folder."""
    if script.name == "pygcn":
        _cora_content(work)
