"""Round 27's real scripts (docs/runtime.md "Round 37: the watcher on real runs, round 27").

``wav2letter``: nipponjo/wav2letter-ctc-pytorch at 026a133 (``train.py``, ``model.py``, ``utils.py``,
``labels.py``): speech recognition from the raw waveform, a wav2letter (a strided Conv1d front end
over the samples, then eleven Conv1d blocks with BatchNorm, ReLU and dropout 0.1, ``log_softmax``
over the 29 classes: space, a-z, the apostrophe and the blank ``*``), ``nn.CTCLoss(blank=28,
zero_infinity=True)`` on the (time, batch, class) output with the targets padded and their lengths as
further arguments, AdamW 3e-4 (weight decay 1e-4), TensorBoard scalars every step and histograms
every 5,000. LibriSpeech stands in as ``shim_audio/torchaudio`` (tones per character, see its
docstring), 200 batches of 16; widths 32/64 instead of 250/2000; one epoch. The script's end-of-epoch
``test_and_log`` call passes five arguments to a six-argument function (a TypeError after the last
step): replaced by nothing. ``.cuda()`` on the batch replaced by ``.to(device)``.

``detr``: bubbliiiing/detr-pytorch at 9b46197 (``train.py``, ``utils/utils_fit.py``, ``nets/``): DETR (a ResNet
backbone, frozen in the script's first 50 epochs, a transformer, 100 queries) whose ``SetCriterion`` returns a dict
(``loss_ce``, ``class_error``, ``cardinality_error``, ``loss_bbox``, ``loss_giou``) after a Hungarian matching; the
script trains ``sum(loss_dict[k] * weight_dict[k])`` over the criterion's ``weight_dict``, clips the gradients at
0.1, AdamW 1e-4 with the script's epoch-wise warm-up (epoch 0 at a tenth of the rate). Watched as
``lgrun.watch(model, build_loss(num_classes))``. Stand-ins (``shim_det``): torchvision's resnet50 (a small ResNet
with ``norm_layer``), ``IntermediateLayerGetter``, ``box_area`` and ``nms``; scipy's ``linear_sum_assignment``;
OpenCV's HSV conversion. Generated VOC-style data: 800 160x160 images of one or two coloured boxes (3 classes);
input 128x128, hidden 64, 20 queries, 2+2 transformer layers; 2 epochs of 100 batches of 8.

``lightgcn``: gusye1234/LightGCN-PyTorch at 947ca2b (``code/main.py``, ``Procedure.py``, ``utils.py``,
``model.py``, ``dataloader.py``): LightGCN (3 propagation layers over the normalised user-item graph as a torch
sparse matrix) trained with BPR, ``softplus(neg - pos)`` averaged, plus 1e-4 times the embeddings' L2, Adam 1e-3,
one uniformly sampled negative per interaction, a full ranking test every 10 epochs; the model computes its own loss:
``watch_model`` and ``observe(loss)``. Stand-ins: ``shim_rec/scipy`` (sparse as dense), ``roc_auc_score``;
Gowalla's files generated (600 users, 400 items, 8 communities); batches of 256 instead of 2048, 4 epochs (188 steps).

``pl-backbone``: Lightning-AI/pytorch-lightning at 7f0c343 (``examples/pytorch/basics/backbone_image_classifier.py``):
a ``LightningModule`` (784-128-10 with a ReLU on the logits) run by ``LightningCLI`` with its default
TensorBoard logger, Adam 1e-4, then ``trainer.test`` and ``predict`` from the best checkpoint; the lossguard
Lightning callback passed as a trainer default. Stand-in MNIST (``shim/torchvision``) for the demo's download; after
``fit`` the TensorBoard rows of the events are read back (``lgrun.tb_rows``) and printed.
"""

from __future__ import annotations

from pathlib import Path

from tests.runtime.real_scripts.round8 import _first, _lr, lr_faults
from tests.runtime.real_scripts.run import Fault, Script

FAULT = "__import__('os').environ.get('LG_FAULT')"

WAV2LETTER = Script(
    "wav2letter",
    "wav2letter",
    "train.py",
    [
        ("import torchaudio\n", "import torchaudio\nimport lgrun\n"),
        ("    'lr': 3e-4,\n    'epochs': 100,\n", f"    'lr': {_lr('3e-4')},\n    'epochs': 1,\n"),
        (
            "criterion = nn.CTCLoss(blank=len(labels)-1, zero_infinity=True).to(device)",
            "criterion = lgrun.watch(model, nn.CTCLoss(blank=len(labels)-1, zero_infinity=True)).to(device)",
        ),
        (
            "        waves, labels = waves.cuda(\n            non_blocking=True), labels.cuda(non_blocking=True)\n\n        out = model(waves)",
            "        waves, labels = waves.to(device), labels.to(device)\n"
            f"        if {FAULT} == 'shuffled_targets':\n"
            "            perm = torch.randperm(len(output_lens))\n"
            "            labels, output_lens = labels[perm], [output_lens[int(j)] for j in perm]\n"
            "        out = model(lgrun.nan_batch(waves))",
        ),
        ("    test_and_log(model, test_loader, criterion, writer, n_iter)\n", ""),
    ],
    [],
    env={"LG_EXAMPLES": str(16 * 200)},
    shim="shim_audio",
    file_patches={
        "model.py": [
            ("in_channels=num_features, out_channels=250, ", "in_channels=num_features, out_channels=32, "),
            (
                "Conv1dBlock(in_channels=250, out_channels=250,\n                        kernel_size=48",
                "Conv1dBlock(in_channels=32, out_channels=32,\n                        kernel_size=48",
            ),
            ("(Conv1dBlock(in_channels=250, out_channels=250, kernel_size=7", "(Conv1dBlock(in_channels=32, out_channels=32, kernel_size=7"),
            ("Conv1dBlock(in_channels=250, out_channels=2000,", "Conv1dBlock(in_channels=32, out_channels=64,"),
            ("Conv1dBlock(in_channels=2000, out_channels=2000,", "Conv1dBlock(in_channels=64, out_channels=64,"),
            ("Conv1dBlock(in_channels=2000, out_channels=num_classes,", "Conv1dBlock(in_channels=64, out_channels=num_classes,"),
            (
                "        x = nn.functional.log_softmax(x, dim=1)\n",
                f"        x = nn.functional.softmax(x, dim=1) if {FAULT} == 'softmax' else nn.functional.log_softmax(x, dim=1)\n",
            ),
        ]
    },
    **_first(
        lr_faults(3e-4)
        + [
            Fault("a NaN sample in batch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
            Fault("transcripts shuffled in the batch", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
            Fault("softmax before CTCLoss (probabilities, not log-probabilities)", env={"LG_FAULT": "softmax"}, expected=("LG012", "LG107")),
        ]
    ),
)


DETR = Script(
    "detr",
    "detr",
    "train.py",
    [
        ("    Cuda            = True\n", "    Cuda            = False\n"),
        ("    model_path      = 'model_data/detr_resnet50_weights_coco.pth'\n", "    model_path      = ''\n"),
        ("    input_shape     = [800, 800]\n", "    input_shape     = [128, 128]\n"),
        ("    Init_lr             = 1e-4\n", f"    Init_lr             = {_lr('1e-4')}\n"),
        ("    eval_flag           = True\n", "    eval_flag           = False\n"),
        ("    num_workers         = 4\n", "    num_workers         = 0\n"),
        (
            "model = DETR(backbone, 'sine', 256, num_classes, 100, pretrained=pretrained)",
            "model = DETR(backbone, 'sine', 64, num_classes, 20, pretrained=pretrained)",
        ),
        ("    detr_loss = build_loss(num_classes)\n", "    import lgrun\n    detr_loss = lgrun.watch(model, build_loss(num_classes))\n"),
        ("        for epoch in range(Init_Epoch, UnFreeze_Epoch):\n", "        for epoch in range(Init_Epoch, 2):\n"),
    ],
    [],
    shim="shim_det",
    file_patches={
        "nets/detr.py": [
            (
                "build_transformer(hidden_dim=hidden_dim, pre_norm=False)",
                "build_transformer(hidden_dim=hidden_dim, pre_norm=False, nheads=4, dim_feedforward=128, enc_layers=2, dec_layers=2)",
            )
        ],
        "nets/backbone.py": [("num_channels = 512 if name in ('resnet18', 'resnet34') else 2048", "num_channels = 64")],
        "nets/detr_training.py": [
            (
                "from scipy.optimize import linear_sum_assignment\n",
                "from scipy.optimize import linear_sum_assignment\n\n_GIOU = [0]\n\n\ndef _nan_giou():\n"
                "    _GIOU[0] += torch.is_grad_enabled()\n"
                f"    return float('nan') if {FAULT} == 'nan_giou' and torch.is_grad_enabled() and _GIOU[0] == 51 else 1.0\n",
            ),
            (
                "        losses['loss_giou'] = loss_giou.sum() / num_boxes\n",
                "        losses['loss_giou'] = loss_giou.sum() / num_boxes * _nan_giou()\n",
            ),
        ],
        "utils/utils_fit.py": [
            (
                "            outputs     = model_train(images)\n            loss_value  = detr_loss(outputs, targets)\n            weight_dict = detr_loss.weight_dict\n"
                "            loss_value = sum(loss_value[k] * weight_dict[k] for k in loss_value.keys() if k in weight_dict)\n\n            #",
                "            if __import__('os').environ.get('LG_FAULT') == 'shuffled_targets':\n"
                "                targets = [targets[int(j)] for j in torch.randperm(len(targets))]\n"
                "            outputs     = model_train(__import__('lgrun').nan_batch(images))\n            loss_value  = detr_loss(outputs, targets)\n"
                "            weight_dict = detr_loss.weight_dict\n"
                "            loss_value = sum(loss_value[k] * weight_dict[k] for k in loss_value.keys() if k in weight_dict)\n\n            #",
            )
        ],
    },
    **_first(
        lr_faults(1e-4)
        + [
            Fault("a NaN pixel in batch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
            Fault("the GIoU term NaN at call 51 (one entry of the loss dict)", env={"LG_FAULT": "nan_giou"}, expected=("LG101",), onset=50),
            Fault("targets of other images (shuffled in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
        ]
    ),
)

_BCE_RAW = f"{FAULT} == 'bce_raw'"

LIGHTGCN = Script(
    "lightgcn",
    "lightgcn",
    "code/main.py",
    [],
    ["--bpr_batch", "256", "--testbatch", "128", "--epochs", "4", "--tensorboard", "1", "--seed", "2020"],
    shim="shim_rec",
    file_patches={
        "code/register.py": [('dataloader.Loader(path="../data/"+world.dataset)', 'dataloader.Loader(path="data/"+world.dataset)')],
        "code/utils.py": [
            (
                "        self.opt = optim.Adam(recmodel.parameters(), lr=self.lr)\n",
                "        self.opt = optim.Adam(recmodel.parameters(), lr=self.lr)\n"
                f"        import lgrun\n        self.LGW = lgrun._Unwatched() if {_BCE_RAW} else lgrun.watch_model(recmodel)\n",
            ),
            ("        loss = loss + reg_loss\n", "        loss = self.LGW.observe(loss + reg_loss)\n"),
        ],
        "code/Procedure.py": [
            (
                "        cri = bpr.stageOne(batch_users, batch_pos, batch_neg)\n",
                f"        if {FAULT} == 'shuffled_targets':\n            batch_users = batch_users[torch.randperm(len(batch_users))]\n"
                "        cri = bpr.stageOne(batch_users, batch_pos, batch_neg)\n",
            )
        ],
        "code/model.py": [
            (
                "        loss = torch.mean(torch.nn.functional.softplus(neg_scores - pos_scores))\n        \n        return loss, reg_loss\n",
                f"        if {_BCE_RAW}:\n"
                "            import lgrun\n            self.__dict__.setdefault('_bce', lgrun.watch(self, nn.BCELoss()))\n"
                "            loss = self._bce(pos_scores - neg_scores, torch.ones_like(pos_scores))\n"
                "        else:\n"
                "            loss = torch.mean(torch.nn.functional.softplus(neg_scores - pos_scores))\n        \n        return loss, reg_loss\n",
            )
        ],
    },
    **_first(
        [
            Fault("lr x100 (Adam 0.1)", ["--lr", "0.1"], expected=("LG101", "LG102", "LG104", "LG105", "LG106")),
            Fault("lr x1000 (Adam 1)", ["--lr", "1.0"], expected=("LG101", "LG102", "LG104", "LG105", "LG106")),
            Fault("lr 1e-7", ["--lr", "1e-7"], expected=("LG103",)),
            Fault("users shuffled in the batch (the user-item link gone)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
            Fault("BPR written as BCELoss on the raw score differences", env={"LG_FAULT": "bce_raw"}, expected=("LG002",)),
        ]
    ),
)

PL_BACKBONE = Script(
    "pl-backbone",
    "pl-backbone",
    "backbone_image_classifier.py",
    [
        (
            "from os import path\n",
            "import sys, lgrun\nimport torchvision.datasets, torchvision.transforms as transforms\n\nMNIST = torchvision.datasets.MNIST\n"
            "# torchmetrics imports any scipy, matplotlib and torchvision it finds: not the stand-ins\n"
            "for _m in [m for m in sys.modules if m.split('.')[0] == 'torchvision']:\n    del sys.modules[_m]\n"
            "sys.path[:] = [p for p in sys.path if not p.rstrip('/').endswith('real_scripts/shim')]\nfrom os import path\n",
        ),
        ("from lightning.pytorch.demos.mnist_datamodule import MNIST\n", ""),
        ("if _TORCHVISION_AVAILABLE:\n    from torchvision import transforms\n", ""),
        ("            dataset, [55000, 5000], generator", "            dataset, [len(dataset) - 320, 320], generator"),
        (
            "    cli = LightningCLI(\n"
            '        LitClassifier, MyDataModule, seed_everything_default=1234, save_config_kwargs={"overwrite": True}, run=False\n'
            "    )\n    cli.trainer.fit(cli.model, datamodule=cli.datamodule)\n",
            # LightningCLI needs jsonargparse (not installed): the objects it would build from these arguments
            "    from types import SimpleNamespace\n    from lightning.pytorch import Trainer, seed_everything\n\n"
            "    seed_everything(1234)\n"
            f"    cli = SimpleNamespace(model=LitClassifier(learning_rate={_lr('0.0001')}), datamodule=MyDataModule(batch_size=32),\n"
            "        trainer=Trainer(max_epochs=1, limit_val_batches=4, accelerator='cpu', devices=1, callbacks=lgrun.callbacks('lightning')))\n"
            "    cli.trainer.fit(cli.model, datamodule=cli.datamodule)\n    lgrun.tb_rows(cli.trainer.logger.log_dir)\n",
        ),
    ],
    [],
    env={"LG_EXAMPLES": str(32 * 200 + 320)},
    **_first(
        [
            Fault("lr x1000 (Adam 0.1)", env={"LG_LR": "0.1"}, expected=("LG101", "LG102", "LG105", "LG106")),
        ]
    ),
)

SCRIPTS27 = [WAV2LETTER, DETR, LIGHTGCN, PL_BACKBONE]


def prepare(script: Script, work: Path) -> None:
    """lightgcn: Gowalla's ``train.txt``/``test.txt`` (user, then its items) for 600 users and 400 items in 8
    hidden communities, each user 20 training and 5 test items, 4 in 5 from its community's 50. detr: VOC-style annotation lines (``2007_train.txt``: 800 images, ``2007_val.txt``: 16) for
    generated 160x160 JPEGs, each one or two filled boxes on a grey ground whose colour is its class
    (aeroplane red, bicycle green, bird blue)."""
    if script.name == "lightgcn":
        _gowalla(work / "data" / "gowalla")
    if script.name != "detr":
        return
    import random

    from PIL import Image, ImageDraw

    rng = random.Random(0)
    colours = [(200, 40, 40), (40, 180, 60), (40, 70, 210)]
    (work / "imgs").mkdir()
    for split, n in (("train", 800), ("val", 16)):
        lines = []
        for i in range(n):
            img = Image.new("RGB", (160, 160), (128, 128, 128))
            draw = ImageDraw.Draw(img)
            boxes = []
            for _ in range(rng.randint(1, 2)):
                w, h = rng.randint(30, 90), rng.randint(30, 90)
                x, y = rng.randint(0, 160 - w), rng.randint(0, 160 - h)
                c = rng.randrange(3)
                draw.rectangle((x, y, x + w, y + h), fill=colours[c])
                boxes.append(f"{x},{y},{x + w},{y + h},{c}")
            path = work / "imgs" / f"{split}{i:04d}.jpg"
            img.save(path, quality=95)
            lines.append(f"{path} " + " ".join(boxes))
        (work / f"2007_{split}.txt").write_text("\n".join(lines) + "\n")


def _gowalla(folder: Path) -> None:
    import numpy as np

    rng = np.random.default_rng(0)
    folder.mkdir(parents=True, exist_ok=True)
    group = rng.integers(0, 8, 600)
    items = rng.permutation(400).reshape(8, 50)
    train, test = [], []
    for u in range(600):
        own = rng.choice(items[group[u]], 20, replace=False)
        other = rng.choice(400, 5, replace=False)
        picks = list(dict.fromkeys([int(i) for i in np.concatenate([own, other])]))[:25]
        rng.shuffle(picks)
        train.append(f"{u} " + " ".join(map(str, picks[:20])))
        test.append(f"{u} " + " ".join(map(str, picks[20:])))
    (folder / "train.txt").write_text("\n".join(train) + "\n")
    (folder / "test.txt").write_text("\n".join(test) + "\n")
