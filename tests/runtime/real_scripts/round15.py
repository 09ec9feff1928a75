"""Round 15's real scripts (docs/runtime.md "On real scripts, round 15"): kinds not covered before.

``GAT``: pytorch/examples at 77f55b9, ``gat/main.py``: a graph attention network trained on one
graph, full batch (an epoch is one step): two attention layers (heads over the neighbours of each
node, a masked softmax over a dense adjacency matrix, dropout 0.6 on the inputs and on the
attention), log_softmax output and ``nn.NLLLoss`` on the training nodes only, Adam 0.005 with weight
decay 5e-4; the same criterion evaluates the training and validation nodes after every step under
``torch.no_grad()``. Cora is downloaded by the script: a stand-in of Cora's format instead (600 papers
citing about 4 others each, 4 in 5 within their class; the words of ``round8._cora_content``), the
split's 1200/400 test/validation nodes scaled to 200/100 (300 training nodes), 200 epochs, 4 heads of
16 units instead of 8 of 64 (the machine's load).
"""

from __future__ import annotations

from pathlib import Path

from tests.runtime.real_scripts.round8 import FAULT, NAN, _cora_content, _first, _lr, lr_faults
from tests.runtime.real_scripts.run import Fault, Script

SCRIPTS15 = [
    Script(
        "GAT",
        "examples/gat",
        "main.py",
        [
            ("import requests\n", "import lgrun\n"),
            (
                "    # Forward pass\n    output = model(*input) \n",
                "    # Forward pass\n    output = model(lgrun.nan_batch(input[0]), input[1]) \n",
            ),
            (
                "    loss = criterion(output[mask_train], target[mask_train])",
                "    loss = criterion(output[mask_train], lgrun.shuffled(target[mask_train]))",
            ),
            (
                "        return F.log_softmax(x, dim=1)",
                f"        return F.softmax(x, dim=1) if {FAULT.format('softmax')} else F.log_softmax(x, dim=1)",
            ),
            ("idx[:1200], idx[1200:1600], idx[1600:]", "idx[:200], idx[200:300], idx[300:]"),
            (
                "    optimizer = Adam(gat_net.parameters(), lr=args.lr, weight_decay=args.l2)\n    criterion = nn.NLLLoss()\n",
                f"    optimizer = Adam(gat_net.parameters(), lr={_lr('0.005')}, weight_decay=args.l2)\n"
                "    criterion = lgrun.watch(gat_net, nn.NLLLoss())\n",
            ),
        ],
        ["--epochs", "200", "--val-every", "50", "--hidden-dim", "16", "--num-heads", "4"],
        **_first(
            lr_faults(0.005)
            + [
                NAN,
                Fault("labels shuffled at every step", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
                Fault("softmax before NLLLoss", env={"LG_FAULT": "softmax"}, expected=("LG001",)),
            ]
        ),
    ),
]


def prepare(script: Script, work: Path) -> None:
    """GAT's Cora stand-in: 600 papers in 7 hidden groups, each citing 4 others (4 in 5 of its own
    group), written as ``cora/cora.cites``; ``round8._cora_content`` gives them words of their group."""
    if script.name != "GAT":
        return
    import numpy as np

    rng = np.random.default_rng(1)
    n, ids = 600, rng.permutation(np.arange(1000, 100000))[:600]
    group = rng.integers(0, 7, n)
    cites = []
    for i in range(n):
        for _ in range(4):
            same = np.flatnonzero(group == group[i]) if rng.random() < 0.8 else np.arange(n)
            j = int(rng.choice(same))
            if j != i:
                cites.append(f"{ids[j]}\t{ids[i]}")
    (work / "cora").mkdir(exist_ok=True)
    (work / "cora" / "cora.cites").write_text("\n".join(cites) + "\n")
    # the groups are the classes: majority voting over so dense a graph settles on one class
    _cora_content(work, "cora", {int(p): int(g) for p, g in zip(ids, group)})
