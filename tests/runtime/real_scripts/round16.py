"""Round 16's real scripts (docs/runtime.md "On real scripts, round 16"): kinds not covered before.

``gsm8k-gpt2``: openai/grade-school-math at 3101c7d (``grade_school_math/train.py``,
``dataset.py``): a Hugging Face ``GPT2LMHeadModel`` that computes its own loss (``outputs =
model(**batch, labels=batch["input_ids"])``, ``loss = outputs[0]``: the cross-entropy of each next
token, shifted inside the model, with the padding tokens (id 0) left in the labels as the script
does), on GSM8K's real training problems, a linear-decay schedule from ``transformers.get_scheduler``
stepped every batch. Watched as docs/runtime.md's recipe says: ``watch(model)``, then
``observe(loss, logits=..., targets=...)``. GPT-2's pretrained weights and tokenizer cannot be
downloaded here: the tokenizer is a ``GPT2Tokenizer`` built from a byte-level vocabulary of the 256
bytes and ``<|endoftext|>`` (no merges: a token per character), and the model a 2-layer GPT-2 of
width 64 trained from scratch, so the learning rate is 1e-3 (the script's 1e-5 fine-tunes a
pretrained model); problems with question and answer under 350 characters (1,583 of them, 198 steps
of 8: the machine's load), one epoch instead of 20; ``transformers.AdamW`` (removed from transformers) is torch's.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.runtime.real_scripts.round8 import FAULT, _first, _lr, lr_faults
from tests.runtime.real_scripts.run import Fault, Script

SCRIPTS16 = [
    Script(
        "gsm8k-gpt2",
        "grade-school-math/grade_school_math",
        "train.py",
        [
            # the shim folder's stand-in scipy (other scripts' plots) is not one transformers can use: off the path
            ("import torch as th\n", 'import lgrun, sys\nsys.path = [p for p in sys.path if not p.endswith("shim")]\nimport torch as th\n'),
            ("from transformers import GPT2Config, AdamW\n", "from transformers import GPT2Config\nfrom torch.optim import AdamW\n"),
            ('    tokenizer = GPT2Tokenizer.from_pretrained("gpt2")\n', '    tokenizer = GPT2Tokenizer("vocab.json", "merges.txt")\n'),
            ('    device = th.device("cuda")\n', '    device = th.device("cpu")\n'),
            (
                '    config = GPT2Config.from_pretrained("gpt2")\n    model = GPT2LMHeadModel.from_pretrained("gpt2", config=config)\n',
                "    config = GPT2Config(vocab_size=len(tokenizer), n_positions=512, n_embd=64, n_layer=2, n_head=2)\n"
                "    th.manual_seed(0)\n    model = GPT2LMHeadModel(config)\n    LGW = lgrun.watch_model(model)\n",
            ),
            ("    optim = AdamW(model.parameters(), lr=1e-5)\n", f"    optim = AdamW(model.parameters(), lr={_lr('1e-3')})\n"),
            ("    num_epochs = 20\n", "    num_epochs = 1\n"),
            ("batch_size=16, shuffle=True)", "batch_size=8, shuffle=True)"),
            (
                '            outputs = model(**batch, labels=batch["input_ids"])\n            loss = outputs[0]\n',
                '            outputs = model(**batch, labels=lgrun.shuffled(batch["input_ids"]))\n'
                '            loss = LGW.observe(outputs[0], logits=outputs[1], targets=batch["input_ids"])\n',
            ),
            ('    model.save_pretrained("model_ckpts/")\n', ""),
        ],
        [],
        file_patches={
            "dataset.py": [
                (
                    "    examples = read_jsonl(path)\n",
                    '    examples = [e for e in read_jsonl(path) if len(e["question"]) + len(e["answer"]) < 350][:1600]\n',
                )
            ]
        },
        **_first(
            lr_faults(1e-3)
            + [
                Fault("labels of other problems (rows shuffled in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
            ]
        ),
    ),
    Script(
        "ddp-torchrun",
        "examples/distributed/ddp-tutorial-series",
        "multigpu_torchrun.py",
        [
            (
                '    torch.cuda.set_device(int(os.environ["LOCAL_RANK"]))\n    init_process_group(backend="nccl")\n',
                '    init_process_group(backend="gloo")\n    torch.manual_seed(int(os.environ["LOCAL_RANK"]))\n'
                '    if int(os.environ["LOCAL_RANK"]):\n        os.environ["LG_OUT"] += ".rank1"  # rank 0\'s file is the run\'s\n',
            ),
            ("        self.model = model.to(self.gpu_id)\n", "        self.model = model\n"),
            (
                "        self.model = DDP(self.model, device_ids=[self.gpu_id])\n",
                "        self.model = DDP(self.model)\n        import lgrun\n"
                f"        self.criterion = lgrun.watch(self.model, F.cross_entropy if {FAULT.format('cross_entropy')} else F.mse_loss)\n",
            ),
            ("        loss = F.cross_entropy(output, targets)\n", "        loss = self.criterion(output, targets)\n"),
            ("            source = source.to(self.gpu_id)\n", "            source = __import__('lgrun').nan_batch(source)\n"),
            ("            targets = targets.to(self.gpu_id)\n", ""),
            (
                "    optimizer = torch.optim.SGD(model.parameters(), lr=1e-3)\n",
                f"    optimizer = torch.optim.SGD(model.parameters(), lr={_lr('1e-3')})\n",
            ),
            (
                "    trainer.train(total_epochs)\n    destroy_process_group()\n",
                "    trainer.train(total_epochs)\n    __import__('lgrun').close()\n    destroy_process_group()\n",
            ),
            (
                'if __name__ == "__main__":\n',
                'if __name__ == "__main__" and "LOCAL_RANK" not in os.environ:  # launched as the README says: torchrun, 2 processes\n'
                "    import sys\n    from torch.distributed.run import main as torchrun\n\n"
                '    torchrun(["--standalone", "--nproc_per_node=2", sys.argv[0], *sys.argv[1:]])\n'
                'elif __name__ == "__main__":\n',
            ),
        ],
        ["6", "100", "--batch_size", "32"],
        **_first(
            [
                Fault(
                    "the script's own loss: F.cross_entropy of one output against a float target (identically 0)",
                    env={"LG_FAULT": "cross_entropy"},
                    expected=("LG005", "LG103", "LG105"),
                ),
                *lr_faults(1e-3),
                Fault("a NaN in batch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
            ]
        ),
    ),
]


def prepare(script: Script, work: Path) -> None:
    """gsm8k-gpt2's tokenizer files: GPT-2's byte-to-character table as the vocabulary (ids 0-255,
    "!" first as in GPT-2), ``<|endoftext|>`` as id 256, and no merges."""
    if script.name != "gsm8k-gpt2":
        return
    from transformers.convert_slow_tokenizer import bytes_to_unicode

    vocab = {ch: i for i, ch in enumerate(bytes_to_unicode().values())}
    vocab["<|endoftext|>"] = len(vocab)
    (work / "vocab.json").write_text(json.dumps(vocab))
    (work / "merges.txt").write_text("#version: 0.2\n")
