"""Round 19's real scripts (docs/runtime.md "On real scripts, round 19"): kinds not covered before.

``vqvae``: ritheshkumar95/pytorch-vqvae at 8d123c0 (``vqvae.py`` with its ``modules.py`` and
``functions.py``): a VQ-VAE whose loss is the reconstruction MSE plus the codebook and commitment MSEs
(``loss_recons + loss_vq + beta * loss_commit``), the encoder's gradient copied past the codebook's
nearest-neighbour lookup (a straight-through ``autograd.Function``), Adam 2e-4; the summed loss through
``observe``. Stand-in MNIST (``shim/torchvision``), hidden size 32 and 64 codes instead of 256 and 512, batch
32, 2 epochs of 100 batches, no worker processes.

``lightning-gan``: Lightning-AI/pytorch-lightning at 7f0c343
(``examples/pytorch/domain_templates/generative_adversarial_net.py``): a GAN as one ``LightningModule`` with
two Adam optimizers and manual optimization (``automatic_optimization = False``; ``toggle_optimizer``,
``manual_backward`` and ``opt.step()`` for the generator, then the discriminator, in each
``training_step``, which returns nothing); watched through the Lightning plugin
(``callbacks=lgrun.callbacks("lightning")``). Stand-in MNIST in a plain ``DataLoader`` (the script's
``MNISTDataModule`` downloads), CPU, one epoch of 150 batches of 64.

``mdn``: hardmaru/pytorch_notebooks at 83a0a20 (``mixture_density_networks.ipynb``, its data and MDN
cells): a mixture density network (5 Gaussians) fitted by its own negative log-likelihood
``-log(sum(pi * N(y; mu, sigma)))`` written without log-sum-exp, full batch (1,000 points of an inverted
sine), Adam at its default 1e-3; the loss function watched as the criterion
(``lossguard.watch(network, mdn_loss_fn)``): a likelihood of continuous data, which may go below zero.
1,000 steps instead of 10,000; ``loss.data[0]`` (torch 0.3) read as ``loss.item()``.

``accelerate-grad-accum``: huggingface/accelerate at 16cb6eb (``examples/by_feature/gradient_accumulation.py``): BERT
sequence classification of MRPC sentence pairs in an ``accelerate`` loop with gradient accumulation
(``Accelerator(gradient_accumulation_steps=4)``, ``with accelerator.accumulate(model)``: ``optimizer.step()`` and the
scheduler's ``step()`` called on every micro-batch and skipped by accelerate but on every 4th,
``accelerator.backward`` dividing the loss by 4), AdamW with linear warm-up (100 scheduler steps) and decay, ``--cpu``;
the model's ``output.loss`` through ``observe(loss, logits=, targets=)``. Stand-ins (``shim_hf``): ``datasets`` with
synthetic sentence pairs of MRPC's form (a paraphrase is the first sentence with two words replaced), ``evaluate``'s
accuracy and F1, a word-level tokenizer with BERT's special tokens and a 2-layer BERT of random weights for
``bert-base-cased`` (``hf_stub``); learning rate 1e-3 instead of 2e-5 (the stand-in BERT is not pretrained: at 2e-5 it
would not learn in this run), 4,800 pairs in micro-batches of 16, 3 epochs (225 optimizer steps).
"""

from __future__ import annotations

from pathlib import Path

from tests.runtime.real_scripts.round8 import _first, _lr, lr_faults
from tests.runtime.real_scripts.run import ENV_INT, Fault, Script

# the shim folder's stand-in torchvision is not one Lightning can use: the folder is off the path while it is imported
_OFF_SHIM = 'import sys\nSHIM = [p for p in sys.path if p.endswith("shim")]\nsys.path = [p for p in sys.path if p not in SHIM]\n'

SCRIPTS19 = [
    Script(
        "vqvae",
        "pytorch-vqvae",
        "vqvae.py",
        [
            ("import numpy as np\n", "import numpy as np\nimport lgrun\n"),
            ("        loss.backward()\n", "        LGW.observe(loss).backward()\n"),
            (
                "    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)\n",
                "    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)\n    global LGW\n    LGW = lgrun.watch_model(model)\n",
            ),
        ],
        [
            "--dataset",
            "mnist",
            "--data-folder",
            ".",
            "--hidden-size",
            "32",
            "--k",
            "64",
            "--batch-size",
            "32",
            "--num-epochs",
            "2",
            "--num-workers",
            "0",
        ],
        env={"LG_EXAMPLES": str(32 * 100), "LG_NAN_AT": str(32 * 50)},
        **_first(
            [
                Fault("lr x100 (Adam 0.02)", ["--lr", "0.02"], expected=("LG101", "LG102", "LG103", "LG104", "LG105", "LG106")),
                Fault("lr x1000 (Adam 0.2)", ["--lr", "0.2"], expected=("LG101", "LG102", "LG103", "LG104", "LG105", "LG106")),
                Fault("lr 1e-7", ["--lr", "1e-7"], expected=("LG103",)),
                Fault("a NaN pixel in batch 51", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=50),
            ]
        ),
    ),
    Script(
        "lightning-gan",
        "lightning-gan",
        "generative_adversarial_net.py",
        [
            ("import math\n", _OFF_SHIM + "import math\n"),
            (
                "if _TORCHVISION_AVAILABLE:\n    import torchvision\n",
                "sys.path += SHIM\nimport lgrun, torchvision\n",
            ),
            ("        grid = torchvision.utils.make_grid(sample_imgs)\n", "        grid = sample_imgs\n"),
            (
                "    dm = MNISTDataModule()\n",
                "    dm = torch.utils.data.DataLoader(torchvision.datasets.MNIST('.', train=True), batch_size=64, shuffle=True)\n",
            ),
            (
                '    trainer = Trainer(accelerator="gpu", devices=1)\n',
                '    trainer = Trainer(accelerator="cpu", devices=1, max_epochs=1, callbacks=lgrun.callbacks("lightning"), logger=False,\n'
                "                      enable_checkpointing=False, enable_progress_bar=False, enable_model_summary=False)\n",
            ),
        ],
        [],
        env={"LG_EXAMPLES": str(64 * 150)},
        **_first(
            [
                Fault("lr x100 (Adam 0.02)", ["--lr", "0.02"], expected=("LG101", "LG102", "LG103", "LG104", "LG105", "LG106")),
                Fault("lr x1000 (Adam 0.2)", ["--lr", "0.2"], expected=("LG101", "LG102", "LG103", "LG104", "LG105", "LG106")),
            ]
        ),
    ),
    Script(
        "mdn",
        "pytorch_notebooks",
        "mdn.py",
        [
            (
                "import numpy as np # basic math and random numbers\n",
                "import numpy as np # basic math and random numbers\nimport lgrun\nnp.random.seed(0)\n",
            ),
            (
                "optimizer = torch.optim.Adam(network.parameters())\n",
                f"optimizer = torch.optim.Adam(network.parameters(), lr={_lr('1e-3')})\nLGC = lgrun.watch(network, mdn_loss_fn)\n",
            ),
            ("    for epoch in range(10000):\n", f"    for epoch in range({ENV_INT.format('LG_STEPS', '1000')}):\n"),
            (
                "        loss = mdn_loss_fn(pi_variable, sigma_variable, mu_variable, y_variable)\n",
                "        loss = LGC(pi_variable, sigma_variable, mu_variable, lgrun.shuffled(y_variable))\n",
            ),
            ("            print(epoch, loss.data[0])\n", "            print(epoch, loss.item())\n"),
        ],
        [],
        notebook=("mixture_density_networks.ipynb", (3, 5, 8, 14, 28, 30, 32, 34, 36, 38)),
        **_first(
            lr_faults(1e-3) + [Fault("targets of other points (y shuffled each step)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",))]
        ),
    ),
    Script(
        "accelerate-grad-accum",
        "accelerate-examples",
        "gradient_accumulation.py",
        [
            # the shim folder's stand-in scipy is not one transformers can use: off the path once lgrun is imported
            ("import evaluate\n", "import evaluate\nimport hf_stub, lgrun, sys\nsys.path = [p for p in sys.path if not p.endswith('shim')]\n"),
            ('    tokenizer = AutoTokenizer.from_pretrained("bert-base-cased")\n', "    tokenizer = hf_stub.tokenizer()\n"),
            (
                '    model = AutoModelForSequenceClassification.from_pretrained("bert-base-cased", return_dict=True)\n',
                "    model = hf_stub.bert(return_dict=True)\n    LGW = lgrun.watch_model(model)\n",
            ),
            (
                "                loss = output.loss\n",
                '                loss = LGW.observe(output.loss, logits=output.logits, targets=batch["labels"])\n',
            ),
            (
                '    config = {"lr": 2e-5, "num_epochs": 3, "seed": 42, "batch_size": 16}\n',
                f'    config = {{"lr": {_lr("1e-3")}, "num_epochs": 3, "seed": 42, "batch_size": 16}}\n',
            ),
        ],
        ["--cpu", "--gradient_accumulation_steps", "4"],
        env={"LG_EXAMPLES": str(16 * 4 * 75)},
        shim="shim_hf",
        **_first(lr_faults(1e-3) + [Fault("shuffled labels (their frequencies kept)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",))]),
    ),
]


def prepare(script: Script, work: Path) -> None:
    """Nothing to generate: the stand-in MNIST is made by the shim, the MDN's data by its notebook."""
    if script.name == "vqvae":
        (work / "models" / "vqvae").mkdir(parents=True)
