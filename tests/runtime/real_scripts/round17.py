"""Round 17's real scripts (docs/runtime.md "On real scripts, round 17"): kinds not covered before.

``clip-scratch``: mahima97/clip at fa7cd8e (``src/train.clip.py``, ``clip_model.py``, ``data.py``,
``tokenizer.py``, ``utils.py``, ``preprocess_img.py``), CLIP trained from scratch: a tiny ViT and a
text transformer, the symmetric cross-entropy of the image-text similarity matrix against its
diagonal (``clip_contrastive_loss(logits_i, logits_t)``, a function of the script's own, watched as
the criterion), a learned temperature (``logit_scale``), gradient clipping at 1, AdamW with weight
decay 0.1, a byte-pair tokenizer the script trains on the captions. COCO captions cannot be
downloaded here: 1,000 generated 32x32 images of one to two coloured shapes, each with five
captions naming them ("a red circle above a blue square"), in COCO's annotation format; width 64,
2 layers, patches of 8, 8 epochs of batch 32 (26 steps each) instead of 20 of 64; the loaders'
``num_workers=4`` is 0 (the machine's load).

``imdb-trainer``: pachecowillians/LLMs at f098ce1 (``studies/finetune.py``), sentiment
classification with the Hugging Face ``Trainer`` over a ``torch.utils.data.Dataset`` of the
script's own, watched by the documented plugin: ``Trainer(..., callbacks=[LossGuardTrainerCallback()])``.
No download: IMDB-like reviews are generated (aclImdb's folder layout, 2,000 reviews per class and
split, of 12-40 words: neutral words and a few of each class's sentiment words, one in five of the
other class's), a ``DistilBertTokenizerFast`` over their word list, and a 2-layer DistilBERT of
width 64 from scratch, so the learning rate is 1e-3 with 25 warm-up steps (the script's 1e-5 and 200
fine-tune a pretrained model); ``evaluate`` (imported, unused) is dropped; sklearn's
``train_test_split`` is a stand-in (``shim/sklearn``); ``report_to="none"`` (the shim folder's
stand-in wandb is not one the Trainer can log to).

``lightning-mnist``: Ludobico/Pytorch_KOGPT2.5 at 1487e03 (``Pytorch_lightning/01_tutorial.py``,
PyTorch Lightning's early README example): a ``LightningModule`` of one ``Linear(784, 10)`` whose
``forward`` returns ``torch.relu`` of the logits, ``F.cross_entropy``, Adam 0.02, a ``DataLoader``
of batch size 1 over MNIST (``shim/torchvision``, 300 examples), watched by the documented plugin:
``pl.Trainer(callbacks=[LossGuardCallback()])``; one epoch, no logger or checkpoint. The ReLU on
the logits is the script's own misuse (the first fault); the healthy run returns the logits.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from tests.runtime.real_scripts.round8 import FAULT, NAN, _first, _lr, lr_faults
from tests.runtime.real_scripts.run import Fault, Script

SCRIPTS17 = [
    Script(
        "clip-scratch",
        "clip/src",
        "train.clip.py",
        [
            ("import torch\n", "import torch, lgrun\n"),
            (
                "    opt = torch.optim.AdamW(model.parameters(), lr=args.lr,",
                f"    LGC = lgrun.watch(model, clip_contrastive_loss)\n    opt = torch.optim.AdamW(model.parameters(), lr={_lr('1e-3')},",
            ),
            (
                "            imgs, ids = imgs.to(device, non_blocking=True), ids.to(device, non_blocking=True)\n",
                "            imgs, ids = lgrun.nan_batch(imgs), lgrun.shuffled(ids)\n",
            ),
            ("                loss = clip_contrastive_loss(logits_i, logits_t)\n", "                loss = LGC(logits_i, logits_t)\n"),
            (
                "                              num_workers=4, pin_memory=True, drop_last=True)",
                "                              num_workers=0, drop_last=True)",
            ),
            (
                "                            num_workers=4, pin_memory=True, drop_last=False)",
                "                            num_workers=0, drop_last=False)",
            ),
        ],
        [
            "--data_root",
            "data",
            "--out_dir",
            "out",
            "--image_size",
            "32",
            "--patch_size",
            "8",
            "--ctx_len",
            "16",
            "--vocab_size",
            "120",
            "--width",
            "64",
            "--layers",
            "2",
            "--heads",
            "4",
            "--embed_dim",
            "64",
            "--batch_size",
            "32",
            "--epochs",
            "8",
            "--no_auto_resume",
        ],
        **_first(
            lr_faults(1e-3)
            + [
                Fault("captions of other images (rows shuffled in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
                NAN,
            ]
        ),
    ),
    Script(
        "imdb-trainer",
        "LLMs",
        "studies/finetune.py",
        [
            ("import evaluate\n", "import lgrun\n"),
            # the shim folder's stand-in scipy is not one transformers can use: off the path once sklearn's stand-in is in
            (
                "from transformers import DistilBertTokenizerFast,",
                'import sys\nsys.path = [p for p in sys.path if not p.endswith("shim")]\nfrom transformers import DistilBertTokenizerFast,',
            ),
            ("tokenizer = DistilBertTokenizerFast.from_pretrained(model_name)\n", 'tokenizer = DistilBertTokenizerFast("vocab.txt")\n'),
            (
                "train_texts, val_texts, train_labels, val_labels = train_test_split(train_texts, train_labels, test_size=0.2)\n",
                "train_texts, val_texts, train_labels, val_labels = train_test_split(train_texts, train_labels, test_size=0.2)\n"
                f"if {FAULT.format('shuffled_targets')}:  # labels of other reviews: the class counts stay\n"
                "    random.Random(1).shuffle(train_labels)\n",
            ),
            ("    warmup_steps=200,\n    learning_rate=1e-5,\n", f"    warmup_steps=25,\n    learning_rate={_lr('1e-3')},\n    report_to='none',\n"),
            (
                "model = DistilBertForSequenceClassification.from_pretrained(model_name)\n",
                "from transformers import DistilBertConfig\ntorch.manual_seed(0)\n"
                "model = DistilBertForSequenceClassification(DistilBertConfig(vocab_size=len(tokenizer), dim=64, n_layers=2, n_heads=2, hidden_dim=128))\n",
            ),
            ("    eval_dataset=val_dataset,\n", "    eval_dataset=val_dataset,\n    callbacks=lgrun.callbacks('transformers'),\n"),
            ("import torch\n", "import torch, random\n"),
        ],
        [],
        **_first(lr_faults(1e-3) + [Fault("labels of other reviews (shuffled once)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",))]),
    ),
    Script(
        "lightning-mnist",
        "Pytorch_KOGPT2.5/Pytorch_lightning",
        "01_tutorial.py",
        [
            # the shim folder's stand-in scipy and torchvision are not ones torchmetrics (imported by Lightning) can
            # use: the folder is off the path while Lightning is imported
            (
                "import pytorch_lightning as pl\n",
                'import sys\nSHIM = [p for p in sys.path if p.endswith("shim")]\nsys.path = [p for p in sys.path if p not in SHIM]\n'
                "import pytorch_lightning as pl\nsys.path += SHIM\nimport lgrun\n",
            ),
            (
                "        return torch.relu(self.l1(x.view(x.size(0), -1)))\n",
                f"        out = self.l1(x.view(x.size(0), -1))\n        return torch.relu(out) if {FAULT.format('relu_logits')} else out\n",
            ),
            ("        return optim.Adam(self.parameters(), lr=2e-2)\n", f"        return optim.Adam(self.parameters(), lr={_lr('2e-2')})\n"),
            (
                "trainer = pl.Trainer()\n",
                "trainer = pl.Trainer(max_epochs=1, callbacks=lgrun.callbacks('pytorch_lightning'), logger=False,\n"
                "                     enable_checkpointing=False, enable_progress_bar=False, enable_model_summary=False)\n",
            ),
        ],
        [],
        env={"LG_EXAMPLES": "300", "LG_NAN_AT": "50"},
        **_first(
            [
                Fault(
                    "the script's own ReLU on the logits (torch.relu before F.cross_entropy)",
                    env={"LG_FAULT": "relu_logits"},
                    expected=("LG103", "LG105", "LG107"),
                ),
                *lr_faults(2e-2),
                Fault("random labels (a broken pipeline)", env={"LG_FAULT": "random_labels"}, expected=("LG103",)),
                Fault("a NaN pixel in example 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=50),
            ]
        ),
    ),
    Script(
        "lightning-autoencoder",
        "Introduction-to-Lightning/03-LitAutoEncoder",
        "main.py",
        [
            # the shim folder's stand-ins (scipy, torchvision) are not ones torchmetrics can use: off the path while
            # Lightning is imported (the script's own modules import torchvision's stand-in after)
            (
                "from pytorch_lightning import Trainer\n",
                'import sys\nSHIM = [p for p in sys.path if p.endswith("shim")]\nsys.path = [p for p in sys.path if p not in SHIM]\n'
                "from pytorch_lightning import Trainer\nsys.path += SHIM\nimport lgrun\n",
            ),
            (
                "trainer = Trainer(accelerator='gpu', devices=1, max_epochs=10)\n",
                "trainer = Trainer(accelerator='cpu', devices=1, max_epochs=1, callbacks=lgrun.callbacks('pytorch_lightning'), logger=False,\n"
                "                  enable_checkpointing=False, enable_progress_bar=False, enable_model_summary=False)\n",
            ),
        ],
        [],
        env={"LG_EXAMPLES": "6400"},
        file_patches={
            "LitAutoEncoder.py": [
                (
                    "        # training_step defines the train loop.\n        x, y = batch\n",
                    "        # training_step defines the train loop.\n        x, y = batch\n        x = __import__('lgrun').nan_batch(x)\n",
                ),
                ("        optimizer = Adam(self.parameters(), lr=1e-3)\n", f"        optimizer = Adam(self.parameters(), lr={_lr('1e-3')})\n"),
            ],
            "LitMNIST.py": [
                ("random_split(mnist_full, [55000, 5000])", "random_split(mnist_full, [len(mnist_full) - 320, 320])"),
                ("num_workers=4):", "num_workers=0):"),
            ],
        },
        **_first(lr_faults(1e-3) + [NAN]),
    ),
]

_COLOURS = ["red", "green", "blue", "yellow", "purple", "orange"]
_RGB = {
    "red": (220, 40, 40),
    "green": (40, 180, 60),
    "blue": (40, 70, 220),
    "yellow": (230, 210, 40),
    "purple": (150, 50, 180),
    "orange": (240, 140, 30),
}
_SHAPES = ["circle", "square", "triangle"]


def _clip_data(root: Path, n: int = 1000) -> None:
    """COCO-format captions of generated images: one or two coloured shapes on a light ground."""
    from PIL import Image, ImageDraw

    rng = random.Random(0)
    (root / "images").mkdir(parents=True)
    images, annotations = [], []
    for i in range(n):
        img = Image.new("RGB", (32, 32), (235, 232, 225))
        draw = ImageDraw.Draw(img)
        things = []
        for k in range(rng.choice((1, 2))):
            colour, shape = rng.choice(_COLOURS), rng.choice(_SHAPES)
            x, y, r = (8 if k == 0 else 22) + rng.randint(-2, 2), rng.randint(8, 24), rng.randint(4, 7)
            box = (x - r, y - r, x + r, y + r)
            if shape == "circle":
                draw.ellipse(box, fill=_RGB[colour])
            elif shape == "square":
                draw.rectangle(box, fill=_RGB[colour])
            else:
                draw.polygon([(x, y - r), (x - r, y + r), (x + r, y + r)], fill=_RGB[colour])
            things.append(f"{colour} {shape}")
        name = f"{i:05d}.png"
        img.save(root / "images" / name)
        images.append({"id": i, "file_name": name})
        for template in ("a {}", "a picture of a {}", "an image with a {}", "a small {}", "there is a {}"):
            text = template.format(things[0]) + (f" and a {things[1]}" if len(things) > 1 else "")
            annotations.append({"image_id": i, "caption": text})
    (root / "annotations.json").write_text(json.dumps({"images": images, "annotations": annotations}))


_NEUTRAL = [f"w{i}" for i in range(300)]
_GOOD = ["good", "great", "fine", "superb", "lovely", "brilliant", "moving", "fun", "charming", "best", "enjoyed", "wonderful"]
_BAD = ["bad", "awful", "boring", "dull", "poor", "worst", "waste", "weak", "silly", "terrible", "hated", "mess"]


def _imdb_data(root: Path, per_class: int = 2000) -> None:
    """aclImdb's layout (split/pos, split/neg, a review per file) with generated reviews."""
    rng = random.Random(0)
    for split in ("train", "test"):
        for label, own, other in (("pos", _GOOD, _BAD), ("neg", _BAD, _GOOD)):
            d = root / split / label
            d.mkdir(parents=True)
            for i in range(per_class if split == "train" else 200):
                words = [rng.choice(_NEUTRAL) for _ in range(rng.randint(12, 40))]
                for _ in range(rng.randint(1, 3)):
                    words.insert(rng.randrange(len(words)), rng.choice(other if rng.random() < 0.2 else own))
                (d / f"{i}_{rng.randint(1, 10)}.txt").write_text(" ".join(words) + " .")
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "."] + _NEUTRAL + _GOOD + _BAD
    (root.parents[1] / "vocab.txt").write_text("\n".join(vocab) + "\n")


def prepare(script: Script, work: Path) -> None:
    if script.name == "clip-scratch":
        _clip_data(work / "data")
    if script.name == "imdb-trainer":
        _imdb_data(work / "studies" / "aclImdb")
