"""Round 24's real scripts (docs/runtime.md "On real scripts, round 24").

``t5-summary``: abhimishra91/transformers-tutorials at 3d5a9b1 (``transformers_summarization_wandb.ipynb``, cells
4, 6, 9, 11, 13, 15: its code): a Hugging Face ``T5ForConditionalGeneration`` fine-tuned for summarisation in a plain loop, an
encoder-decoder with cross-attention trained by teacher forcing (the decoder's inputs ``y[:, :-1]``, its labels
``y[:, 1:]`` with the padding set to -100), the model computing its own loss (``outputs[0]``); watched by the
documented recipe, ``watch(model)`` and ``observe(loss, logits=outputs[1], targets=lm_labels)``. The notebook as
published fails on transformers 5 in three places, patched: ``batch_encode_plus`` and ``pad_to_max_length`` (removed:
the tokenizer's call with ``padding="max_length", truncation=True``) and ``lm_labels=`` (ignored now: ``outputs[0]``
would be the logits; ``labels=``). No download here: a word-level tokenizer with T5's special tokens
(``hf_stub.t5_tokenizer``) and a 2-layer T5 of width 64 from scratch (``hf_stub.t5``), so Adam 1e-3 (the notebook's
1e-4 fine-tunes t5-base); ``news_summary.csv`` generated: 1,000 "articles" of 24-36 words, each on one of 8 topics (7 in 10 of its words
from its topic's 5 of the 40), each one's summary the topic's name and the article's first 3 words (the topic read
from the whole article, the words copied through the cross-attention); articles of 64 tokens and summaries of 10 instead of
512 and 150, batches of 8 instead of 2 (200 steps in the notebook's 2 epochs), validation summaries of at most 12
tokens instead of 150; wandb a stand-in (``shim/wandb``), pandas too (``shim_hf/pandas.py``).

Round 23's runs that ran past 900 s, cut to finish on the shared machine:

``transformer-copy-260``: round 22's transformer-copy at lr 1e-7 and with the targets of other sequences, 13 epochs
of 20 batches (260 steps) instead of 20 (this round's 400-step runs took over 900 s at a load of 25); Noam's
400-step warm-up still spans the run.

``unet-dice-40``: round 20's unet-dice at lr x1000 (Adam 0.1), one epoch of 1,000 pictures (40 steps of 25) and 100
for validation instead of two epochs of 2,000 and 200.

``neural-ode-cap``: round 22's neural-ode at lr x1000 (RMSprop 1): 10 iterations (no full-trajectory test), and the training batch's adaptive
solver (dopri5) stopped after 2,000 steps (torchdiffeq's own ``max_num_steps`` option, which raises): on the dynamics
a rate this high makes, one solve did not end in 900 s.
"""

from __future__ import annotations

from pathlib import Path

from tests.runtime.real_scripts.round8 import _first, _lr, lr_faults
from tests.runtime.real_scripts.run import Fault, Script

FAULT = "__import__('os').environ.get('LG_FAULT')"

# the stand-in news_summary.csv's words (the tokenizer's vocabulary besides T5's special tokens and the task prefix)
WORDS = [f"w{i}" for i in range(40)]
TOPICS = [f"t{k}" for k in range(8)]


def _cut(scripts: list[Script], name: str, new: str, keep: tuple[str, ...], args: list[str] | None = None, patches=(), file_patches=None) -> Script:
    """Script ``name`` of ``scripts`` under the name ``new``, with the faults ``keep`` names (Fault.name prefixes) only,
    further patches of its main file and of its other files."""
    s = next(s for s in scripts if s.name == name)
    faults = [f for _, f in s.faults() if f.name.startswith(keep)]
    files = {k: list(v) for k, v in s.file_patches.items()}
    for k, v in (file_patches or {}).items():
        files[k] = files.get(k, []) + list(v)
    return Script(
        **{
            **s.__dict__,
            "name": new,
            "args": args if args is not None else s.args,
            "patches": list(s.patches) + list(patches),
            "file_patches": files,
            **_first(faults),
        }
    )


def _shrunk() -> list[Script]:
    from tests.runtime.real_scripts.round20 import SCRIPTS20
    from tests.runtime.real_scripts.round22 import SCRIPTS22

    return [
        _cut(
            SCRIPTS20,
            "unet-dice",
            "unet-dice-40",
            ("lr x1000",),
            patches=[
                ("train_set = SimDataset(2000, transform = trans)", "train_set = SimDataset(1000, transform = trans)"),
                ("val_set = SimDataset(200, transform = trans)", "val_set = SimDataset(100, transform = trans)"),
                ("exp_lr_scheduler, num_epochs=2)", "exp_lr_scheduler, num_epochs=1)"),
            ],
        ),
        _cut(
            SCRIPTS22,
            "transformer-copy",
            "transformer-copy-260",
            ("lr 1e-7", "targets of other"),
            patches=[("    batch_size = 80\n    for epoch in range(20):\n", "    batch_size = 80\n    for epoch in range(13):\n")],
        ),
        _cut(
            SCRIPTS22,
            "neural-ode",
            "neural-ode-cap",
            ("lr x1000",),
            args=["--adjoint", "--niters", "10", "--test_freq", "1000"],
            patches=[
                (
                    "        pred_y = odeint(func, batch_y0, batch_t).to(device)\n",
                    "        pred_y = odeint(func, batch_y0, batch_t, options=dict(max_num_steps=2000)).to(device)\n",
                )
            ],
        ),
    ]


T5 = Script(
    "t5-summary",
    "transformers-tutorials",
    "t5_summary.py",
    [
        (
            "# Importing stock libraries\nimport numpy as np\n",
            # the shim folder's stand-in scipy is not one transformers can use: off the path once wandb is imported
            "import lgrun, sys, wandb, pandas, hf_stub\nsys.path = [p for p in sys.path if not p.endswith('shim')]\n"
            "# Importing stock libraries\nimport numpy as np\n",
        ),
        (
            "self.tokenizer.batch_encode_plus([ctext], max_length= self.source_len, pad_to_max_length=True,return_tensors='pt')",
            "self.tokenizer([ctext], max_length= self.source_len, padding='max_length', truncation=True, return_tensors='pt')",
        ),
        (
            "self.tokenizer.batch_encode_plus([text], max_length= self.summ_len, pad_to_max_length=True,return_tensors='pt')",
            "self.tokenizer([text], max_length= self.summ_len, padding='max_length', truncation=True, return_tensors='pt')",
        ),
        (
            "        y = data['target_ids'].to(device, dtype = torch.long)\n        y_ids = y[:, :-1].contiguous()\n",
            "        y = data['target_ids'].to(device, dtype = torch.long)\n"
            f"        if {FAULT} == 'shuffled_targets': y = y.roll(1, 0)\n"
            "        y_ids = y[:, :-1].contiguous()\n",
        ),
        (
            "        outputs = model(input_ids = ids, attention_mask = mask, decoder_input_ids=y_ids, lm_labels=lm_labels)\n        loss = outputs[0]\n",
            "        outputs = model(input_ids = ids, attention_mask = mask, decoder_input_ids=y_ids, labels=lm_labels)\n"
            "        loss = LGW.observe(outputs[0], logits=outputs[1], targets=lm_labels)\n",
        ),
        ("                max_length=150, \n", "                max_length=12, \n"),
        ("    config.TRAIN_BATCH_SIZE = 2 ", "    config.TRAIN_BATCH_SIZE = 8 "),
        ("    config.VALID_BATCH_SIZE = 2 ", "    config.VALID_BATCH_SIZE = 8 "),
        ("    config.LEARNING_RATE = 1e-4 ", f"    config.LEARNING_RATE = {_lr('1e-3')} "),
        ("    config.MAX_LEN = 512\n    config.SUMMARY_LEN = 150 \n", "    config.MAX_LEN = 64\n    config.SUMMARY_LEN = 10 \n"),
        ('    tokenizer = T5Tokenizer.from_pretrained("t5-base")\n', "    tokenizer = hf_stub.t5_tokenizer(open('data/words.txt').read().split())\n"),
        (
            '    model = T5ForConditionalGeneration.from_pretrained("t5-base")\n',
            "    global LGW\n    model = hf_stub.t5(len(tokenizer))\n    LGW = lgrun.watch_model(model)\n",
        ),
        (
            "        print('Output Files generated for review')\n",
            "        print('Output Files generated for review')\n"
            "        print('exact summaries:', sum(p == a for p, a in zip(predictions, actuals)), 'of', len(actuals), predictions[:2], actuals[:2])\n",
        ),
    ],
    [],
    shim="shim_hf",
    notebook=("transformers_summarization_wandb.ipynb", (4, 6, 9, 11, 13, 15)),
    **_first(
        lr_faults(1e-3)
        + [Fault("summaries of other articles (rolled by one in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",))]
    ),
)

# t5-summary with its forward and loss under ``torch.autocast("cpu", dtype=torch.bfloat16)``: bfloat16 logits handed to
# observe(), the loss computed by the model in float32 (cross-entropy autocasts up)
T5_BF16 = Script(
    **{
        **T5.__dict__,
        "name": "t5-summary-bf16",
        "patches": [
            *T5.patches,
            (
                "        outputs = model(input_ids = ids, attention_mask = mask, decoder_input_ids=y_ids, labels=lm_labels)\n",
                "        with torch.autocast('cpu', dtype=torch.bfloat16):\n"
                "            outputs = model(input_ids = ids, attention_mask = mask, decoder_input_ids=y_ids, labels=lm_labels)\n",
            ),
        ],
        **_first([f for _, f in T5.faults() if f.name.startswith(("lr 1e-7", "lr x1000"))]),
    }
)

# HobbitLong/SupContrast: supervised contrastive learning (SupConLoss over two augmented views of each image, positives
# the views of the same class), SGD 0.05 with the script's large-batch warm-up (--warm: from 0.01 over 10 epochs, so
# over the whole 2-epoch run) and cosine decay
SUPCON = Script(
    "supcon",
    "SupContrast",
    "main_supcon.py",
    [
        ("import tensorboard_logger as tb_logger\n", "import tensorboard_logger as tb_logger\nimport lgrun\n"),
        ("    criterion = SupConLoss(temperature=opt.temp)\n", "    criterion = lgrun.watch(model, SupConLoss(temperature=opt.temp))\n"),
        (
            "        images = torch.cat([images[0], images[1]], dim=0)\n",
            "        images = lgrun.nan_batch(torch.cat([images[0], images[1]], dim=0))\n        labels = lgrun.shuffled(labels)\n",
        ),
        (
            "    parser.add_argument('--learning_rate', type=float, default=0.05,",
            f"    parser.add_argument('--learning_rate', type=float, default={_lr('0.05')},",
        ),
    ],
    [
        "--model",
        "resnet18",
        "--batch_size",
        "32",
        "--epochs",
        "2",
        "--warm",
        "--cosine",
        "--num_workers",
        "0",
        "--print_freq",
        "25",
        "--save_freq",
        "100",
    ],
    env={"LG_EXAMPLES": "1600"},
    shim="shim_pil",
    file_patches={
        "networks/resnet_big.py": [
            ("        self.in_planes = 64\n", "        self.in_planes = 16\n"),
            ("        self.conv1 = nn.Conv2d(in_channel, 64,", "        self.conv1 = nn.Conv2d(in_channel, 16,"),
            ("        self.bn1 = nn.BatchNorm2d(64)\n        self.layer1", "        self.bn1 = nn.BatchNorm2d(16)\n        self.layer1"),
            ("self._make_layer(block, 64, num_blocks[0], stride=1)", "self._make_layer(block, 16, num_blocks[0], stride=1)"),
            ("self._make_layer(block, 128, num_blocks[1], stride=2)", "self._make_layer(block, 32, num_blocks[1], stride=2)"),
            ("self._make_layer(block, 256, num_blocks[2], stride=2)", "self._make_layer(block, 64, num_blocks[2], stride=2)"),
            ("self._make_layer(block, 512, num_blocks[3], stride=2)", "self._make_layer(block, 128, num_blocks[3], stride=2)"),
            ("    'resnet18': [resnet18, 512],", "    'resnet18': [resnet18, 128],"),
        ]
    },
    **_first(
        lr_faults(0.05, high=(100,))
        + [
            Fault("labels of other images (shuffled in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
            Fault("a NaN pixel in batch 30", env={"LG_FAULT": "nan_batch", "LG_NAN_STEP": "30"}, expected=("LG101",), onset=29),
        ]
    ),
)

# supcon without --warm: the script's warm-up starts at a fixed 0.01 whatever the rate, and with fewer epochs than its 10
# warm-up epochs under --cosine it aims at the cosine's end (eta_min, 1e-3 of the rate): the rate falls from 0.01 to
# 0.008 over the run for any --learning_rate, so the learning-rate faults change nothing there
SUPCON_NOWARM = Script(
    **{
        **SUPCON.__dict__,
        "name": "supcon-nowarm",
        "args": [a for a in SUPCON.args if a != "--warm"],
        **_first([f for _, f in SUPCON.faults() if f.name.startswith(("lr x100", "lr 1e-7"))]),
    }
)

SCRIPTS24: list[Script] = [T5, T5_BF16, SUPCON, SUPCON_NOWARM, *_shrunk()]


def prepare(script: Script, work: Path) -> None:
    """t5-summary's ``data/news_summary.csv`` and ``data/words.txt``: 1,000 articles of 24-36 words, each on one of 8
    topics (a word of its topic's 5 with probability 0.7, else any of the 40), each one's summary the topic's name and
    the article's first 3 words (seeded)."""
    if not script.name.startswith("t5-summary"):
        return
    import csv
    import random

    rng = random.Random(0)
    (work / "data").mkdir(exist_ok=True)
    (work / "data" / "words.txt").write_text(" ".join(["summarize", ":", *TOPICS, *WORDS]) + "\n")
    with open(work / "data" / "news_summary.csv", "w", newline="", encoding="latin-1") as f:
        out = csv.writer(f)
        out.writerow(["headlines", "text", "ctext"])
        for _ in range(1000):
            k = rng.randrange(len(TOPICS))
            own = WORDS[5 * k : 5 * k + 5]
            article = [rng.choice(own) if rng.random() < 0.7 else rng.choice(WORDS) for _ in range(rng.randint(24, 36))]
            out.writerow(["", " ".join([TOPICS[k], *article[:3]]), " ".join(article)])
