"""Run real third-party training scripts under lossguard.watch, healthy and with one fault each.

    python -m tests.runtime.real_scripts.run --src /work/realscripts [--only mnist,vae] [--out results.json]

``--src`` holds the unmodified scripts, fetched and extracted outside this repository:
``examples/{mnist,vae,dcgan,word_language_model}`` from github:pytorch/examples and ``nanoGPT``
from github:karpathy/nanoGPT (``git --git-dir D archive HEAD | tar -x -C dir``); session 7's
``build-nanogpt``, ``SimCLR`` (sthalles/SimCLR), ``PyTorch-GAN`` (eriklindernoren/PyTorch-GAN's
``implementations`` folder), ``minGPT`` and ``tutorials`` (pytorch/tutorials'
``transfer_learning_tutorial.py`` and ``seq2seq_translation_tutorial.py``, their code without
the prose comments; the first up to the end of its section 1, and as
``transfer_learning_cotuning.py`` its shared part and section 3); round 8's scripts are declared in
``round8.py`` (its docstring names them), and later rounds' in ``round9.py`` to ``round28.py``. Scripts with ``shim="shim_pil"``
load PIL images through real transforms (``shim_pil/torchvision``). Each run copies
a script to a temporary folder and patches it as text (every patch must match exactly once):
the criterion is wrapped with ``lossguard.watch`` (through ``shim/lgrun.py``), the data is small
and synthetic (``shim/torchvision`` stands in for torchvision; text corpora and nanoGPT's
``train.bin`` are generated), the run is shortened to 150-300 optimizer steps, and a fault is
injected by a command-line change or an environment variable. Every run is also repeated with
``LG_OFF=1`` (the same patched script, the plain criterion) for the overhead ratio. ``LG_CONSOLE=1`` in the
environment prints each watcher's console to the script's stderr (with the script's own progress bars).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]


@dataclass
class Fault:
    """A further fault of a script (the first is in Script's own fault fields)."""

    name: str
    args: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    expected: tuple[str, ...] = ()
    onset: int = 0


@dataclass
class Script:
    name: str
    folder: str  # under --src
    main: str
    patches: list[tuple[str, str]]
    args: list[str]
    env: dict[str, str] = field(default_factory=dict)
    fault: str = ""
    fault_args: list[str] = field(default_factory=list)
    fault_env: dict[str, str] = field(default_factory=dict)
    expected: tuple[str, ...] = ()
    onset: int = 0
    extra: list[Fault] = field(default_factory=list)
    shim: str = "shim"  # the stand-in packages' folder next to this file
    file_patches: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # other files of the script
    # (notebook, code cells): main is written from these cells of a notebook, IPython's % lines dropped
    notebook: tuple[str, tuple[int, ...]] | None = None
    # --device cuda: (old, new) replacements of args that put the script on the accelerator
    # (old "" appends new); a script that uses an accelerator whenever there is one needs none
    accel_args: list[tuple[str, str]] = field(default_factory=list)

    def faults(self) -> list[tuple[str, Fault]]:
        """(result label, fault) of every fault: "fault", then "fault2", "fault3", ..."""
        first = Fault(self.fault, self.fault_args, self.fault_env, self.expected, self.onset)
        return [("fault", first)] + [(f"fault{i}", f) for i, f in enumerate(self.extra, start=2)]


# Shuffles the targets of every batch (their class frequencies stay, their link to the inputs
# goes), patched into a script's batch function when LG_FAULT=shuffled_targets.
SHUFFLE = "__import__('os').environ.get('LG_FAULT') == 'shuffled_targets'"

WATCH_LINE = "import builtins, lgrun; builtins.LG = lgrun.watch"

SCRIPTS = [
    Script(
        "mnist",
        "examples/mnist",
        "main.py",
        [
            ("loss = F.nll_loss(output, target)", "loss = LG(output, target)"),
            (
                "    optimizer = optim.Adadelta(model.parameters(), lr=args.lr)\n",
                f"    optimizer = optim.Adadelta(model.parameters(), lr=args.lr)\n    {WATCH_LINE}(model, F.nll_loss)\n",
            ),
        ],
        ["--epochs", "1", "--batch-size", "32", "--log-interval", "1000"],
        env={"LG_EXAMPLES": str(32 * 200), "LG_SCRIPT": "mnist"},
        fault="random labels (a broken pipeline)",
        fault_env={"LG_FAULT": "random_labels"},
        expected=("LG103",),
    ),
    Script(
        "vae",
        "examples/vae",
        "main.py",
        [
            ("loss = loss_function(recon_batch, data, mu, logvar)", "loss = LG(recon_batch, data, mu, logvar)"),
            ("def train(epoch):", f"{WATCH_LINE}(model, loss_function)\n\n\ndef train(epoch):"),
            (
                "optimizer = optim.Adam(model.parameters(), lr=1e-3)",
                "optimizer = optim.Adam(model.parameters(), lr=float(__import__('os').environ.get('LG_LR', '1e-3')))",
            ),
        ],
        ["--epochs", "1", "--batch-size", "64", "--log-interval", "1000"],
        env={"LG_EXAMPLES": str(64 * 150), "LG_SCRIPT": "vae"},
        fault="lr x1000 (Adam 1.0)",
        fault_env={"LG_LR": "1.0"},
        expected=("LG101", "LG102", "LG106"),
    ),
    Script(
        "dcgan",
        "examples/dcgan",
        "main.py",
        [
            ("criterion = nn.BCELoss()", "import lgrun\ncriterion = lgrun.watch(netD, nn.BCELoss())"),
            ("        print('[%d/%d][%d/%d] Loss_D", "        if False: print('[%d/%d][%d/%d] Loss_D"),
        ],
        ["--dataset", "fake", "--niter", "1", "--batchSize", "16", "--ngf", "8", "--ndf", "8", "--workers", "0", "--manualSeed", "1"],
        env={"LG_EXAMPLES": str(16 * 150)},
        accel_args=[("", "--accel")],
        fault="lr x100 (0.02)",
        fault_args=["--lr", "0.02"],
        expected=("LG101", "LG102", "LG106"),
    ),
    Script(
        "word_language_model",
        "examples/word_language_model",
        "main.py",
        [
            ("criterion = nn.NLLLoss()", "import lgrun\ncriterion = lgrun.watch(model, nn.NLLLoss())"),
            (
                "    return data, target\n",
                f"    if {SHUFFLE}: target = target[torch.randperm(target.numel())]\n    return data, target\n",
            ),
        ],
        ["--epochs", "1", "--emsize", "64", "--nhid", "64", "--batch_size", "20", "--bptt", "35", "--log-interval", "1000"],
        fault="lr x100 (2000, the script's own SGD update)",
        fault_args=["--lr", "2000"],
        expected=("LG101", "LG102", "LG106"),
        extra=[Fault("shuffled targets (Zipf-like word frequencies)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",))],
    ),
    Script(
        "nanoGPT",
        "nanoGPT",
        "train.py",
        [
            (
                "        with ctx:\n            logits, loss = model(X, Y)",
                "        with ctx:\n            logits, _ = model(X, Y)\n            loss = LG(logits.view(-1, logits.size(-1)), Y.view(-1))",
            ),
            ("# compile the model\n", f"{WATCH_LINE}(model, torch.nn.CrossEntropyLoss(ignore_index=-1))\n# compile the model\n"),
            ("    return x, y\n", f"    if {SHUFFLE}: y = y.view(-1)[torch.randperm(y.numel())].view(y.shape)\n    return x, y\n"),
        ],
        [
            "--device=cpu",
            "--compile=False",
            "--dtype=float32",
            "--dataset=synth",
            "--batch_size=8",
            "--block_size=32",
            "--n_layer=2",
            "--n_head=2",
            "--n_embd=64",
            "--dropout=0.0",
            "--max_iters=300",
            "--lr_decay_iters=300",
            "--warmup_iters=10",
            "--eval_interval=1000",
            "--eval_iters=2",
            "--log_interval=1000",
            "--learning_rate=1e-3",
            "--min_lr=1e-4",
            "--gradient_accumulation_steps=1",
            "--grad_clip=1.0",
            "--always_save_checkpoint=False",
        ],
        accel_args=[("--device=cpu", "--device=cuda"), ("--dtype=float32", "--dtype=bfloat16")],
        # LG103 counts when its fix says to lower the learning rate (checked in docs/runtime.md's note)
        fault="lr x1000 (1.0) with grad_clip=1.0",
        fault_args=["--learning_rate=1.0", "--min_lr=0.1"],
        expected=("LG101", "LG102", "LG103", "LG106"),
        extra=[Fault("shuffled targets (skewed character frequencies)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",))],
    ),
    Script(
        "pytorch-cifar",
        "pytorch-cifar",
        "main.py",
        [
            # utils.py reads the terminal's width with `stty size` at import: no terminal here
            ("from utils import progress_bar", "progress_bar = lambda i, n, msg='': print(i, msg) if i % 25 == 0 else None"),
            # ResNet18 ran at about 4 s a step on the shared CPU; LeNet (no BatchNorm) needs lr 0.01
            # (at the script's 0.1 its ReLUs die by step 80: see docs/runtime.md)
            ("net = SimpleDLA()", "net = LeNet()"),
            ("criterion = nn.CrossEntropyLoss()", "import lgrun\ncriterion = lgrun.watch(net, nn.CrossEntropyLoss())"),
            ("trainset, batch_size=128, shuffle=True, num_workers=2)", "trainset, batch_size=64, shuffle=True, num_workers=0)"),
            ("testset, batch_size=100, shuffle=False, num_workers=2)", "testset, batch_size=100, shuffle=False, num_workers=0)"),
            ("for epoch in range(start_epoch, start_epoch+200):", "for epoch in range(start_epoch, start_epoch+1):"),
        ],
        ["--lr", "0.01"],
        env={"LG_EXAMPLES": str(64 * 200)},
        fault="lr x100 (1.0)",
        fault_args=["--lr", "1.0"],
        expected=("LG101", "LG102", "LG106"),
        extra=[
            Fault("random labels (a broken pipeline)", env={"LG_FAULT": "random_labels"}, expected=("LG103",)),
            Fault("one NaN pixel in the training set", env={"LG_FAULT": "nan_batch", "LG_NAN_AT": "5000"}, expected=("LG101",)),
        ],
    ),
    Script(
        "makemore",
        "makemore",
        "makemore.py",
        [
            # the model computes its own loss: the recipe of docs/runtime.md, watch(model) + observe(loss)
            (
                "        # feed into the model\n        logits, loss = model(X, Y)\n",
                f"        if {SHUFFLE}: Y = Y.view(-1)[torch.randperm(Y.numel())].view(Y.shape)\n"
                "        # feed into the model\n        logits, loss = model(X, Y)\n        loss = LGW.observe(loss, logits=logits, targets=Y)\n",
            ),
            ("    # init dataloader\n", "    import lgrun\n    LGW = lgrun.watch_model(model)\n    # init dataloader\n"),
        ],
        ["--max-steps", "300", "--num-workers", "0", "--batch-size", "32"],
        fault="lr x1000 (AdamW 0.5)",
        fault_args=["--learning-rate", "0.5"],
        expected=("LG101", "LG102", "LG103", "LG106"),
        extra=[Fault("shuffled targets (character frequencies of names)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",))],
    ),
    Script(
        "time_sequence_prediction",
        "examples/time_sequence_prediction",
        "train.py",
        [
            # LBFGS with a closure: up to 20 criterion calls (and backwards) per optimizer step
            # the script's torch.load of a numpy array fails under torch >= 2.6 (weights_only=True by default)
            ("torch.load('traindata.pt')", "torch.load('traindata.pt', weights_only=False)"),
            ("    criterion = nn.MSELoss()\n", "    import lgrun\n    criterion = lgrun.watch(seq, nn.MSELoss())\n"),
            (
                "optim.LBFGS(seq.parameters(), lr=0.8)",
                "optim.LBFGS(seq.parameters(), lr=float(__import__('os').environ.get('LG_LR', '0.8')))",
            ),
        ],
        ["--steps", "10"],
        fault="lr x100 (LBFGS 80)",
        fault_env={"LG_LR": "80"},
        expected=("LG101", "LG102", "LG106"),
    ),
    Script(
        "regression",
        "examples/regression",
        "main.py",
        [
            # the script's own update loop (no optimizer); it stops when a batch loss is below 1e-3
            ("output = F.smooth_l1_loss(fc(batch_x), batch_y)", "output = LG(fc(batch_x), batch_y)"),
            ("fc = torch.nn.Linear(W_target.size(0), 1)\n", f"fc = torch.nn.Linear(W_target.size(0), 1)\n{WATCH_LINE}(fc, F.smooth_l1_loss)\n"),
            ("param.data.add_(-0.1 * param.grad)", "param.data.add_(-float(__import__('os').environ.get('LG_LR', '0.1')) * param.grad)"),
            ("POLY_DEGREE = 4\n", "torch.manual_seed(0)\nPOLY_DEGREE = 4\n"),
            ("for batch_idx in count(1):", "for batch_idx in range(1, 301):"),
        ],
        [],
        fault="lr x100 (10, the script's own update)",
        fault_env={"LG_LR": "10"},
        expected=("LG101", "LG102", "LG106"),
    ),
    Script(
        "reinforce",
        "examples/reinforcement_learning",
        "reinforce.py",
        [
            # a policy-gradient loss (-log p(a) x normalised return, summed): negative as often as not
            (
                "    policy_loss = torch.cat(policy_loss).sum()\n",
                "    policy_loss = torch.cat(policy_loss).sum()\n    policy_loss = LGW.observe(policy_loss)\n",
            ),
            ("policy = Policy()\n", "policy = Policy()\nimport lgrun\nLGW = lgrun.watch_model(policy)\n"),
            ("optim.Adam(policy.parameters(), lr=1e-2)", "optim.Adam(policy.parameters(), lr=float(__import__('os').environ.get('LG_LR', '1e-2')))"),
            ("    for i_episode in count(1):", "    for i_episode in range(1, 301):"),
        ],
        [],
        fault="lr x100 (Adam 1.0)",
        fault_env={"LG_LR": "1.0"},
        expected=("LG101", "LG102", "LG105", "LG106"),
    ),
    Script(
        "actor_critic",
        "examples/reinforcement_learning",
        "actor_critic.py",
        [
            # policy loss (-log p(a) x advantage) plus the critic's smooth L1, summed over an episode
            (
                "    loss = torch.stack(policy_losses).sum() + torch.stack(value_losses).sum()\n",
                "    loss = torch.stack(policy_losses).sum() + torch.stack(value_losses).sum()\n    loss = LGW.observe(loss)\n",
            ),
            ("model = Policy()\n", "model = Policy()\nimport lgrun\nLGW = lgrun.watch_model(model)\n"),
            ("optim.Adam(model.parameters(), lr=3e-2)", "optim.Adam(model.parameters(), lr=float(__import__('os').environ.get('LG_LR', '3e-2')))"),
            ("    for i_episode in count(1):", "    for i_episode in range(1, 301):"),
        ],
        [],
        fault="lr x100 (Adam 3.0)",
        fault_env={"LG_LR": "3.0"},
        expected=("LG101", "LG102", "LG105", "LG106"),
    ),
]

# Session 7 (docs/runtime.md "On real scripts"): gradient accumulation with bf16 autocast on CPU,
# a contrastive loss, a GAN with three optimizers and several loss terms.
ENV_INT = "int(__import__('os').environ.get({!r}, {!r}))"
UNPAIRED = "__import__('os').environ.get('LG_FAULT') == 'unpaired_views'"
NO_ZERO_GRAD = "__import__('os').environ.get('LG_FAULT') == 'no_zero_grad'"
ENV_FLOAT = "float(__import__('os').environ.get({!r}, {!r}))"

SCRIPTS += [
    Script(
        "build-nanogpt",
        "build-nanogpt",
        "train_gpt2.py",
        [
            # 4 micro-batches a step under torch.autocast(cpu, bfloat16), loss / grad_accum_steps,
            # clip 1.0, warm-up + cosine, AdamW with weight-decay groups; the model computes its loss
            (
                "            logits, loss = model(x, y)\n        # we have to scale",
                "            logits, loss = model(x, y)\n            loss = LGW.observe(loss, logits=logits, targets=y)\n        # we have to scale",
            ),
            (
                "raw_model = model.module if ddp else model",
                "raw_model = model.module if ddp else model\nimport lgrun\nLGW = lgrun.watch_model(raw_model)",
            ),
            ("from hellaswag import render_example, iterate_examples\n", ""),
            ("import tiktoken\n", ""),
            ('enc = tiktoken.get_encoding("gpt2")', "enc = None"),
            ("total_batch_size = 524288", "total_batch_size = 2048"),
            ("B = 64 # micro batch size", "B = 8 # micro batch size"),
            ("T = 1024 # sequence length", "T = 64 # sequence length"),
            ("GPT(GPTConfig(vocab_size=50304))", "GPT(GPTConfig(block_size=64, vocab_size=256, n_layer=2, n_head=4, n_embd=64))"),
            ("max_lr = 6e-4", "max_lr = " + ENV_FLOAT.format("LG_LR", "6e-4")),
            ("warmup_steps = 715", "warmup_steps = 20"),
            ("max_steps = 19073", "max_steps = 250"),
            ("val_loss_steps = 20", "val_loss_steps = 2"),
            # HellaSwag (downloads) and sampling (tiktoken) are off
            ("if (step % 250 == 0 or last_step) and (not use_compile):", "if False:"),
            ("if ((step > 0 and step % 250 == 0) or last_step) and (not use_compile):", "if False:"),
            ("        return x, y\n", f"        if {SHUFFLE}: y = y.view(-1)[torch.randperm(y.numel())].view(y.shape)\n        return x, y\n"),
            ("    optimizer.zero_grad()\n    loss_accum = 0.0", f"    if not {NO_ZERO_GRAD}: optimizer.zero_grad()\n    loss_accum = 0.0"),
        ],
        [],
        fault="lr x1000 (AdamW 0.6)",
        fault_env={"LG_LR": "0.6"},
        expected=("LG101", "LG102", "LG103", "LG106"),
        extra=[
            Fault("shuffled targets (skewed token frequencies)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
            Fault("no zero_grad (gradients summed over all steps)", env={"LG_FAULT": "no_zero_grad"}, expected=("LG102", "LG103", "LG104", "LG106")),
        ],
    ),
    Script(
        "SimCLR",
        "SimCLR",
        "run.py",
        [],
        # cifar10 stand-in: 320 PIL images, batch 32 (10 steps an epoch), 20 epochs: the script's
        # CosineAnnealingLR(T_max=len(train_loader)) stepped once an epoch from epoch 10 on
        ["-data", "./datasets", "-dataset-name", "cifar10", "--epochs", "20", "-b", "32", "-j", "0", "--log-every-n-steps", "50"],
        env={"LG_EXAMPLES": "320"},
        shim="shim_pil",
        file_patches={
            "simclr.py": [
                # InfoNCE as CrossEntropyLoss over [positive, negatives] logits with all-zero labels
                (
                    "self.criterion = torch.nn.CrossEntropyLoss().to(self.args.device)",
                    "import lgrun\n        self.criterion = lgrun.watch(self.model, torch.nn.CrossEntropyLoss()).to(self.args.device)",
                ),
                (
                    "                images = torch.cat(images, dim=0)\n",
                    f"                if {UNPAIRED}: images[1] = images[1][torch.randperm(len(images[1]))]\n"
                    "                images = torch.cat(images, dim=0)\n",
                ),
            ],
        },
        fault="lr x100 (Adam 0.03)",
        fault_args=["--lr", "0.03"],
        expected=("LG101", "LG102", "LG103", "LG106"),
        extra=[
            Fault("views unpaired (the second view of each image shuffled in the batch)", env={"LG_FAULT": "unpaired_views"}, expected=("LG103",))
        ],
    ),
]
# The same with --fp16-precision on CPU: torch.cuda.amp's GradScaler disables itself without CUDA,
# so its import is pointed at the CPU ones (a bfloat16 autocast, a GradScaler("cpu") that scales the
# loss by 65536 and skips the steps whose gradients overflow). float16 autocast took 586 s for the
# healthy run on this CPU (silent, 199 steps: the scaler skipped the first) and its fault run timed out.
SCRIPTS += [
    Script(
        **{
            **SCRIPTS[-1].__dict__,
            "name": "SimCLR-amp",
            "args": SCRIPTS[-1].args + ["--fp16-precision"],
            "file_patches": {
                "simclr.py": SCRIPTS[-1].file_patches["simclr.py"]
                + [
                    (
                        "from torch.cuda.amp import GradScaler, autocast\n",
                        "import functools\nGradScaler = functools.partial(torch.amp.GradScaler, 'cpu')\n"
                        "autocast = functools.partial(torch.autocast, 'cpu', dtype=torch.bfloat16)\n",
                    )
                ]
            },
            "extra": [],
        }
    ),
    Script(
        "cyclegan",
        "PyTorch-GAN/cyclegan",
        "cyclegan.py",
        [
            # three optimizers (both generators in one, each discriminator its own), the generators'
            # loss the sum of MSE (adversarial), L1 (cycle) and L1 (identity) terms: one watcher per
            # optimizer, through observe() on the totals the script builds
            (
                "        loss_G.backward()\n",
                "        loss_G = LGG.observe(loss_G)\n        loss_G.backward()\n",
            ),
            (
                "        loss_D_A = (loss_real + loss_fake) / 2\n",
                "        loss_D_A = LGDA.observe((loss_real + loss_fake) / 2)\n",
            ),
            (
                "        loss_D_B = (loss_real + loss_fake) / 2\n",
                "        loss_D_B = LGDB.observe((loss_real + loss_fake) / 2)\n",
            ),
            (
                "# Optimizers\n",
                "import lgrun\nLGG, LGDA, LGDB = lgrun.watch_model(G_AB), lgrun.watch_model(D_A), lgrun.watch_model(D_B)\n# Optimizers\n",
            ),
            ("        optimizer_G.zero_grad()\n", f"        if not {NO_ZERO_GRAD}: optimizer_G.zero_grad()\n"),
            (
                'ImageDataset("../../data/%s" % opt.dataset_name, transforms_=transforms_, unaligned=True),',
                'ImageDataset("data/%s" % opt.dataset_name, transforms_=transforms_, unaligned=True),',
            ),
            (
                'ImageDataset("../../data/%s" % opt.dataset_name, transforms_=transforms_, unaligned=True, mode="test"),',
                'ImageDataset("data/%s" % opt.dataset_name, transforms_=transforms_, unaligned=True, mode="test"),',
            ),
        ],
        # 100 image pairs (unaligned) of 32x32, batch 1, 2 epochs: 200 steps; the validation samples
        # (G in eval(), no torch.no_grad()) every 50 batches
        [
            "--n_epochs",
            "2",
            "--decay_epoch",
            "1",
            "--batch_size",
            "1",
            "--n_cpu",
            "0",
            "--img_height",
            "32",
            "--img_width",
            "32",
            "--n_residual_blocks",
            "3",
            "--sample_interval",
            "50",
            "--dataset_name",
            "synth",
        ],
        shim="shim_pil",
        fault="lr x100 (Adam 0.02)",
        fault_args=["--lr", "0.02"],
        expected=("LG101", "LG102", "LG103", "LG104", "LG106"),
        extra=[Fault("no zero_grad for the generators", env={"LG_FAULT": "no_zero_grad"}, expected=("LG102", "LG103", "LG104", "LG106"))],
    ),
    Script(
        "minGPT-adder",
        "minGPT",
        "projects/adder/adder.py",
        [
            # the README installs mingpt (pip install -e .): the repository root on the path instead
            ("import os\nimport sys\n", "import os\nimport sys\nsys.path.insert(0, os.getcwd())\n"),
        ],
        # minGPT's Trainer: AdamW with weight-decay groups, clip 1.0, model.zero_grad(set_to_none=True);
        # targets -1 (ignore_index) at the prompt's positions, loss only on the sum's digits
        ["--trainer.max_iters=300", "--trainer.num_workers=0"],
        file_patches={
            "mingpt/trainer.py": [
                (
                    "            logits, self.loss = model(x, y)\n",
                    f"            if {SHUFFLE}: y = y[torch.randperm(y.size(0))]\n"
                    "            logits, self.loss = model(x, y)\n"
                    "            self.loss = LGW.observe(self.loss, logits=logits, targets=y)\n",
                ),
                (
                    "        model, config = self.model, self.config\n",
                    "        model, config = self.model, self.config\n        import lgrun\n        LGW = lgrun.watch_model(model)\n",
                ),
            ],
        },
        fault="lr x1000 (AdamW 0.5)",
        fault_args=["--trainer.learning_rate=0.5"],
        expected=("LG101", "LG102", "LG103", "LG106"),
        extra=[Fault("targets of other examples (rows shuffled in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",))],
    ),
    Script(
        "wgan",
        "PyTorch-GAN/wgan",
        "wgan.py",
        [
            # RMSprop, the critic's weights clipped to +-0.01 after each step, 5 critic steps per
            # generator step; both losses are Wasserstein estimates of either sign
            ("        loss_D.backward()\n", "        loss_D = LGD.observe(loss_D)\n        loss_D.backward()\n"),
            ("            loss_G.backward()\n", "            loss_G = LGG.observe(loss_G)\n            loss_G.backward()\n"),
            ("# Optimizers\n", "import lgrun\nLGD, LGG = lgrun.watch_model(discriminator), lgrun.watch_model(generator)\n# Optimizers\n"),
            ('os.makedirs("../../data/mnist", exist_ok=True)', 'os.makedirs("data/mnist", exist_ok=True)'),
            ('        "../../data/mnist",\n', '        "data/mnist",\n'),
        ],
        ["--n_epochs", "1", "--n_cpu", "0"],
        env={"LG_EXAMPLES": str(64 * 500)},
        shim="shim_pil",
        fault="lr x100 (RMSprop 5e-3)",
        fault_args=["--lr", "5e-3"],
        expected=("LG101", "LG102", "LG105", "LG106"),
    ),
    Script(
        "transfer_learning",
        "tutorials",
        "transfer_learning_tutorial.py",
        [
            # a frozen backbone (requires_grad False on all but the new fc head, whose parameters
            # alone the SGD optimizer steps), StepLR(7, 0.1) over 25 epochs, a val phase under
            # torch.set_grad_enabled(False) in eval()
            ("criterion = nn.CrossEntropyLoss()\n", "import lgrun\ncriterion = lgrun.watch(model_conv, nn.CrossEntropyLoss())\n"),
            ("shuffle=(x == 'train'), num_workers=4)", "shuffle=(x == 'train'), num_workers=0)"),
            (
                "optim.SGD(model_conv.fc.parameters(), lr=0.01, momentum=0.9)",
                "optim.SGD(model_conv.fc.parameters(), lr=" + ENV_FLOAT.format("LG_LR", "0.01") + ", momentum=0.9)",
            ),
        ],
        [],
        env={"LG_EXAMPLES": "640"},
        shim="shim_pil",
        fault="lr x1000 (SGD 10)",
        fault_env={"LG_LR": "10"},
        expected=("LG101", "LG102", "LG103", "LG104", "LG106"),
    ),
    Script(
        "transfer_learning_cotuning",
        "tutorials",
        "transfer_learning_cotuning.py",
        [
            # section 3: a custom criterion with fit() and its own to(), a model returning a tuple
            # (old head, new head), the head replaced after the criterion is made and watched,
            # two SGD parameter groups (new head 1e-2, the rest 1e-3)
            ("criterion = CoTuningLoss(trade_off = 2.3)\n", "import lgrun\ncriterion = lgrun.watch(model_ct, CoTuningLoss(trade_off = 2.3))\n"),
            ("shuffle=(x == 'train'), num_workers=4)", "shuffle=(x == 'train'), num_workers=0)"),
            (
                '{"params": [p for name, p in model_ct.named_parameters() if \'new\' in name], "lr": 1e-2}',
                '{"params": [p for name, p in model_ct.named_parameters() if \'new\' in name], "lr": ' + ENV_FLOAT.format("LG_LR", "1e-2") + "}",
            ),
        ],
        [],
        env={"LG_EXAMPLES": "640"},
        shim="shim_pil",
        fault="lr x1000 on the new head (SGD 10)",
        fault_env={"LG_LR": "10"},
        expected=("LG101", "LG102", "LG103", "LG104", "LG106"),
    ),
    Script(
        "seq2seq",
        "tutorials",
        "seq2seq_translation_tutorial.py",
        [
            # batch 1, a criterion call per target token (loss += criterion(...)), teacher forcing
            # for half the sentences and the decoder's own (detached) guesses for the others, with
            # an early stop at EOS; an SGD optimizer each for the encoder and the attention decoder
            ("    criterion = nn.NLLLoss()\n", "    import lgrun\n    criterion = lgrun.watch(decoder, nn.NLLLoss())\n"),
            (
                "trainIters(encoder1, attn_decoder1, 75000, print_every=5000)",
                "random.seed(0)\ntorch.manual_seed(0)\ntrainIters(encoder1, attn_decoder1, 300, print_every=50, learning_rate="
                + ENV_FLOAT.format("LG_LR", "0.01")
                + ")",
            ),
            (
                "    target_tensor = tensorFromSentence(output_lang, pair[1])\n",
                f"    target_tensor = tensorFromSentence(output_lang, (random.choice(pairs) if {SHUFFLE} else pair)[1])\n",
            ),
        ],
        [],
        fault="lr x100 (SGD 1.0)",
        fault_env={"LG_LR": "1.0"},
        expected=("LG101", "LG102", "LG103", "LG104", "LG106"),
        extra=[Fault("targets of other sentences (misaligned pairs)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",))],
    ),
]


def _markov_text(path: Path, words: int, vocab: list[str], seed: int) -> None:
    """Words with Zipf-like frequencies (rank k about 1/k as often, like real text), each followed
    by one of its 5 successors 80% of the time."""
    rng = random.Random(seed)
    zipf = [1.0 / (k + 1) for k in range(len(vocab))]
    nxt = {w: rng.choices(vocab, weights=zipf, k=5) for w in vocab}
    w = vocab[0]
    out = []
    for i in range(words):
        w = rng.choice(nxt[w]) if rng.random() < 0.8 else rng.choices(vocab, weights=zipf)[0]
        out.append(w)
        if i % 20 == 19:
            out.append("\n")
    path.write_text(" ".join(out))


def _translation_pairs(path: Path, n: int = 3000) -> None:
    """English-French pairs in the form the tutorial keeps ("i am ...", "he is ..."): a subject, an
    adjective (60, Zipf-like) and an optional adverb, which French puts after the adjective."""
    rng = random.Random(0)
    subjects = [
        ("i am", "je suis"),
        ("he is", "il est"),
        ("she is", "elle est"),
        ("you are", "vous etes"),
        ("we are", "nous sommes"),
        ("they are", "ils sont"),
    ]
    adverbs = [("very", "tres"), ("too", "trop"), ("not", "pas"), ("always", "toujours")]
    # letters only: the tutorial's normalizeString drops digits
    adjectives = [("cold", "froid")] + [
        (f"adj{chr(97 + k // 26)}{chr(97 + k % 26)}", f"adjf{chr(97 + k // 26)}{chr(97 + k % 26)}") for k in range(59)
    ]
    weights = [1.0 / (k + 1) ** 0.7 for k in range(len(adjectives))]
    lines = []
    for _ in range(n):
        (se, sf), (ae, af) = rng.choice(subjects), rng.choices(adjectives, weights)[0]
        if rng.random() < 0.5:
            de, df = rng.choice(adverbs)
            lines.append(f"{se} {de} {ae} .\t{sf} {af} {df} .")
        else:
            lines.append(f"{se} {ae} .\t{sf} {af} .")
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(lines) + "\n")


def _prepare(script: Script, work: Path) -> None:
    if script.name == "word_language_model":
        vocab = [f"w{i}" for i in range(200)]
        d = work / "synth"
        d.mkdir()
        base = int(os.environ.get("LG_CORPUS_SEED", "0"))
        for seed, (split, n) in enumerate((("train", 20 * 35 * 150), ("valid", 3000), ("test", 3000))):
            _markov_text(d / f"{split}.txt", n, vocab, base + seed)
        script.args = script.args + ["--data", str(d), "--save", str(work / "model.pt")]
    if script.name == "nanoGPT":
        import numpy as np

        rng = np.random.default_rng(0)
        # characters with skewed frequencies (entropy about 3.4 against ln 65 = 4.17, as in
        # Shakespeare's 3.3) and a next character that depends on the last (about 2.3)
        zipf = 1.0 / np.arange(1, 66) ** 2.0
        trans = 0.6 * rng.dirichlet(np.full(65, 0.05), size=65) + 0.4 * zipf / zipf.sum()
        d = work / "data" / "synth"
        d.mkdir(parents=True)
        for split, n in (("train", 200_000), ("val", 20_000)):
            seq = np.zeros(n, dtype=np.uint16)
            for i in range(1, n):
                seq[i] = rng.choice(65, p=trans[seq[i - 1]])
            seq.tofile(d / f"{split}.bin")
        with open(d / "meta.pkl", "wb") as f:
            pickle.dump({"vocab_size": 65}, f)
        script.args = script.args + [f"--out_dir={work / 'out'}"]
    if script.name == "build-nanogpt":
        import numpy as np

        rng = np.random.default_rng(0)
        # 256 tokens with skewed frequencies, the next depending on the last (as nanoGPT's train.bin)
        zipf = 1.0 / np.arange(1, 257) ** 1.2
        trans = 0.6 * rng.dirichlet(np.full(256, 0.05), size=256) + 0.4 * zipf / zipf.sum()
        cum = trans.cumsum(axis=1)
        d = work / "edu_fineweb10B"
        d.mkdir()
        for name, n in (("edufineweb_train_000001", 300_000), ("edufineweb_val_000000", 4_000)):
            u = rng.random(n)
            seq = np.zeros(n, dtype=np.uint16)
            for i in range(1, n):
                seq[i] = min(np.searchsorted(cum[seq[i - 1]], u[i]), 255)
            np.save(d / f"{name}.npy", seq)
    if script.name == "cyclegan":
        from PIL import Image, ImageDraw

        rng = random.Random(0)
        for mode, n in (("train", 100), ("test", 5)):
            for domain, colour in (("A", (220, 60, 40)), ("B", (40, 80, 220))):
                d = work / "data" / "synth" / mode / domain
                d.mkdir(parents=True)
                for i in range(n):
                    # a few discs of one colour on a light ground: domain A red, domain B blue
                    img = Image.new("RGB", (36, 36), (235, 230, 220))
                    draw = ImageDraw.Draw(img)
                    for _ in range(rng.randint(1, 3)):
                        x, y, r = rng.randint(4, 30), rng.randint(4, 30), rng.randint(3, 9)
                        shade = rng.uniform(0.7, 1.0)
                        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(int(c * shade) for c in colour))
                    img.save(d / f"{i:03d}.png")
    if script.name == "seq2seq":
        _translation_pairs(work / "data" / "eng-fra.txt")
    if script.name == "time_sequence_prediction":
        subprocess.run([sys.executable, "generate_sine_wave.py"], cwd=work, check=True)
    if script.name == "makemore":
        script.args = script.args + ["--work-dir", str(work / "out")]
    if script.name == "dcgan":
        script.args = script.args + ["--outf", str(work / "out")]
        (work / "out").mkdir()


def _all_scripts() -> list[Script]:
    from tests.runtime.real_scripts import (
        round8,
        round9,
        round10,
        round11,
        round12,
        round13,
        round14,
        round15,
        round16,
        round17,
        round18,
        round19,
        round20,
        round21,
        round22,
        round23,
        round24,
        round25,
        round26,
        round27,
        round28,
        round29,
    )

    return (
        SCRIPTS
        + round8.SCRIPTS8
        + round9.SCRIPTS9
        + round10.SCRIPTS10
        + round11.SCRIPTS11
        + round12.SCRIPTS12
        + round13.SCRIPTS13
        + round14.SCRIPTS14
        + round15.SCRIPTS15
        + round16.SCRIPTS16
        + round17.SCRIPTS17
        + round18.SCRIPTS18
        + round19.SCRIPTS19
        + round20.SCRIPTS20
        + round21.SCRIPTS21
        + round22.SCRIPTS22
        + round23.SCRIPTS23
        + round24.SCRIPTS24
        + round25.SCRIPTS25
        + round26.SCRIPTS26
        + round27.SCRIPTS27
        + round28.SCRIPTS28
        + round29.SCRIPTS29
    )


def on_device(args: list[str], replacements: list[tuple[str, str]]) -> list[str]:
    """``args`` with a script's accel_args applied (``--device cuda``)."""
    out = list(args)
    for old, new in replacements:
        if not old:
            out.append(new)
        elif old in out:
            out[out.index(old)] = new
        else:
            raise SystemExit(f"accel_args: {old!r} is not among the script's arguments {out}")
    return out


def run_one(script: Script, src: Path, fault: Fault | None, off: bool, device: str = "cpu") -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(src / script.folder, work, dirs_exist_ok=True)
        if script.notebook is not None:
            cells = json.loads((work / script.notebook[0]).read_text())["cells"]
            code = ["".join(line for line in cells[i]["source"] if not line.startswith("%")) for i in script.notebook[1]]
            (work / script.main).write_text("\n\n".join(code) + "\n")
        for name, patches in [(script.main, script.patches), *script.file_patches.items()]:
            path = work / name
            text = path.read_text()
            for old, new in patches:
                if text.count(old) != 1:
                    raise SystemExit(f"{script.name}: patch target found {text.count(old)} times in {name}: {old!r}")
                text = text.replace(old, new)
            path.write_text(text)
        s = Script(**{**script.__dict__, "args": on_device(script.args, script.accel_args) if device != "cpu" else list(script.args)})
        _prepare(s, work)
        from tests.runtime.real_scripts import (
            round8,
            round9,
            round10,
            round11,
            round12,
            round14,
            round15,
            round16,
            round17,
            round18,
            round19,
            round20,
            round21,
            round22,
            round23,
            round24,
            round27,
            round28,
        )

        round8.prepare(s, work)
        round9.prepare(s, work)
        round10.prepare(s, work)
        round11.prepare(s, work)
        round12.prepare(s, work)
        round14.prepare(s, work)
        round15.prepare(s, work)
        round16.prepare(s, work)
        round17.prepare(s, work)
        round18.prepare(s, work)
        round19.prepare(s, work)
        round20.prepare(s, work)
        round21.prepare(s, work)
        round22.prepare(s, work)
        round23.prepare(s, work)
        round24.prepare(s, work)
        round27.prepare(s, work)
        round28.prepare(s, work)
        env = {
            **os.environ,
            **s.env,
            "LG_OUT": str(work / "lg.json"),
            "LG_OFF": "1" if off else "0",
            "PYTHONPATH": os.pathsep.join([str(HERE / s.shim), str(HERE / "shim"), str(REPO), os.environ.get("PYTHONPATH", "")]),
            "OMP_NUM_THREADS": "1",
            "PYTHONWARNINGS": "ignore",
        }
        args = s.args + (fault.args if fault is not None else [])
        if fault is not None:
            env.update(fault.env)
        try:
            proc = subprocess.run([sys.executable, script.main, *args], cwd=work, env=env, capture_output=True, text=True, timeout=900)
        except subprocess.TimeoutExpired as exc:  # one slow run must not end the others' (a loaded machine)
            out = str(exc.stdout or "")
            proc = subprocess.CompletedProcess(exc.cmd, 124, out, f"timed out after {exc.timeout} s")
        out = json.loads((work / "lg.json").read_text()) if (work / "lg.json").exists() else {"events": [], "seconds": None}
        out["rc"] = proc.returncode
        out["stderr_tail"] = proc.stderr[-600:] if proc.returncode else ""
        out["stdout_tail"] = proc.stdout[-1500:]
        return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--src", type=Path, default=Path("/work/realscripts"))
    parser.add_argument("--only", default="")
    parser.add_argument("--out", type=Path, default=Path("real_scripts.json"))
    parser.add_argument("--table", action="store_true", help="print the Markdown table of --out and stop")
    parser.add_argument("--runs", default="", help="only these runs of each script: plain,healthy,fault,fault2,...")
    parser.add_argument(
        "--device",
        default="cpu",
        help="cuda: put the scripts that take an argument for it on the accelerator (Script.accel_args); "
        "scripts that use an accelerator whenever there is one use it either way",
    )
    parser.add_argument(
        "--overhead",
        type=int,
        default=0,
        metavar="N",
        help="only time: N alternating plain/watched healthy runs per script, keep the fastest of each",
    )
    args = parser.parse_args()
    if args.table:
        print(table(json.loads(args.out.read_text())))
        return None
    if args.overhead:
        return overhead(args)
    only = set(filter(None, args.only.split(",")))
    results = json.loads(args.out.read_text()) if args.out.exists() else {}
    for s in _all_scripts():
        if only and s.name not in only:
            continue
        r = dict(results.get(s.name, {}))
        runs: list[tuple[str, Fault | None, bool]] = [("plain", None, True), ("healthy", None, False)]
        runs += [(label, f, False) for label, f in s.faults()]
        if args.runs:
            runs = [run for run in runs if run[0] in args.runs.split(",")]
        for label, fault, off in runs:
            r[label] = run_one(s, args.src, fault, off, args.device)
            print(
                s.name,
                label,
                r[label]["rc"],
                r[label].get("seconds"),
                r[label].get("steps"),
                [(e["code"], e["step"]) for e in r[label]["events"]][:12],
                r[label]["stderr_tail"],
                flush=True,
            )
        r["expected"], r["onset"], r["fault_name"] = list(s.expected), s.onset, s.fault
        r["faults"] = [{"label": label, "name": f.name, "expected": list(f.expected), "onset": f.onset} for label, f in s.faults()]
        results[s.name] = r
        args.out.write_text(json.dumps(results, indent=1))


def table(results: dict) -> str:
    """The docs/runtime.md table: healthy false alarms, the fault's first expected event, overhead."""
    rows = [
        "| script | healthy steps | healthy alarms | fault | found (code, step) | other events in the fault run | overhead |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in results.items():
        if "healthy" not in r:
            continue
        faults = r.get("faults") or [{"label": "fault", "name": r["fault_name"], "expected": r["expected"], "onset": r["onset"]}]
        for f in faults:
            if f["label"] in r:
                rows.append(_row(name, r, f))
    return "\n".join(rows)


def _row(name: str, r: dict, f: dict) -> str:
    """One table row: a script's healthy run against one of its faults."""
    alarms = [f"{e['code']}@{e['step']}" for e in r["healthy"]["events"] if e["severity"] in ("warning", "error")]
    run = r[f["label"]]
    hits = [e for e in run["events"] if e["code"] in f["expected"] and e["step"] >= f["onset"]]
    found = f"{hits[0]['code']} at step {hits[0]['step']}" if hits else "not found"
    others = sorted({e["code"] for e in run["events"]} - ({hits[0]["code"]} if hits else set()))
    if run["rc"]:
        found += f" (script exited {run['rc']})"
    ov = r.get("overhead")
    ratio = (
        f"{ov['ratio']:.2f}x (fastest of {len(ov['plain'])} alternating runs each)"
        if ov
        else f"{r['healthy']['seconds'] / r['plain']['seconds']:.2f}x (one run each)"
        if "plain" in r
        else "-"
    )
    return (
        f"| {name} | {r['healthy']['steps']} | {len(alarms)}{' (' + ', '.join(alarms) + ')' if alarms else ''} | "
        f"{f['name']} | {found} | {', '.join(others) or '-'} | {ratio} |"
    )


def overhead(args: argparse.Namespace) -> None:
    only = set(filter(None, args.only.split(",")))
    results = json.loads(args.out.read_text()) if args.out.exists() else {}
    for s in _all_scripts():
        if only and s.name not in only:
            continue
        plain, watched = [], []
        for _ in range(args.overhead):
            plain.append(run_one(s, args.src, None, True)["seconds"])
            watched.append(run_one(s, args.src, None, False)["seconds"])
        results.setdefault(s.name, {})["overhead"] = {"plain": plain, "watched": watched, "ratio": min(watched) / min(plain)}
        print(s.name, "plain", plain, "watched", watched, "ratio %.3f" % (min(watched) / min(plain)), flush=True)
        args.out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
