"""Round 9's real scripts (docs/runtime.md "On real scripts, round 9"): kinds not covered before.

Knowledge distillation with a KL-divergence term in a loss function of the script's own
(haitongli/knowledge-distillation-pytorch, its MNIST teacher and student), a sequential
recommender trained with two BCEWithLogitsLoss calls per step on sampled negatives
(pmixer/SASRec.pytorch), a siamese network on pairs of images with BCELoss (pytorch/examples
siamese_network) and CTC text recognition (meijieru/crnn.pytorch, warp-ctc's CTCLoss and an lmdb
dataset, both stood in for in ``shim_pil``). Fetched into ``--src`` as the other scripts are; ``run.py`` runs them.
Faults: the learning rate (x100, x1000, 1e-7) and the misuses patched in below.
"""

from __future__ import annotations

from pathlib import Path

from tests.runtime.real_scripts.round8 import FAULT, NAN
from tests.runtime.real_scripts.run import WATCH_LINE, Fault, Script

ANY = ("LG101", "LG102", "LG103", "LG104", "LG105", "LG106")


def lr_arg_faults(flag: str, default: float) -> list[Fault]:
    """The learning-rate faults through the script's own flag: x100, x1000 and 1e-7."""
    out = [Fault(f"lr x{k} ({default * k:g})", args=[flag, repr(default * k)], expected=ANY) for k in (100, 1000)]
    out.append(Fault("lr 1e-7", args=[flag, "1e-7"], expected=("LG103",)))
    return out


def _first(faults: list[Fault]) -> dict:
    f = faults[0]
    return {"fault": f.name, "fault_args": f.args, "fault_env": f.env, "expected": f.expected, "onset": f.onset, "extra": faults[1:]}


# torch >= 0.5 has no loss.data[0] (a 0-d tensor): the scripts' own logging lines, fixed as .item()
DATA0 = ".data[0]"

SCRIPTS9 = [
    Script(
        "kd-mnist",
        "knowledge-distillation-pytorch",
        "mnist/distill_mnist.py",
        [
            # Hinton's distillation: KLDivLoss(log_softmax(student / T), softmax(teacher / T)) * T^2 * 2
            # alpha + CE(student, labels) (1 - alpha), T=20, alpha=0.7, in a function of the script
            # passed to train() as loss_fn; SGD momentum 0.9. The teacher's checkpoint comes from
            # the repository's own teacher_mnist.py (one epoch on the stand-in MNIST).
            (
                "teacher_model.load_state_dict(torch.load('teacher_MLP.pth.tar'))",
                "if not os.path.exists('teacher_MLP.pth.tar'):\n"
                "    import subprocess, sys\n"
                "    # the teacher is trained without the student's fault (the stand-in MNIST's NaN image)\n"
                "    env = {k: v for k, v in os.environ.items() if k != 'LG_FAULT'}\n"
                "    subprocess.run([sys.executable, 'mnist/teacher_mnist.py', '--epochs', '1', '--log-interval', '1000'], check=True, env=env)\n"
                "teacher_model.load_state_dict(torch.load('teacher_MLP.pth.tar'))",
            ),
            ("loss.data[0]))", "loss.item()))"),
            ("train_loss += F.cross_entropy(output, target).data[0]", "train_loss += F.cross_entropy(output, target).item()"),
            (
                "    return nn.KLDivLoss()(F.log_softmax(y/T),",
                f"    return nn.KLDivLoss()((F.softmax(y/T) if {FAULT.format('softmax')} else F.log_softmax(y/T)),",
            ),
            (
                "for epoch in range(1, args.epochs + 1):\n    train(epoch, model, loss_fn=distillation)",
                f"{WATCH_LINE}(model, distillation)\nfor epoch in range(1, args.epochs + 1):\n    train(epoch, model, loss_fn=LG)",
            ),
        ],
        ["--epochs", "1", "--batch-size", "64", "--log-interval", "1000"],
        env={"LG_EXAMPLES": str(64 * 200)},
        file_patches={
            "mnist/teacher_mnist.py": [
                ("loss.data[0]))", "loss.item()))"),
                ("train_loss += F.cross_entropy(output, target).data[0]", "train_loss += F.cross_entropy(output, target).item()"),
                ("test_loss += F.cross_entropy(output, target).data[0]", "test_loss += F.cross_entropy(output, target).item()"),
            ]
        },
        **_first(
            lr_arg_faults("--lr", 0.01)
            + [
                # the stand-in MNIST's NaN pixel (image 3200 of the shuffled training set), as mnist's
                Fault("a NaN pixel in the training set", env={"LG_FAULT": "nan_batch"}, expected=("LG101",)),
                Fault("softmax instead of log_softmax into KLDivLoss", env={"LG_FAULT": "softmax"}, expected=("LG107", "LG007", "LG103")),
            ]
        ),
    ),
    Script(
        "SASRec",
        "SASRec.pytorch",
        "python/main.py",
        [
            # a causal self-attention recommender: per position, BCEWithLogitsLoss on the next item's
            # logit (label 1) plus a second call on a sampled negative's (label 0), both masked to the
            # real positions, added in place (loss += ...); Adam (0.9, 0.98); negatives sampled by 3
            # worker processes; NDCG@10 / HR@10 on 100 sampled items every 20 epochs
            (
                "    bce_criterion = torch.nn.BCEWithLogitsLoss() # torch.nn.BCELoss()",
                "    import lgrun\n    bce_criterion = lgrun.watch(model, torch.nn.BCEWithLogitsLoss())",
            ),
            (
                '            print("loss in epoch {} iteration {}: {}".format(epoch, step, loss.item()))',
                '            if step == 0 and epoch % 10 == 0: print("loss in epoch {} iteration {}: {}".format(epoch, step, loss.item()))',
            ),
        ],
        ["--dataset", "ml-1m", "--train_dir", "default", "--device", "cpu", "--maxlen", "50", "--num_epochs", "40", "--batch_size", "128"],
        **_first(lr_arg_faults("--lr", 0.001)),
    ),
]


SCRIPTS9 += [
    Script(
        "siamese_network",
        "examples/siamese_network",
        "main.py",
        [
            # pairs of MNIST images (even index: same class, odd: different) through a shared
            # ResNet-18 body with one input channel, the two features concatenated into two Linear
            # layers and a Sigmoid, BCELoss; Adadelta lr 1.0 with StepLR(1, 0.7); raw 0-255 pixels.
            # The script makes a fresh nn.BCELoss() in train() each epoch: one watcher made in main()
            ("    criterion = nn.BCELoss()\n\n    for batch_idx", "    criterion = CRITERION\n\n    for batch_idx"),
            (
                "    optimizer = optim.Adadelta(model.parameters(), lr=args.lr)\n",
                "    optimizer = optim.Adadelta(model.parameters(), lr=args.lr)\n    import lgrun\n    global CRITERION\n"
                f"    CRITERION = lgrun.watch(model, nn.BCEWithLogitsLoss() if {FAULT.format('logits_loss')} else nn.BCELoss())\n",
            ),
            (
                "        optimizer.zero_grad()\n        outputs = model(images_1, images_2).squeeze()\n",
                "        optimizer.zero_grad()\n        images_1 = __import__('lgrun').nan_batch(images_1)\n        outputs = model(images_1, images_2).squeeze()\n",
            ),
        ],
        ["--epochs", "2", "--log-interval", "1000"],
        env={"LG_EXAMPLES": str(64 * 100)},
        **_first(
            lr_arg_faults("--lr", 1.0)
            + [
                NAN,
                Fault("BCEWithLogitsLoss on the Sigmoid's output", env={"LG_FAULT": "logits_loss"}, expected=("LG003",)),
            ]
        ),
    ),
]


SHUFFLED = "__import__('os').environ.get('LG_FAULT') == 'shuffled_targets'"

SCRIPTS9 += [
    Script(
        "crnn",
        "crnn.pytorch",
        "train.py",
        [
            # CTC text recognition: a CNN + 2 bidirectional LSTMs over the image's columns, warp-ctc's
            # CTCLoss (summed over the batch, on raw activations) divided by the batch size, the lengths
            # passed as further arguments; Adadelta, as the README trains it (--adam comes first in the script). The script as published fails on
            # Python 3 / torch >= 0.4 in five places, fixed here: its argparse names (trainRoot read as
            # trainroot), iterator.next(), collections.Iterable, a resize through .data; validation (every valInterval) is off.
            ("dataset.lmdbDataset(root=opt.trainroot)", "dataset.lmdbDataset(root=opt.trainRoot)"),
            ("root=opt.valroot,", "root=opt.valRoot,"),
            ("    data = train_iter.next()\n", "    data = next(train_iter)\n"),
            ("crnn.apply(weights_init)\n", "crnn.apply(weights_init)\nimport lgrun\ncriterion = lgrun.watch(crnn, criterion)\n"),
            (
                "    cpu_images, cpu_texts = data\n    batch_size",
                f"    cpu_images, cpu_texts = data\n    if {SHUFFLED}: cpu_texts = [cpu_texts[i] for i in torch.randperm(len(cpu_texts))]\n    batch_size",
            ),
            ("    utils.loadData(length, l)\n\n    preds = crnn(image)", "    utils.loadData(length, l)\n\n    preds = crnn(lgrun.nan_batch(image))"),
        ],
        [
            "--trainRoot",
            "train",
            "--valRoot",
            "val",
            "--workers",
            "0",
            "--batchSize",
            "32",
            "--nh",
            "64",
            "--nepoch",
            "1",
            "--adadelta",
            "--random_sample",
            "--displayInterval",
            "50",
            "--valInterval",
            "100000",
            "--saveInterval",
            "100000",
        ],
        env={"LG_EXAMPLES": str(32 * 200)},
        shim="shim_pil",
        file_patches={
            "utils.py": [
                ("isinstance(text, collections.Iterable)", "isinstance(text, __import__('collections.abc').abc.Iterable)"),
                # v.data is a new tensor object since torch 0.4: resizing it leaves v as it was
                ("    v.data.resize_(data.size()).copy_(data)", "    with torch.no_grad():\n        v.resize_(data.size()).copy_(data)"),
            ],
            # widths 16-64 instead of 64-512 (the VGG-style body took seconds a step on this CPU)
            "models/crnn.py": [
                ("nm = [64, 128, 256, 256, 512, 512, 512]", "nm = [16, 32, 64, 64, 64, 64, 64]"),
                ("BidirectionalLSTM(512, nh, nh)", "BidirectionalLSTM(64, nh, nh)"),
            ],
        },
        **_first(
            [
                Fault("Adam at lr 1.0 (--adam --lr 1.0)", args=["--adam", "--lr", "1.0"], expected=ANY),
                NAN,
                Fault("texts of other images (shuffled in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
            ]
        ),
    ),
]


def _sasrec_data(work: Path) -> None:
    """ml-1m.txt in SASRec's format ("user item" lines in time order, both from 1): 600 users of 30
    to 60 items among 400; each next item is, four times in five, one of 5 successors of the
    previous item (a sequence model can learn them), else drawn by popularity."""
    import numpy as np

    rng = np.random.default_rng(0)
    popularity = 1.0 / np.arange(1, 401) ** 0.8
    popularity /= popularity.sum()
    successors = rng.integers(1, 401, size=(401, 5))
    lines = []
    for u in range(1, 601):
        item = int(rng.choice(400, p=popularity)) + 1
        for _ in range(int(rng.integers(30, 61))):
            lines.append(f"{u} {item}")
            item = int(successors[item, rng.integers(5)]) if rng.random() < 0.8 else int(rng.choice(400, p=popularity)) + 1
    d = work / "data"
    d.mkdir(exist_ok=True)
    (d / "ml-1m.txt").write_text("\n".join(lines) + "\n")


def prepare(script: Script, work: Path) -> None:
    """Data the scripts read from disk, generated in their working folder."""
    if script.name == "SASRec":
        _sasrec_data(work)
