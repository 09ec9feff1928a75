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
        env={"LG_EXAMPLES": str(16 * 200)},
        shim="shim_pil",
        **_first(lr_faults(2e-4) + [NAN]),
    ),
]

LR_SCALE = "* float(__import__('os').environ.get('LG_LR_SCALE', '1'))"
SCRIPTS8 += [
    Script(
        "PPO",
        "PPO-PyTorch",
        "train.py",
        [
            # the README's CartPole settings (discrete actions, 400-step episodes, an update every
            # 1,600 timesteps of K_epochs=40 Adam steps on the same rollout, actor 3e-4, critic 1e-3);
            # 12,000 timesteps = 7 updates = 280 optimizer steps
            ("import roboschool\n", ""),
            ('    env_name = "RoboschoolWalker2d-v1"', '    env_name = "CartPole-v1"'),
            ("    has_continuous_action_space = True ", "    has_continuous_action_space = False "),
            ("    max_ep_len = 1000 ", "    max_ep_len = 400 "),
            ("    max_training_timesteps = int(3e6)", "    max_training_timesteps = 12000"),
            ("    K_epochs = 80 ", "    K_epochs = 40 "),
            ("    lr_actor = 0.0003 ", "    lr_actor = 0.0003 " + LR_SCALE + " "),
            ("    lr_critic = 0.001 ", "    lr_critic = 0.001 " + LR_SCALE + " "),
            ("    random_seed = 0 ", "    random_seed = 1 "),
        ],
        [],
        file_patches={
            "PPO.py": [
                # the clipped surrogate (-min(r A, clip(r) A), either sign) + 0.5 MSE(value, return) - 0.01 entropy
                ("            loss.mean().backward()\n", "            LGW.observe(loss.mean()).backward()\n"),
                (
                    "        self.MseLoss = nn.MSELoss()\n",
                    "        self.MseLoss = nn.MSELoss()\n        import lgrun\n        global LGW\n        LGW = lgrun.watch_model(self.policy)\n",
                ),
                (
                    "        rewards = torch.tensor(rewards, dtype=torch.float32).to(device)\n",
                    "        import lgrun\n        rewards = lgrun.nan_batch(torch.tensor(rewards, dtype=torch.float32).to(device))\n",
                ),
            ]
        },
        fault="lr x100 (actor 0.03, critic 0.1)",
        fault_env={"LG_LR_SCALE": "100"},
        expected=("LG101", "LG102", "LG103", "LG104", "LG105", "LG106"),
        extra=[
            Fault("lr x1000 (actor 0.3, critic 1.0)", env={"LG_LR_SCALE": "1000"}, expected=("LG101", "LG102", "LG103", "LG104", "LG105", "LG106")),
            Fault("lr 1e-7 (both)", env={"LG_LR_SCALE": str(1e-7 / 3e-4)}, expected=("LG103",)),
            Fault("a NaN return in the third update", env={"LG_FAULT": "nan_batch", "LG_NAN_STEP": "3"}, expected=("LG101",), onset=80),
        ],
    ),
]

UNET = Script(
    "Pytorch-UNet",
    "Pytorch-UNet",
    "train.py",
    [
        ("import torchvision.transforms as transforms\nimport torchvision.transforms.functional as TF\n", ""),  # unused
        # RMSprop (momentum 0.999) at the script's 1e-5, clip 1.0, ReduceLROnPlateau on the
        # validation Dice every n_train / (5 x batch) steps, a disabled GradScaler; the loss is the
        # criterion's value plus a Dice loss added in place (loss += dice_loss(...))
        (
            "    criterion = nn.CrossEntropyLoss() if model.n_classes > 1 else nn.BCEWithLogitsLoss()\n",
            "    import lgrun\n    criterion = lgrun.watch(model, nn.CrossEntropyLoss() if model.n_classes > 1 else nn.BCEWithLogitsLoss())\n",
        ),
        (
            "loader_args = dict(batch_size=batch_size, num_workers=os.cpu_count(), pin_memory=True)",
            "loader_args = dict(batch_size=batch_size, num_workers=0)",
        ),
        ("lr=learning_rate, weight_decay=weight_decay", "lr=" + _lr("1e-5") + ", weight_decay=weight_decay"),
        (
            "                images, true_masks = batch['image'], batch['mask']\n",
            "                images, true_masks = lgrun.nan_batch(batch['image']), batch['mask']\n",
        ),
        (
            "                        loss = criterion(masks_pred.squeeze(1), true_masks.float())\n",
            f"                        loss = criterion(masks_pred.squeeze(1).sigmoid() if {FAULT.format('sigmoid')} else masks_pred.squeeze(1), true_masks.float())\n",
        ),
        (
            "                        loss = criterion(masks_pred, true_masks)\n",
            f"                        loss = criterion(masks_pred.softmax(1) if {FAULT.format('softmax')} else masks_pred, true_masks)\n",
        ),
    ],
    # 60 images of 64x64 at --scale 0.5, 10% for validation: 27 steps an epoch at batch 2, 8 epochs
    ["--epochs", "8", "--batch-size", "2", "--scale", "0.5", "--classes", "1"],
    file_patches={
        # the script's own bug with --classes 1: a (B, 1, H, W) prediction against (B, H, W) masks
        "evaluate.py": [("mask_pred = (F.sigmoid(mask_pred) > 0.5).float()", "mask_pred = (F.sigmoid(mask_pred.squeeze(1)) > 0.5).float()")],
        "unet/unet_model.py": [
            (
                "        self.inc = (DoubleConv(n_channels, 64))\n        self.down1 = (Down(64, 128))\n        self.down2 = (Down(128, 256))\n"
                "        self.down3 = (Down(256, 512))\n        factor = 2 if bilinear else 1\n        self.down4 = (Down(512, 1024 // factor))\n"
                "        self.up1 = (Up(1024, 512 // factor, bilinear))\n        self.up2 = (Up(512, 256 // factor, bilinear))\n"
                "        self.up3 = (Up(256, 128 // factor, bilinear))\n        self.up4 = (Up(128, 64, bilinear))\n        self.outc = (OutConv(64, n_classes))\n",
                "        self.inc = (DoubleConv(n_channels, 8))\n        self.down1 = (Down(8, 16))\n        self.down2 = (Down(16, 32))\n"
                "        self.down3 = (Down(32, 64))\n        factor = 2 if bilinear else 1\n        self.down4 = (Down(64, 128 // factor))\n"
                "        self.up1 = (Up(128, 64 // factor, bilinear))\n        self.up2 = (Up(64, 32 // factor, bilinear))\n"
                "        self.up3 = (Up(32, 16 // factor, bilinear))\n        self.up4 = (Up(16, 8, bilinear))\n        self.outc = (OutConv(8, n_classes))\n",
            )
        ],
    },
    **_first(lr_faults(1e-5) + [NAN, Fault("sigmoid before BCEWithLogitsLoss", env={"LG_FAULT": "sigmoid"}, expected=("LG003",))]),
)
SCRIPTS8 += [
    UNET,
    Script(
        **{
            **UNET.__dict__,
            "name": "Pytorch-UNet-ce",
            "args": UNET.args[:-1] + ["2"],
            **_first(lr_faults(1e-5, high=(1000,)) + [Fault("softmax before CrossEntropyLoss", env={"LG_FAULT": "softmax"}, expected=("LG001",))]),
        }
    ),
]

SCRIPTS8 += [
    Script(
        "siamese-triplet",
        "siamese-triplet",
        "triplet_mnist.py",
        [
            # the notebook's triplet section: TripletLoss(margin=1) on three embeddings of a 2-D
            # EmbeddingNet (PReLU), Adam 1e-3, StepLR(8) stepped at the start of each epoch by
            # trainer.fit, validation under torch.no_grad() with the same loss_fn
            ("loss_fn = TripletLoss(margin)\n", "import lgrun\nloss_fn = lgrun.watch(model, TripletLoss(margin))\n"),
            ("lr = 1e-3\n", "lr = " + _lr("1e-3") + "\n"),
            (
                "batch_size = 128\nkwargs = {'num_workers': 1, 'pin_memory': True} if cuda else {}\ntriplet_train_loader",
                "batch_size = 16\nkwargs = {'num_workers': 1, 'pin_memory': True} if cuda else {}\ntriplet_train_loader",
            ),
            ("n_epochs = 20\n", "n_epochs = 4\n"),
        ],
        [],
        env={"LG_EXAMPLES": str(16 * 50)},
        shim="shim_pil",
        notebook=("Experiments_MNIST.ipynb", (3, 5, 16, 17)),
        file_patches={
            "trainer.py": [
                (
                    "        optimizer.zero_grad()\n        outputs = model(*data)\n",
                    "        optimizer.zero_grad()\n        import lgrun\n        data = (lgrun.nan_batch(data[0]),) + tuple(data[1:])\n        outputs = model(*data)\n",
                ),
            ]
        },
        **_first(
            lr_faults(1e-3) + [NAN, Fault("random labels (triplets of random classes)", env={"LG_FAULT": "random_labels"}, expected=("LG103",))]
        ),
    ),
]

SCRIPTS8 += [
    Script(
        "BPR-pytorch",
        "BPR-pytorch",
        "main.py",
        [
            # matrix factorisation trained with BPR: -sum(log sigmoid(x_ui - x_uj)) over the batch
            # (4,096 triplets, a summed loss of about 2,800 at the start), SGD with weight decay,
            # negatives resampled each epoch; hit rate and NDCG@10 after each epoch
            (
                "import model\n",
                "torch.Tensor.cuda = lambda self, *a, **k: self  # CPU\ntorch.nn.Module.cuda = lambda self, *a, **k: self\nimport model\n",
            ),
            ("shuffle=True, num_workers=4)", "shuffle=True, num_workers=0)"),
            (
                "model.parameters(), lr=args.lr, weight_decay=args.lamda)",
                "model.parameters(), lr=" + _lr("0.01") + ", weight_decay=args.lamda)\nimport lgrun\nLGW = lgrun.watch_model(model)",
            ),
            (
                "\t\tloss = - (prediction_i - prediction_j).sigmoid().log().sum()\n",
                "\t\tloss = LGW.observe(- (prediction_i - prediction_j).sigmoid().log().sum())\n",
            ),
            ("\t\tuser = user.cuda()\n\t\titem_i = item_i.cuda()\n", "\t\tuser = lgrun.shuffled(user.cuda())\n\t\titem_i = item_i.cuda()\n"),
        ],
        ["--epochs", "12", "--out", ""],
        file_patches={"config.py": [("main_path = '/home/share/guoyangyang/recommendation/NCF-Data/'", "main_path = 'data/'")]},
        **_first(
            lr_faults(0.01) + [Fault("users of other triplets (shuffled in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",))]
        ),
    ),
]


def _bpr_data(work: Path) -> None:
    """ml-1m's files in NCF's format for 600 users and 400 items: each user's 30 items drawn by
    their taste (8 latent factors), one held out with 99 negatives for the test."""
    import numpy as np

    rng = np.random.default_rng(0)
    users, items = rng.normal(size=(600, 8)), rng.normal(size=(400, 8))
    d = work / "data"
    d.mkdir(exist_ok=True)
    train, test = [], []
    for u in range(600):
        score = items @ users[u]
        p = np.exp(2 * (score - score.max()))
        seen = rng.choice(400, 31, replace=False, p=p / p.sum())
        train += [f"{u}\t{i}\t5\t0" for i in seen[1:]]
        negatives = rng.choice(np.setdiff1d(np.arange(400), seen), 99, replace=False)
        test.append(f"({u},{seen[0]})\t" + "\t".join(map(str, negatives)))
    (d / "ml-1m.train.rating").write_text("\n".join(train) + "\n")
    (d / "ml-1m.test.rating").write_text("")
    (d / "ml-1m.test.negative").write_text("\n".join(test) + "\n")


def _unet_data(work: Path) -> None:
    """60 RGB images of 64x64: a few ellipses (the objects, mask 255) and squares (clutter) of
    random colours on a noisy ground, and their masks, as the Carvana layout (NAME_mask.png)."""
    import numpy as np
    from PIL import Image, ImageDraw

    rng = np.random.default_rng(0)
    for d in ("imgs", "masks"):
        (work / "data" / d).mkdir(parents=True, exist_ok=True)
    for i in range(60):
        img = Image.fromarray((rng.normal(120, 30, (64, 64, 3))).clip(0, 255).astype(np.uint8))
        mask = Image.new("L", (64, 64), 0)
        di, dm = ImageDraw.Draw(img), ImageDraw.Draw(mask)
        for _ in range(rng.integers(1, 4)):
            x, y, r = rng.integers(8, 56, 2).tolist() + [int(rng.integers(4, 12))]
            colour = tuple(int(c) for c in rng.integers(150, 255, 3))
            if rng.random() < 0.6:
                di.ellipse((x - r, y - r, x + r, y + r), fill=colour)
                dm.ellipse((x - r, y - r, x + r, y + r), fill=255)
            else:
                di.rectangle((x - r, y - r, x + r, y + r), fill=colour)
        img.save(work / "data" / "imgs" / f"{i:03d}.png")
        mask.save(work / "data" / "masks" / f"{i:03d}_mask.png")


def _cora_content(work: Path, folder: str = "data/cora", classes: dict[int, int] | None = None) -> None:
    """Cora's .content (not in the mirror: a large file) for the papers of its .cites: 7 classes
    that follow the citation graph (neighbours' majority, from random seeds; or ``classes``, paper id
    to class), 1433 binary words, each paper 18 of them, two thirds from its class's 60 words."""
    import numpy as np

    rng = np.random.default_rng(0)
    edges = np.loadtxt(work / folder / "cora.cites", dtype=np.int64)
    ids = np.unique(edges)
    index = {p: i for i, p in enumerate(ids)}
    n = len(ids)
    nbrs: list[list[int]] = [[] for _ in range(n)]
    for a, b in edges:
        nbrs[index[a]].append(index[b])
        nbrs[index[b]].append(index[a])
    label = rng.integers(0, 7, n)
    for _ in range(0 if classes else 6):
        for i in rng.permutation(n):
            if nbrs[i] and rng.random() < 0.9:
                label[i] = np.bincount(label[nbrs[i]], minlength=7).argmax()
    if classes:
        label = np.array([classes[int(p)] for p in ids])
    names = ["Case_Based", "Genetic_Algorithms", "Neural_Networks", "Probabilistic_Methods", "Reinforcement_Learning", "Rule_Learning", "Theory"]
    topics = rng.permutation(1433)[: 7 * 60].reshape(7, 60)
    lines = []
    for i in rng.permutation(n):
        words = np.zeros(1433, dtype=np.int64)
        words[rng.choice(topics[label[i]], 12, replace=False)] = 1
        words[rng.choice(1433, 6, replace=False)] = 1
        lines.append(f"{ids[i]}\t" + "\t".join(map(str, words)) + f"\t{names[label[i]]}")
    (work / folder / "cora.content").write_text("\n".join(lines) + "\n")


SCRIPTS8 += [
    Script(
        "pygcn",
        "pygcn",
        "pygcn/train.py",
        [
            # full-batch training on one graph (200 epochs = 200 steps), Adam with weight decay,
            # a log_softmax model and nll_loss; validation in eval() without torch.no_grad()
            ("import time\n", "import sys, os\nsys.path.insert(0, os.getcwd())\nimport time\n"),
            (
                "    optimizer.zero_grad()\n    output = model(features, adj)\n",
                "    optimizer.zero_grad()\n    output = model(lgrun.nan_batch(features), adj)\n",
            ),
            (
                "loss_train = F.nll_loss(output[idx_train], labels[idx_train])",
                "loss_train = LG(output[idx_train], lgrun.shuffled(labels[idx_train]))",
            ),
            ("loss_val = F.nll_loss(output[idx_val], labels[idx_val])", "loss_val = LG(output[idx_val], labels[idx_val])"),
            (
                "                       lr=args.lr, weight_decay=args.weight_decay)\n",
                "                       lr="
                + _lr("0.01")
                + ", weight_decay=args.weight_decay)\n"
                + WATCH_LINE
                + "(model, F.nll_loss)\nimport lgrun\n",
            ),
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
    if script.name == "BPR-pytorch":
        _bpr_data(work)
    if script.name.startswith("Pytorch-UNet"):
        _unet_data(work)
