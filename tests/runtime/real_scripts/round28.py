"""Round 28's real scripts (docs/runtime.md "Round 38: the watcher on real runs, round 28").

``moco-cifar``: facebookresearch/moco at f736491 (``colab/moco_cifar10_demo.ipynb``, its code cells 2-15 as a script):
MoCo v2 on CIFAR-10 on one device: a query encoder (a CIFAR ResNet-18 recipe: conv1 3x3, no max-pool, SplitBatchNorm
simulating 8 devices) trained by SGD 0.06 (momentum 0.9, weight decay 5e-4, cosine schedule per epoch), a key
encoder moved by momentum 0.99, keys shuffled across the batch for BatchNorm, a queue of negatives, and the InfoNCE
loss as ``nn.CrossEntropyLoss()`` over [positive, queue] logits / 0.1 with every label 0; a kNN monitor after each
epoch. The notebook builds the criterion inside ``contrastive_loss`` at every call: the patch builds one watched
criterion after the model (``lgrun.watch(model, nn.CrossEntropyLoss())``) and calls it there. Stand-ins:
``shim_ssl/torchvision`` (shim_pil's synthetic CIFAR10 and real PIL transforms, a small ``resnet18`` with the real
children and ``norm_layer``); batches of 64 (the notebook's 512), a queue of 1,024 (4,096), LG_EXAMPLES 4,096 images,
the first 2 of the schedule's 200 epochs (128 steps); the ``!nvidia-smi`` line and pandas' CSV log dropped; ``.cuda()`` a no-op; seeded (the
notebook seeds nothing).

``vgae``: zfjsail/gae-pytorch at c0b95ca (``gae/train.py``, ``model.py``, ``optimizer.py``, ``layers.py``,
``utils.py``): a variational graph autoencoder (two GCN layers to a mean and a log standard deviation, an
inner-product decoder of the sampled embeddings) trained full-batch by Adam 0.01 on ``norm *
binary_cross_entropy_with_logits(preds, adj_label, pos_weight=...)`` over every node pair plus the KL term, the
loss a function of seven keyword arguments watched as ``lgrun.watch(model, loss_function)``; validation AUC and AP of
held-out edges every epoch. Stand-ins: ``shim_graph/scipy`` (sparse as dense), sklearn's ``roc_auc_score`` and
``average_precision_score`` (``shim/sklearn``); Cora replaced by a planted-partition graph (300 nodes in 6
communities, 100 binary word features drawn by community) generated in the patched ``load_data``; 200 epochs
(200 steps, the script's default); seeded with the script's own ``--seed`` (parsed, never used).

``housing-mlp``: ubiratantavares/machine_learning_mastery at 507730c
(``ebooks/2023_deep_learning_with_pytorch/code/chapter_23/04_metrics.py``): tabular regression of California
housing's median value (in 100,000s, not standardised) from 8 standardised features, an 8-24-12-6-1 ReLU MLP,
``nn.MSELoss`` with ``nn.L1Loss`` as a test metric, Adam 1e-3, batches of 32 in a fixed order. Stand-in
``shim_tab/sklearn`` (the data generated at the real columns' scales, 4,000 rows); 3 epochs of 88 batches (264
steps) instead of 100; seeded.

``multilabel-tagger``: nicholas-tayag/pytorch-multilabel-vision at c1147dc (``scripts/train.py``, ``src/vision_tagger/``,
``configs/default.yaml``): a ResNet-18 with a dropout head tagging 12 desk objects, ``nn.BCEWithLogitsLoss(pos_weight=
negatives / positives)`` per tag, AdamW 3e-4 (weight decay 2e-3) with a 2-epoch warm-up then cosine per epoch, the
backbone frozen (``requires_grad=False``) for the first 5 epochs and unfrozen after, early stopping on the validation
loss. Stand-ins ``shim_ml/torchvision`` (tensor-side augmentations, ``io.read_image``, shim_ssl's small ResNet);
600 generated 64x64 PNGs in 30 tag folders (``prepare``); the config's image size 64 (128) and 12 epochs (50): 16
batches an epoch.

Every script prints ``LG-DIGEST`` (a hash of the final parameters) and its last loss: the plain run and the watched
healthy run must print the same.
"""

from __future__ import annotations

from pathlib import Path

from tests.runtime.real_scripts.round8 import _first, _lr, lr_faults
from tests.runtime.real_scripts.round21 import CPU
from tests.runtime.real_scripts.run import Fault, Script

FAULT = "__import__('os').environ.get('LG_FAULT')"
SEED = "import random as _r, numpy as _np\n_r.seed(0); _np.random.seed(0); torch.manual_seed(0)\n"


def digest(model: str) -> str:
    """The line a patched script ends with: a hash of ``model``'s final parameters (bit for bit)."""
    return (
        f"print('LG-DIGEST', __import__('hashlib').sha256(b''.join(p.detach().cpu().numpy().tobytes() "
        f"for p in {model}.parameters())).hexdigest()[:16], flush=True)\n"
    )


MOCO = Script(
    "moco-cifar",
    "moco",
    "moco_cifar10.py",
    [
        (
            "gpu_info = !nvidia-smi -i 0\ngpu_info = '\\n'.join(gpu_info)\nprint(gpu_info)\n",
            "",
        ),
        ("import torch.nn.functional as F\n", "import torch.nn.functional as F\nimport lgrun\n" + CPU + SEED),
        (
            "args.epochs = 200\n",
            f"args.epochs = 200\nargs.lr = {_lr('0.06')}\nargs.batch_size = 64\nargs.moco_k = 1024\n",
        ),
        # the first 2 of the 200 epochs (the cosine schedule's rates, about 0.06)
        ("for epoch in range(epoch_start, args.epochs + 1):\n", "for epoch in range(epoch_start, epoch_start + 2):\n"),
        (
            "train_loader = DataLoader(train_data, batch_size=args.batch_size, shuffle=True, num_workers=16, pin_memory=True, drop_last=True)",
            "train_loader = DataLoader(train_data, batch_size=args.batch_size, shuffle=True, num_workers=0, drop_last=True)",
        ),
        (
            "memory_loader = DataLoader(memory_data, batch_size=args.batch_size, shuffle=False, num_workers=16, pin_memory=True)",
            "memory_loader = DataLoader(memory_data, batch_size=args.batch_size, shuffle=False, num_workers=0)",
        ),
        (
            "test_loader = DataLoader(test_data, batch_size=args.batch_size, shuffle=False, num_workers=16, pin_memory=True)",
            "test_loader = DataLoader(test_data, batch_size=args.batch_size, shuffle=False, num_workers=0)",
        ),
        (
            "            k = self._batch_unshuffle_single_gpu(k, idx_unshuffle)\n",
            "            k = self._batch_unshuffle_single_gpu(k, idx_unshuffle)\n"
            f"            if {FAULT} == 'shuffled_targets':\n                k = k[torch.randperm(k.shape[0])]\n",
        ),
        (
            "        logits /= self.T\n",
            f"        logits /= self.T\n        if {FAULT} == 'softmax':\n            logits = logits.softmax(dim=1)\n",
        ),
        ("        loss = nn.CrossEntropyLoss().cuda()(logits, labels)\n", "        loss = LG_CE(logits, labels)\n"),
        ("print(model.encoder_q)\n", "LG_CE = lgrun.watch(model, nn.CrossEntropyLoss())\n"),
        ("        loss = net(im_1, im_2)\n", "        loss = net(lgrun.nan_batch(im_1), im_2)\n"),
        (
            "    data_frame = pd.DataFrame(data=results, index=range(epoch_start, epoch + 1))\n"
            "    data_frame.to_csv(args.results_dir + '/log.csv', index_label='epoch')\n",
            "",
        ),
        (
            "args.results_dir + '/model_last.pth')",
            "args.results_dir + '/model_last.pth')\nprint('LG-LAST', results['train_loss'])\n" + digest("model"),
        ),
    ],
    [],
    env={"LG_EXAMPLES": "4096"},
    shim="shim_ssl",
    notebook=("colab/moco_cifar10_demo.ipynb", (2, 4, 6, 8, 10, 12, 13, 15)),
    **_first(
        lr_faults(0.06)
        + [
            Fault("a NaN pixel in batch 50 (the query crop)", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
            Fault("keys of other images (the positive pairs shuffled)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
            Fault("softmax on the logits before CrossEntropyLoss", env={"LG_FAULT": "softmax"}, expected=("LG001",)),
        ]
    ),
)

VGAE = Script(
    "vgae",
    "gae",
    "gae/train.py",
    [
        ("from gae.model import GCNModelVAE\n", "import os, sys, lgrun\nsys.path.insert(0, os.getcwd())\nfrom gae.model import GCNModelVAE\n"),
        ("args = parser.parse_args()\n", "args = parser.parse_args()\nnp.random.seed(args.seed)\ntorch.manual_seed(args.seed)\n"),
        # torch >= 1.x takes pos_weight as a tensor only (a float or numpy scalar is a TypeError)
        (
            "    pos_weight = float(adj.shape[0] * adj.shape[0] - adj.sum()) / adj.sum()\n",
            "    pos_weight = torch.tensor(float(adj.shape[0] * adj.shape[0] - adj.sum()) / adj.sum())\n",
        ),
        (
            "    optimizer = optim.Adam(model.parameters(), lr=args.lr)\n",
            "    optimizer = optim.Adam(model.parameters(), lr=args.lr)\n    loss_fn = lgrun.watch(model, loss_function)\n",
        ),
        (
            "        recovered, mu, logvar = model(features, adj_norm)\n        loss = loss_function(",
            f"        if {FAULT} == 'shuffled_targets':\n"
            "            perm = torch.randperm(n_nodes)\n            target = adj_label[perm][:, perm]\n"
            "        else:\n            target = adj_label\n"
            "        recovered, mu, logvar = model(lgrun.nan_batch(features), adj_norm)\n        loss = loss_fn(",
        ),
        ("loss_fn(preds=recovered, labels=adj_label,", "loss_fn(preds=recovered, labels=target,"),
        (
            "    print('Test AP score: ' + str(ap_score))\n",
            "    print('Test AP score: ' + str(ap_score))\n    print('LG-LAST', cur_loss)\n    " + digest("model"),
        ),
    ],
    [],
    file_patches={
        "gae/utils.py": [
            ("import networkx as nx\n", ""),
            (
                "def load_data(dataset):\n",
                "def load_data(dataset):\n"
                "    # stand-in for Cora: 300 nodes in 6 communities (edge odds 0.06 inside, 0.003 across), 100 binary\n"
                "    # word features, each community's 15 words drawn with odds 0.3, the others 0.02\n"
                "    rng = np.random.RandomState(0)\n"
                "    group = rng.randint(0, 6, 300)\n"
                "    same = group[:, None] == group[None, :]\n"
                "    a = np.triu(rng.rand(300, 300) < np.where(same, 0.06, 0.003), 1)\n"
                "    words = np.zeros((6, 100))\n"
                "    for g in range(6):\n"
                "        words[g, g * 15:(g + 1) * 15] = 1\n"
                "    x = (rng.rand(300, 100) < np.where(words[group] > 0, 0.3, 0.02)).astype(np.float32)\n"
                "    return sp.csr_matrix((a | a.T).astype(np.float64)), torch.FloatTensor(x)\n\n\n"
                "def _cora(dataset):\n",
            ),
        ],
        "gae/model.py": [
            (
                "        self.dc = InnerProductDecoder(dropout, act=lambda x: x)\n",
                f"        self.dc = InnerProductDecoder(dropout) if {FAULT} == 'sigmoid' else InnerProductDecoder(dropout, act=lambda x: x)\n",
            )
        ],
    },
    shim="shim_graph",
    **_first(
        [
            Fault("lr x100 (Adam 1)", ["--lr", "1.0"], expected=("LG101", "LG102", "LG104", "LG105", "LG106")),
            Fault("lr x1000 (Adam 10)", ["--lr", "10.0"], expected=("LG101", "LG102", "LG104", "LG105", "LG106")),
            Fault("lr 1e-7", ["--lr", "1e-7"], expected=("LG103",)),
            Fault("a NaN feature at epoch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
            Fault("the target graph's nodes shuffled (the link to the input graph gone)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
            Fault(
                "the decoder's default sigmoid left on (probabilities into binary_cross_entropy_with_logits)",
                env={"LG_FAULT": "sigmoid"},
                expected=("LG003", "LG103"),
            ),
        ]
    ),
)

HOUSING = Script(
    "housing-mlp",
    "housing",
    "04_metrics.py",
    [
        ("from sklearn.preprocessing import StandardScaler\n", "from sklearn.preprocessing import StandardScaler\nimport lgrun\n" + SEED),
        (
            "y_train = torch.tensor(y_train, dtype=torch.float32).reshape(-1, 1)\n",
            f"y_train = torch.tensor(y_train, dtype=torch.float32)\nif {FAULT} != 'no_reshape':\n    y_train = y_train.reshape(-1, 1)\n",
        ),
        ("loss_fn = nn.MSELoss()  # mean square error\n", "loss_fn = lgrun.watch(model, nn.MSELoss())  # mean square error\n"),
        ("optimizer = optim.Adam(model.parameters(), lr=0.001)\n", f"optimizer = optim.Adam(model.parameters(), lr={_lr('0.001')})\n"),
        ("n_epochs = 100   # number of epochs to run\n", "n_epochs = 3   # number of epochs to run\n"),
        ("        y_batch = y_train[start:start+batch_size]\n", "        y_batch = lgrun.shuffled(y_train[start:start+batch_size])\n"),
        ("        y_pred = model(X_batch)\n", "        y_pred = model(lgrun.nan_batch(X_batch))\n"),
    ],
    [],
    env={"LG_EXAMPLES": "4000"},
    shim="shim_tab",
    **_first(
        lr_faults(1e-3)
        + [
            Fault("a NaN feature in batch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
            Fault("targets shuffled in the batch", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
            Fault("the target left 1-D (N,) against the (N, 1) prediction", env={"LG_FAULT": "no_reshape"}, expected=("LG005",)),
        ]
    ),
)

MULTILABEL = Script(
    "multilabel-tagger",
    "multilabel",
    "scripts/train.py",
    [
        ("import torch\n", "import os\nimport lgrun\nimport torch\n"),
        (
            "    loss_fn = nn.BCEWithLogitsLoss(pos_weight=(neg / (pos + 1e-6)).to(device))\n",
            "    loss_fn = lgrun.watch(model, nn.BCEWithLogitsLoss(pos_weight=(neg / (pos + 1e-6)).to(device)))\n",
        ),
        (
            '        lr=float(training_cfg.get("learning_rate", 3e-4)),\n',
            '        lr=float(os.environ.get("LG_LR", training_cfg.get("learning_rate", 3e-4))),\n',
        ),
        (
            "            logits = model(images_batch)\n            loss = loss_fn(logits, labels_batch)\n",
            "            logits = model(lgrun.nan_batch(images_batch))\n"
            f"            if {FAULT} == 'sigmoid':\n                logits = torch.sigmoid(logits)\n"
            "            loss = loss_fn(logits, lgrun.shuffled(labels_batch))\n",
        ),
        (
            '    print(f"saved best checkpoint and thresholds to {output_dir}")\n',
            '    print(f"saved best checkpoint and thresholds to {output_dir}")\n    ' + digest("model"),
        ),
    ],
    [],
    shim="shim_ml",
    file_patches={
        "configs/default.yaml": [
            ("  image_size: 128\n", "  image_size: 64\n"),
            ("  epochs: 50\n", "  epochs: 12\n"),
        ]
    },
    **_first(
        [
            Fault("lr x100 (AdamW 0.03)", env={"LG_LR": "0.03"}, expected=("LG101", "LG102", "LG103", "LG104", "LG105", "LG106")),
            Fault("lr x1000 (AdamW 0.3)", env={"LG_LR": "0.3"}, expected=("LG101", "LG102", "LG103", "LG104", "LG105", "LG106")),
            Fault("lr 1e-7", env={"LG_LR": "1e-7"}, expected=("LG103",)),
            Fault("a NaN pixel in batch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
            Fault("tag vectors shuffled in the batch", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
            Fault("sigmoid before BCEWithLogitsLoss", env={"LG_FAULT": "sigmoid"}, expected=("LG003",)),
        ]
    ),
)

SCRIPTS28 = [MOCO, VGAE, HOUSING, MULTILABEL]


def prepare(script: Script, work: Path) -> None:
    """housing-mlp: the digest line appended (the script ends in its epoch loop). multilabel-tagger: ``aggregated/``, 30
    folders named by their tags (one to three of the 12, ``pen_paper_book``), 20 PNGs each (64x64): each tag present
    draws its own coloured square at its own place on a noisy grey ground, so the tags are learnable from the pixels
    and some are rarer than others (the script's ``pos_weight`` is their negatives over positives)."""
    if script.name == "multilabel-tagger":
        _tag_folders(work / "aggregated")
    if script.name == "housing-mlp":
        main = work / script.main
        main.write_text(main.read_text() + "print('LG-LAST', train_mse_history)\n" + digest("model"))


def _tag_folders(root: Path) -> None:
    import numpy as np
    from PIL import Image

    labels = ["pen", "paper", "book", "clock", "phone", "laptop", "chair", "desk", "bottle", "keychain", "backpack", "calculator"]
    rng = np.random.default_rng(0)
    colours = rng.integers(40, 255, (12, 3))
    weights = np.linspace(2.0, 0.3, 12)
    combos: set[tuple[int, ...]] = set()
    while len(combos) < 30:
        k = int(rng.integers(1, 4))
        combos.add(tuple(sorted(rng.choice(12, k, replace=False, p=weights / weights.sum()).tolist())))
    for combo in sorted(combos):
        folder = root / "_".join(labels[i] for i in combo)
        folder.mkdir(parents=True)
        for n in range(20):
            img = rng.normal(128, 20, (64, 64, 3))
            for i in combo:
                y, x = 4 + (i // 4) * 20 + int(rng.integers(0, 4)), 4 + (i % 4) * 15 + int(rng.integers(0, 3))
                img[y : y + 10, x : x + 10] = colours[i]
            Image.fromarray(img.clip(0, 255).astype(np.uint8)).save(folder / f"img{n:03d}.png")
