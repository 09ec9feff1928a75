"""Round 10's real scripts (docs/runtime.md "On real scripts, round 10"): kinds not covered before.

pytorch/examples at 77f55b9: super-resolution with a sub-pixel convolution network (a model of
convolutions only, MSELoss against the full-size image; ``super_resolution``), Hinton's
forward-forward algorithm (each layer a ``Linear`` with its own Adam and its own loss on the
goodness of positive and negative data, no backward through the network; ``mnist_forward_forward``)
and Hogwild training (two processes started with ``spawn`` update one model in shared memory, each
with its own optimizer and watcher; ``mnist_hogwild``). Fetched into ``--src`` as the other
scripts are; ``run.py`` runs them. Faults: the learning rate (x100, x1000, 1e-7) and the misuses
patched in below.
"""

from __future__ import annotations

import random
from pathlib import Path

from tests.runtime.real_scripts.round8 import NAN
from tests.runtime.real_scripts.round9 import lr_arg_faults
from tests.runtime.real_scripts.run import Fault, Script


def _first(faults: list[Fault]) -> dict:
    f = faults[0]
    return {"fault": f.name, "fault_args": f.args, "fault_env": f.env, "expected": f.expected, "onset": f.onset, "extra": faults[1:]}


SHUFFLED = Fault("targets of other examples (shuffled in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",))

SCRIPTS10 = [
    Script(
        "super_resolution",
        "examples/super_resolution",
        "main.py",
        [
            # four convolutions and a PixelShuffle (no Linear layer), MSELoss of the upscaled luminance
            # against the full-size one, Adam 0.01; the test set's PSNR after each epoch under no_grad
            ("criterion = nn.MSELoss()\n", "criterion = nn.MSELoss()\nimport lgrun\ncriterion = lgrun.watch(model, criterion)\n"),
            (
                "        input, target = batch[0].to(device), batch[1].to(device)\n\n        optimizer.zero_grad()\n",
                "        input, target = batch[0].to(device), batch[1].to(device)\n"
                "        input, target = lgrun.nan_batch(input), lgrun.shuffled(target)\n\n        optimizer.zero_grad()\n",
            ),
        ],
        ["--upscale_factor", "3", "--batchSize", "16", "--testBatchSize", "10", "--nEpochs", "16", "--threads", "0"],
        shim="shim_pil",
        file_patches={
            "data.py": [
                # Python 3's urllib, what six.moves gives (nothing is downloaded: prepare() writes the images)
                ("from six.moves import urllib\n", "import urllib.request\n"),
                # 48x48 crops instead of 256x256 (a 64-channel 5x5 convolution at 255x255 took seconds a step here)
                (
                    "def calculate_valid_crop_size(crop_size, upscale_factor):\n",
                    "def calculate_valid_crop_size(crop_size, upscale_factor):\n    crop_size = 48\n",
                ),
            ]
        },
        **_first(lr_arg_faults("--lr", 0.01) + [NAN, SHUFFLED]),
    ),
    Script(
        "mnist_forward_forward",
        "examples/mnist_forward_forward",
        "main.py",
        [
            # each Layer (an nn.Linear) trains alone, full batch, for --epochs steps with its own Adam on
            # softplus(threshold - goodness(positive)) and softplus(goodness(negative) - threshold);
            # the loss is the script's own expression: watch(layer) and observe(loss), one watcher a layer
            (
                "    def train(self, x_pos, x_neg):\n        for i in range(self.num_epochs):\n",
                "    def train(self, x_pos, x_neg):\n        import lgrun\n        watcher = lgrun.watch_model(self)\n"
                "        for i in range(self.num_epochs):\n",
            ),
            (
                "            self.opt.zero_grad()\n            loss.backward()\n",
                "            loss = watcher.observe(loss)\n            self.opt.zero_grad()\n            loss.backward()\n",
            ),
            # the stand-in MNIST returns images: the script's Lambda(flatten) transform, done here
            ("    x, y = next(iter(train_loader))\n", "    x, y = next(iter(train_loader))\n    x = x.flatten(1)\n"),
            ("    x_te, y_te = next(iter(test_loader))\n", "    x_te, y_te = next(iter(test_loader))\n    x_te = x_te.flatten(1)\n"),
            # positive data labelled with another example's label (shuffled labels)
            ("    x_pos = overlay_y_on_x(x, y)\n", "    x_pos = overlay_y_on_x(x, __import__('lgrun').shuffled(y))\n"),
        ],
        ["--epochs", "200", "--train_size", "1000", "--test_size", "256", "--log-interval", "50", "--no_accel"],
        env={"LG_EXAMPLES": "1000", "LG_SCRIPT": "mnist"},
        **_first(
            lr_arg_faults("--lr", 0.03)
            + [
                Fault("a NaN pixel in the (one, full) batch", env={"LG_FAULT": "nan_batch", "LG_NAN_AT": "100"}, expected=("LG101",)),
                Fault("labels of other images on the positive data", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
            ]
        ),
    ),
    Script(
        "mnist_hogwild",
        "examples/mnist_hogwild",
        "main.py",
        [],
        ["--epochs", "1", "--batch-size", "64", "--log-interval", "50", "--num-processes", "2"],
        env={"LG_EXAMPLES": str(64 * 200), "LG_SCRIPT": "mnist"},
        file_patches={
            # each spawned process watches the shared model with its own watcher; the first process's
            # events are the run's (LG_OUT), the second's go to LG_OUT.1. A spawned process leaves
            # through os._exit, without atexit: the watcher is closed at the end of train()
            "train.py": [
                (
                    "    optimizer = optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum)\n",
                    "    optimizer = optim.SGD(model.parameters(), lr=args.lr, momentum=args.momentum)\n"
                    "    import lgrun\n    if rank:\n        os.environ['LG_OUT'] += f'.{rank}'\n"
                    "    global LOSS\n    LOSS = lgrun.watch(model, F.nll_loss)\n",
                ),
                (
                    "        train_epoch(epoch, args, model, device, train_loader, optimizer)\n",
                    "        train_epoch(epoch, args, model, device, train_loader, optimizer)\n    lgrun.close()\n",
                ),
                ("        loss = F.nll_loss(output, target.to(device))\n", "        loss = LOSS(output, target.to(device))\n"),
            ]
        },
        **_first(
            lr_arg_faults("--lr", 0.01)
            + [
                Fault("random labels (a broken pipeline)", env={"LG_FAULT": "random_labels"}, expected=("LG103",)),
            ]
        ),
    ),
]


def _bsds_like(work: Path) -> None:
    """BSDS300's layout (dataset/BSDS300/images/{train,test}/*.jpg) with 200 + 20 generated 64x64
    pictures: a smooth two-colour gradient, a few filled ellipses and rectangles with edges to
    sharpen, light noise; saved as PNG (the script's ``is_image_file`` takes .png, .jpg, .jpeg)."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter

    rng = random.Random(0)
    nrng = np.random.default_rng(0)
    for split, n in (("train", 200), ("test", 20)):
        d = work / "dataset" / "BSDS300" / "images" / split
        d.mkdir(parents=True)
        for i in range(n):
            a, b = (np.array([rng.randint(0, 255) for _ in range(3)], dtype=np.float32) for _ in range(2))
            t = np.linspace(0, 1, 64, dtype=np.float32)[:, None, None]
            base = (a * (1 - t) + b * t).repeat(64, axis=1)
            img = Image.fromarray(base.astype(np.uint8))
            draw = ImageDraw.Draw(img)
            for _ in range(rng.randint(2, 6)):
                x, y, w, h = rng.randint(0, 56), rng.randint(0, 56), rng.randint(4, 24), rng.randint(4, 24)
                colour = tuple(rng.randint(0, 255) for _ in range(3))
                (draw.ellipse if rng.random() < 0.5 else draw.rectangle)((x, y, x + w, y + h), fill=colour)
            img = img.filter(ImageFilter.GaussianBlur(0.6))
            noisy = np.asarray(img, dtype=np.float32) + nrng.normal(0, 4, (64, 64, 3))
            Image.fromarray(noisy.clip(0, 255).astype(np.uint8)).save(d / f"{i:03d}.png")


def prepare(script: Script, work: Path) -> None:
    """Data the scripts read from disk, generated in their working folder."""
    if script.name == "super_resolution":
        _bsds_like(work)
