"""Run real third-party training scripts under lossguard.watch, healthy and with one fault each.

    python -m tests.runtime.real_scripts.run --src /work/realscripts [--only mnist,vae] [--out results.json]

``--src`` holds the unmodified scripts, fetched and extracted outside this repository:
``examples/{mnist,vae,dcgan,word_language_model}`` from github:pytorch/examples and ``nanoGPT``
from github:karpathy/nanoGPT (``git --git-dir D archive HEAD | tar -x -C dir``). Each run copies
a script to a temporary folder and patches it as text (every patch must match exactly once):
the criterion is wrapped with ``lossguard.watch`` (through ``shim/lgrun.py``), the data is small
and synthetic (``shim/torchvision`` stands in for torchvision; text corpora and nanoGPT's
``train.bin`` are generated), the run is shortened to 150-300 optimizer steps, and a fault is
injected by a command-line change or an environment variable. Every run is also repeated with
``LG_OFF=1`` (the same patched script, the plain criterion) for the overhead ratio.
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
    if script.name == "time_sequence_prediction":
        subprocess.run([sys.executable, "generate_sine_wave.py"], cwd=work, check=True)
    if script.name == "makemore":
        script.args = script.args + ["--work-dir", str(work / "out")]
    if script.name == "dcgan":
        script.args = script.args + ["--outf", str(work / "out")]
        (work / "out").mkdir()


def run_one(script: Script, src: Path, fault: Fault | None, off: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        shutil.copytree(src / script.folder, work, dirs_exist_ok=True)
        main = work / script.main
        text = main.read_text()
        for old, new in script.patches:
            if text.count(old) != 1:
                raise SystemExit(f"{script.name}: patch target found {text.count(old)} times: {old!r}")
            text = text.replace(old, new)
        main.write_text(text)
        s = Script(**{**script.__dict__, "args": list(script.args)})
        _prepare(s, work)
        env = {
            **os.environ,
            **s.env,
            "LG_OUT": str(work / "lg.json"),
            "LG_OFF": "1" if off else "0",
            "PYTHONPATH": os.pathsep.join([str(HERE / "shim"), str(REPO), os.environ.get("PYTHONPATH", "")]),
            "OMP_NUM_THREADS": "1",
            "PYTHONWARNINGS": "ignore",
        }
        args = s.args + (fault.args if fault is not None else [])
        if fault is not None:
            env.update(fault.env)
        proc = subprocess.run([sys.executable, script.main, *args], cwd=work, env=env, capture_output=True, text=True, timeout=900)
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
    for s in SCRIPTS:
        if only and s.name not in only:
            continue
        r = dict(results.get(s.name, {}))
        runs: list[tuple[str, Fault | None, bool]] = [("plain", None, True), ("healthy", None, False)]
        runs += [(label, f, False) for label, f in s.faults()]
        for label, fault, off in runs:
            r[label] = run_one(s, args.src, fault, off)
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
    )
    return (
        f"| {name} | {r['healthy']['steps']} | {len(alarms)}{' (' + ', '.join(alarms) + ')' if alarms else ''} | "
        f"{f['name']} | {found} | {', '.join(others) or '-'} | {ratio} |"
    )


def overhead(args: argparse.Namespace) -> None:
    only = set(filter(None, args.only.split(",")))
    results = json.loads(args.out.read_text()) if args.out.exists() else {}
    for s in SCRIPTS:
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
