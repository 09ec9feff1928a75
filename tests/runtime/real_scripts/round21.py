"""Round 21's real scripts (docs/runtime.md "On real scripts, round 21"): kinds not covered before.

``NCF``: guoyang9/NCF at 89ff06f (``main.py`` with ``model.py``, ``data_utils.py``, ``evaluate.py``, ``config.py``):
neural collaborative filtering (NeuMF-end: a GMF and an MLP tower over user and item embeddings) on implicit
feedback, ``nn.BCEWithLogitsLoss`` (watched) on each observed (user, item) pair against 4 sampled unobserved ones,
Adam 1e-3, batch 256, hit rate and NDCG@10 over 99 sampled negatives after the epoch. Stand-in ml-1m in the
repository's file format (``round8._bpr_data``: 600 users, 400 items, 30 items each drawn by taste); one epoch of
352 steps (the script's 20 epochs); ``.cuda()`` made a no-op.

``SimCLR-knn``: leftthomas/SimCLR at cee178b (``main.py``, ``model.py``, ``utils.py``): SimCLR with the NT-Xent loss
written out by hand (the exponentiated cosine similarities of the two views' projections, the positive pair's over
the row's sum), watched through ``observe`` (``lgrun.watch_model``); Adam 1e-3 with weight decay 1e-6, a kNN monitor
(k nearest in a feature bank) after the epoch; ``tqdm`` bars as written. ``shim_pil``'s CIFAR10 and small "resnet50"
(96 features: the projection head's input patched from 2048), batch 64 instead of 512, one epoch of 150 steps;
thop's FLOP count and the pandas statistics file left out (neither is installed).

``SGNS``: theeluwin/pytorch-sgns at 2d007c7 (``preprocess.py``, ``train.py``, ``model.py``): word2vec's skip-gram
with negative sampling, the loss written in the model (``-(log sigmoid(o.i) + sum log sigmoid(-n.i))``, 20
negatives per context word), watched through ``observe``; Adam at its default rate 1e-3, ``tqdm`` bars as written.
A generated corpus (``run._markov_text``: 200 words of Zipf-like frequencies, each followed by one of 5 successors 80%
of the time) of 76,800 words through the repository's own ``preprocess.py`` (window 5), embeddings of 64 instead of
300, batches of 256 instead of 4,096: one epoch of 300 steps.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.runtime.real_scripts.round8 import _bpr_data, _first, _lr, lr_faults
from tests.runtime.real_scripts.run import Fault, Script

CPU = "torch.Tensor.cuda = lambda self, *a, **k: self  # CPU\ntorch.nn.Module.cuda = lambda self, *a, **k: self\n"

SCRIPTS21 = [
    Script(
        "NCF",
        "NCF",
        "main.py",
        [
            ("import model\n", CPU + "import lgrun\nimport model\n"),
            ("shuffle=True, num_workers=4)", "shuffle=True, num_workers=0)"),
            ("loss_function = nn.BCEWithLogitsLoss()\n", "loss_function = lgrun.watch(model, nn.BCEWithLogitsLoss())\n"),
            ("\toptimizer = optim.Adam(model.parameters(), lr=args.lr)\n", f"\toptimizer = optim.Adam(model.parameters(), lr={_lr('0.001')})\n"),
            ("\t\tlabel = label.float().cuda()\n", "\t\tlabel = lgrun.shuffled(lgrun.nan_batch(label.float().cuda()))\n"),
            (
                "\t\tprediction = model(user, item)\n",
                "\t\tprediction = model(user, item)\n"
                "\t\tif __import__('os').environ.get('LG_FAULT') == 'double_sigmoid': prediction = prediction.sigmoid()\n",
            ),
        ],
        ["--epochs", "1", "--out", ""],
        file_patches={"config.py": [("main_path = '/home/share/guoyangyang/recommendation/NCF-Data/'", "main_path = 'data/'")]},
        **_first(
            lr_faults(0.001)
            + [
                Fault("a NaN label in batch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
                Fault("labels of other pairs (shuffled in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
                Fault("sigmoid before BCEWithLogitsLoss", env={"LG_FAULT": "double_sigmoid"}, expected=("LG003",)),
            ]
        ),
    ),
    Script(
        "SimCLR-knn",
        "SimCLR",
        "main.py",
        [
            ("import torch\n", "import torch\n" + CPU + "import lgrun\n"),
            ("from thop import profile, clever_format\n", ""),
            ("import pandas as pd\n", ""),
            (
                "        pos_1, pos_2 = pos_1.cuda(non_blocking=True), pos_2.cuda(non_blocking=True)\n",
                "        pos_1, pos_2 = lgrun.nan_batch(pos_1), lgrun.shuffled(pos_2)\n",
            ),
            (
                "        loss = (- torch.log(pos_sim / sim_matrix.sum(dim=-1))).mean()\n",
                "        loss = LGW.observe((- torch.log(pos_sim / sim_matrix.sum(dim=-1))).mean())\n",
            ),
            (
                "shuffle=True, num_workers=16, pin_memory=True,\n",
                "shuffle=True, num_workers=0, pin_memory=False,\n",
            ),
            (
                "memory_loader = DataLoader(memory_data, batch_size=batch_size, shuffle=False, num_workers=16, pin_memory=True)",
                "memory_loader = DataLoader(memory_data, batch_size=batch_size, shuffle=False, num_workers=0)",
            ),
            (
                "test_loader = DataLoader(test_data, batch_size=batch_size, shuffle=False, num_workers=16, pin_memory=True)",
                "test_loader = DataLoader(test_data, batch_size=batch_size, shuffle=False, num_workers=0)",
            ),
            (
                "    flops, params = profile(model, inputs=(torch.randn(1, 3, 32, 32).cuda(),))\n"
                "    flops, params = clever_format([flops, params])\n"
                "    print('# Model Params: {} FLOPs: {}'.format(params, flops))\n",
                "",
            ),
            (
                "    optimizer = optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-6)\n",
                f"    optimizer = optim.Adam(model.parameters(), lr={_lr('1e-3')}, weight_decay=1e-6)\n    LGW = lgrun.watch_model(model)\n",
            ),
            (
                "        data_frame = pd.DataFrame(data=results, index=range(1, epoch + 1))\n"
                "        data_frame.to_csv('results/{}_statistics.csv'.format(save_name_pre), index_label='epoch')\n",
                "",
            ),
        ],
        ["--batch_size", "64", "--epochs", "1", "--k", "50"],
        env={"LG_EXAMPLES": str(64 * 150)},
        shim="shim_pil",
        file_patches={
            "model.py": [
                ("from torchvision.models.resnet import resnet50", "from torchvision.models import resnet50"),
                ("nn.Linear(2048, 512, bias=False)", "nn.Linear(96, 512, bias=False)"),
            ]
        },
        **_first(
            lr_faults(1e-3)
            + [
                Fault("a NaN pixel in batch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
                Fault(
                    "views unpaired (the second view of each image shuffled in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)
                ),
            ]
        ),
    ),
    Script(
        "SGNS",
        "pytorch-sgns",
        "train.py",
        [
            ("import numpy as np\n", "import numpy as np\nimport lgrun\n"),
            ("    optim = Adam(sgns.parameters())\n", f"    optim = Adam(sgns.parameters(), lr={_lr('1e-3')})\n    LGW = lgrun.watch_model(sgns)\n"),
            ("            loss = sgns(iword, owords)\n", "            loss = LGW.observe(sgns(iword, lgrun.shuffled(owords)))\n"),
        ],
        ["--epoch", "1", "--mb", "256", "--e_dim", "64"],
        **_first(
            lr_faults(1e-3) + [Fault("contexts of other words (shuffled in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",))]
        ),
    ),
]


def prepare(script: Script, work: Path) -> None:
    """NCF's stand-in ml-1m; SGNS's corpus through the repository's own preprocess.py."""
    if script.name == "NCF":
        _bpr_data(work)
    if script.name == "SGNS":
        from tests.runtime.real_scripts.run import _markov_text

        (work / "data").mkdir(exist_ok=True)
        _markov_text(work / "data" / "corpus.txt", 76_800, [f"w{i}" for i in range(200)], int(os.environ.get("LG_CORPUS_SEED", "0")))
        subprocess.run([sys.executable, "preprocess.py"], cwd=work, check=True, capture_output=True)
