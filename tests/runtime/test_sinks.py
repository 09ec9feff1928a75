"""TensorBoard files read back with tensorboard's own reader; console and JSONL output."""

from __future__ import annotations

import io
import json
import math
import re

import pytest
import torch
import torch.nn as nn
from rich.console import Console
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator
from tensorboard.plugins.custom_scalar import layout_pb2

import lossguard
from tests.runtime.helpers import model, nan_at, task, train
from tests.tb_support import read_run as read
from tests.tb_support import runs


def test_tensorboard_scalars_events_and_alerts(tmp_path):
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), log_dir=str(tmp_path), console=False)
    train(net, crit, 60, corrupt=lambda s, x: x * 60 if s == 45 else x)
    crit.close()
    acc = read(tmp_path)
    tags = acc.Tags()["scalars"]
    for tag in ("lossguard/loss", "lossguard/loss_smoothed", "lossguard/grad_norm/total", "lossguard/alert", "lossguard/lr"):
        assert tag in tags, tag
    # groups are named after the modules, not only their index in the Sequential
    assert {t for t in tags if t.startswith("lossguard/grad_norm/")} == {
        "lossguard/grad_norm/total",
        "lossguard/grad_norm/0_Linear",
        "lossguard/grad_norm/2_Linear",
        "lossguard/grad_norm/4_Linear",
    }
    loss = acc.Scalars("lossguard/loss")
    assert [e.step for e in loss] == list(range(60))
    alert = acc.Scalars("lossguard/alert")
    assert [e.step for e in alert] == [e.step for e in crit.events] and 45 in [e.step for e in alert]
    assert any(t.startswith("lossguard/alerts/LG102") for t in tags)
    texts = acc.Tensors("lossguard/events/text_summary")
    assert any(b"LG102 loss-spike" in t.tensor_proto.string_val[0] for t in texts)


def test_user_summary_writer_gets_the_same_tags_in_its_own_run(tmp_path):
    from torch.utils.tensorboard import SummaryWriter

    writer = SummaryWriter(str(tmp_path))
    writer.add_scalar("user/accuracy", 0.5, 0)
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), writer=writer, console=False)
    train(net, crit, 60, corrupt=lambda s, x: x * 60 if s == 45 else x)
    crit.close()
    writer.add_scalar("user/accuracy", 0.9, 60)  # lossguard flushed the writer; it did not close it
    writer.close()
    acc = EventAccumulator(str(tmp_path), size_guidance={"scalars": 0, "tensors": 0})  # the user's run, as they named it
    acc.Reload()
    tags = acc.Tags()["scalars"]
    assert "user/accuracy" in tags and [e.step for e in acc.Scalars("user/accuracy")] == [0, 60]
    assert [e.step for e in acc.Scalars("lossguard/loss")] == list(range(60))
    assert "lossguard/grad_norm/total" in tags
    assert 45 in [e.step for e in acc.Scalars("lossguard/alert")]
    texts = acc.Tensors("lossguard/events/text_summary")
    assert any(b"LG102 loss-spike" in t.tensor_proto.string_val[0] for t in texts)


def test_default_log_every_writes_each_step_then_every_eighth_and_events_at_their_step(tmp_path):
    """By default every step's scalars are written for the first 1,024 steps, then those of every
    8th step (the steps whose gradient norms are measured); an alert is written at its own step."""
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), log_dir=str(tmp_path), console=False)
    train(net, crit, 1100, corrupt=nan_at(1061))
    crit.close()
    acc = EventAccumulator(str(next(tmp_path.iterdir())), size_guidance={"scalars": 0})
    acc.Reload()
    steps = [e.step for e in acc.Scalars("lossguard/loss")]
    assert steps == list(range(1024)) + list(range(1024, 1100, 8))
    assert [e.step for e in acc.Scalars("lossguard/grad_norm/total")][-3:] == [1080, 1088, 1096]
    assert 1061 in [e.step for e in crit.events] and 1061 in [e.step for e in acc.Scalars("lossguard/alert")]


def test_log_every_one_writes_every_step(tmp_path):
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), log_dir=str(tmp_path), console=False, log_every=1)
    train(net, crit, 1040)
    crit.close()
    acc = EventAccumulator(str(next(tmp_path.iterdir())), size_guidance={"scalars": 0})
    acc.Reload()
    assert [e.step for e in acc.Scalars("lossguard/loss")] == list(range(1040))


def test_writer_and_log_dir_together_is_a_usage_error(tmp_path):
    import pytest
    from torch.utils.tensorboard import SummaryWriter

    from lossguard.errors import UsageError

    with pytest.raises(UsageError, match="not both"):
        lossguard.watch(model(0), nn.CrossEntropyLoss(), log_dir=str(tmp_path), writer=SummaryWriter(str(tmp_path / "w")))
    with pytest.raises(UsageError, match="SummaryWriter"):
        lossguard.watch(model(0), nn.CrossEntropyLoss(), writer=str(tmp_path))


def test_gradient_norms_are_grouped_for_a_deep_model(tmp_path):
    torch.manual_seed(0)
    deep = nn.Sequential(*[nn.Linear(8, 8) for _ in range(250)], nn.Linear(8, 4))
    crit = lossguard.watch(deep, nn.CrossEntropyLoss(), log_dir=str(tmp_path), console=False)
    opt = torch.optim.SGD(deep.parameters(), lr=1e-3)
    for _ in range(3):
        opt.zero_grad()
        crit(deep(torch.randn(4, 8)), torch.randint(0, 4, (4,))).backward()
        opt.step()
    crit.close()
    grad_tags = [t for t in read(tmp_path).Tags()["scalars"] if t.startswith("lossguard/grad_norm/")]
    assert 2 <= len(grad_tags) <= 17
    assert "lossguard/grad_norm/0-15" in grad_tags


def test_console_prints_once_per_kind_and_jsonl_keeps_all(tmp_path):
    buf = io.StringIO()
    console = Console(file=buf, width=120, color_system=None)
    net = model(0)
    path = tmp_path / "events.jsonl"
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=console, jsonl=str(path), optimizer=opt)
    train(net, crit, 60, corrupt=nan_at(20, 50), opt=opt)
    crit.close()
    text = buf.getvalue()
    assert text.count("lossguard LG101 nan-loss") == 1
    assert "step 20" in text and "repeated events not printed again: LG101 x1" in text
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [(d["code"], d["step"]) for d in lines] == [("LG101", 20), ("LG101", 50)]
    from lossguard import catalog

    # the event's fix follows its diagnosis (a NaN in the input batch), not the catalog's general text
    assert lines[0]["fix"] == crit.events[0].fix != catalog.get("LG101").fix
    assert lines[0]["fix"].startswith("Check this step's input batch")


def _layout(acc) -> dict[str, list[str]]:
    """The custom-scalars layout the run carries: chart title -> its tag patterns."""
    raw = acc.Tensors("custom_scalars__config__")[0].tensor_proto.string_val[0]
    layout = layout_pb2.Layout.FromString(raw)
    return {chart.title: list(chart.multiline.tag) for category in layout.category for chart in category.chart}


def test_layout_charts_hold_only_their_series_and_a_divergence_has_a_log_chart(tmp_path):
    net = model(0)
    opt = torch.optim.SGD(net.parameters(), lr=0.05)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), log_dir=str(tmp_path), console=False, optimizer=opt, skip=())

    def diverge(step, x):
        return x * 10.0 ** min(14, max(0, step - 40)) if step >= 40 else x  # loss up to ~1e16

    train(net, crit, 60, corrupt=diverge, opt=opt)
    crit.close()
    acc = read(tmp_path)
    tags = acc.Tags()["scalars"]
    assert any(t.startswith("lossguard/alerts/") for t in tags)
    charts = _layout(acc)

    def shown(chart: str) -> set[str]:  # TensorBoard's custom-scalars plugin keeps re.match(pattern, tag)
        return {t for t in tags if any(re.match(p, t) for p in charts[chart])}

    assert shown("loss with alerts") == {"lossguard/loss", "lossguard/loss_smoothed", "lossguard/alert"}
    assert shown("loss (log10) with alerts") == {"lossguard/loss_log10", "lossguard/alert_log10"}
    assert shown("gradient norms") == {t for t in tags if t.startswith("lossguard/grad_norm/")}
    loss = {e.step: e.value for e in acc.Scalars("lossguard/loss")}
    log10 = {e.step: e.value for e in acc.Scalars("lossguard/loss_log10")}
    assert max(v for v in loss.values() if math.isfinite(v)) > 1e6 and min(loss.values()) < 2
    assert set(log10) == {s for s, v in loss.items() if 0 < v < math.inf}
    assert all(math.isclose(log10[s], math.log10(loss[s]), rel_tol=1e-5, abs_tol=1e-6) for s in log10)


def test_each_watcher_is_its_own_run_under_log_dir(tmp_path):
    from tensorboard.backend.event_processing.plugin_event_multiplexer import EventMultiplexer

    for seed in (0, 1):  # a second run with the same log_dir, or a GAN's two networks
        net = model(seed)
        crit = lossguard.watch(net, nn.CrossEntropyLoss(), log_dir=str(tmp_path), console=False)
        train(net, crit, 20, seed=seed)
        crit.close()
    assert len(runs(tmp_path)) == 2
    mux = EventMultiplexer().AddRunsFromDirectory(str(tmp_path))  # what `tensorboard --logdir` does
    mux.Reload()
    names = sorted(mux.Runs())
    assert names == sorted(p.name for p in runs(tmp_path)) and "." not in names
    for name in names:
        assert [e.step for e in mux.Tensors(name, "lossguard/loss")] == list(range(20))


# ---------------------------------------------------------------- outputs that fail

_TRAIN = """
import json, sys
import torch, torch.nn as nn
import lossguard

args = json.loads(sys.argv[1])
if args.get("file_limit"):  # the process may write no file beyond this size: writes fail with EFBIG
    import resource, signal
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (args["file_limit"], args["file_limit"]))
torch.manual_seed(0)
torch.set_num_threads(1)
net = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 4))
opt = torch.optim.SGD(net.parameters(), lr=0.05)
seen = []
crit = lossguard.watch(net, nn.CrossEntropyLoss(), log_dir=args.get("log_dir"), jsonl=args.get("jsonl"), on_event=seen.append, optimizer=opt)
g = torch.Generator().manual_seed(0)
w = torch.randn(16, 4, generator=g)
for step in range(args["steps"]):
    x = torch.randn(64, 16, generator=g)
    y = (x @ w).argmax(1)
    if step == args["nan_step"]:
        x[0, 0] = float("nan")
    opt.zero_grad()
    loss = crit(net(x), y)
    loss.backward()
    opt.step()
crit.close()
print(json.dumps({"events": [[e.code, e.step, e.message, e.fix] for e in seen], "steps": crit.step}))
"""


def _run_training(tmp_path, prefix: tuple[str, ...] = (), env_drop: tuple[str, ...] = (), **args):
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = tmp_path / "train_script.py"
    script.write_text(_TRAIN)
    root = str(Path(__file__).resolve().parents[2])
    env = {k: v for k, v in os.environ.items() if k not in env_drop}
    env["PYTHONPATH"] = root + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    r = subprocess.run([*prefix, sys.executable, str(script), json.dumps(args)], capture_output=True, text=True, env=env, timeout=300, check=False)
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout.strip().splitlines()[-1]), r.stderr


def _unshare_tmpfs(mount: str, options: str) -> tuple[str, ...]:
    """Run the script in a private mount namespace with a tmpfs at ``mount`` (a real small or
    read-only disk), or skip where user namespaces are not allowed."""
    import shutil
    import subprocess

    import pytest

    if shutil.which("unshare") is None:
        pytest.skip("needs unshare (util-linux) to mount a tmpfs")
    probe = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", f"mount -t tmpfs -o {options} tmpfs {mount}"],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs in a user namespace here: {probe.stderr.strip()}")
    return ("unshare", "--user", "--map-root-user", "--mount", "sh", "-c", f'mount -t tmpfs -o {options} tmpfs {mount} && exec "$@"', "sh")


def _assert_dropped_once_and_nan_reported(out, stderr, jsonl, nan_step):
    assert stderr.count("TensorBoard logging stopped") == 1, stderr[-3000:]
    assert ["LG101", nan_step] in [e[:2] for e in out["events"]]  # the on_event callback
    assert f"lossguard LG101 nan-loss (error, step {nan_step})" in stderr  # the console
    assert ("LG101", nan_step) in [(d["code"], d["step"]) for d in map(json.loads, jsonl.read_text().splitlines())]
    assert out["steps"] == 500


@pytest.mark.integration  # a real full or read-only disk, in a fresh interpreter running 500 steps
def test_disk_full_drops_tensorboard_and_a_later_nan_is_still_reported(tmp_path):
    """The event file stops growing at the file-size limit (writes fail with EFBIG, as with a
    full disk); the NaN comes 300 steps later."""
    import pytest

    resource = pytest.importorskip("resource")
    limit = 40_000
    assert resource.getrlimit(resource.RLIMIT_FSIZE)[0] in (resource.RLIM_INFINITY, -1) or resource.getrlimit(resource.RLIMIT_FSIZE)[0] > limit
    jsonl = tmp_path / "events.jsonl"
    out, stderr = _run_training(tmp_path, log_dir=str(tmp_path / "runs"), jsonl=str(jsonl), steps=500, nan_step=450, file_limit=limit)
    _assert_dropped_once_and_nan_reported(out, stderr, jsonl, 450)
    (event_file,) = (tmp_path / "runs").glob("*/events.out.tfevents.*")
    assert event_file.stat().st_size == limit  # it did fill up; the records before that read back
    acc = EventAccumulator(str(event_file.parent))
    acc.Reload()
    assert 50 < len(acc.Scalars("lossguard/loss")) < 450


@pytest.mark.integration  # a real full or read-only disk, in a fresh interpreter running 500 steps
def test_full_tmpfs_drops_tensorboard_and_a_later_nan_is_still_reported(tmp_path):
    disk = tmp_path / "small-disk"
    disk.mkdir()
    jsonl = tmp_path / "events.jsonl"  # on the big disk: it keeps working
    out, stderr = _run_training(
        tmp_path, _unshare_tmpfs(str(disk), "size=32k"), log_dir=str(disk / "runs"), jsonl=str(jsonl), steps=500, nan_step=450
    )
    assert "No space left on device" in stderr
    _assert_dropped_once_and_nan_reported(out, stderr, jsonl, 450)


@pytest.mark.integration  # a real full or read-only disk, in a fresh interpreter running 500 steps
def test_read_only_log_dir_warns_once_and_training_is_watched(tmp_path):
    import os

    ro = tmp_path / "read-only"
    ro.mkdir()
    jsonl = tmp_path / "events.jsonl"
    if os.name == "posix" and os.geteuid() != 0:
        ro.chmod(0o555)  # root ignores permissions: it gets a read-only mount instead
        prefix: tuple[str, ...] = ()
    else:
        prefix = _unshare_tmpfs(str(ro), "ro,size=16k")
    out, stderr = _run_training(tmp_path, prefix, log_dir=str(ro / "runs"), jsonl=str(jsonl), steps=500, nan_step=450)
    _assert_dropped_once_and_nan_reported(out, stderr, jsonl, 450)
    assert f"cannot write TensorBoard files to {ro / 'runs'}" in stderr
    assert not list(ro.iterdir())


def test_console_lines_are_not_wrapped_when_stderr_is_a_pipe(monkeypatch):
    """CI logs, tee, nohup: a message or a fix's code must stay on one line (rich would wrap at
    80 columns when it cannot ask a terminal). stderr is a real pipe, with no terminal size in the
    environment; what is under test is the stream, so the run is in this process."""
    import os
    import sys
    import threading

    for name in ("COLUMNS", "LINES", "FORCE_COLOR", "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    read_end, write_end = os.pipe()
    received: list[bytes] = []
    with open(read_end, "rb") as reader:
        drain = threading.Thread(target=lambda: received.append(reader.read()))  # the pipe never fills up
        drain.start()
        seen: list = []
        with open(write_end, "w", encoding="utf-8") as pipe:
            saved, sys.stderr = sys.stderr, pipe
            try:
                net = model(0)
                crit = lossguard.watch(net, nn.CrossEntropyLoss(), on_event=seen.append)
                train(net, crit, 40, corrupt=nan_at(20))
                crit.close()
            finally:
                sys.stderr = saved
        drain.join(timeout=60)
    stderr = received[0].decode("utf-8")
    event = next(e for e in seen if e.code == "LG101")
    assert event.step == 20 and len(event.message) > 80 and len(event.fix) > 80
    lines = stderr.splitlines()
    assert f"lossguard LG101 nan-loss (error, step 20): {event.message}" in lines, stderr
    assert f"  fix: {event.fix}" in lines


def test_gradient_norm_groups_of_indexed_modules_carry_their_class(tmp_path):
    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embed = nn.Linear(16, 32)
            self.blocks = nn.ModuleList([nn.Linear(32, 32), nn.Sequential(nn.Linear(32, 32), nn.ReLU())])
            self.head = nn.Linear(32, 4)

        def forward(self, x):
            x = self.embed(x)
            x = self.blocks[1](self.blocks[0](x))
            return self.head(x)

    net = Net()
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), log_dir=str(tmp_path), console=False)
    train(net, crit, 3)
    crit.close()
    grad_tags = {t for t in read(tmp_path).Tags()["scalars"] if t.startswith("lossguard/grad_norm/")}
    assert grad_tags == {
        "lossguard/grad_norm/total",
        "lossguard/grad_norm/embed",
        "lossguard/grad_norm/blocks/0_Linear",
        "lossguard/grad_norm/blocks/1/0_Linear",
        "lossguard/grad_norm/head",
    }


@pytest.mark.integration  # a fresh interpreter that exits without close()
def test_a_script_that_never_closes_the_watcher_still_prints_the_summary(tmp_path):
    """The summary close() prints comes at exit too: most scripts never call close()."""
    import subprocess
    import sys

    script = (
        "import torch.nn as nn, lossguard\n"
        "from tests.runtime.helpers import model, train\n"
        "net = model(0)\n"
        "crit = lossguard.watch(net, nn.CrossEntropyLoss())\n"
        "train(net, crit, 21)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    lines = done.stderr.strip().splitlines()
    assert lines[0].startswith("lossguard: watching Sequential")
    assert lines[-1] == "lossguard: 21 steps watched, no problem found."
    closed = subprocess.run([sys.executable, "-c", script + "crit.close()\n"], check=True, capture_output=True, text=True)
    assert closed.stderr.count("steps watched") == 1  # once, not again at exit
    # closed by an exit handler registered before lossguard was imported (the real-scripts harness's lgrun does so):
    # exit handlers run last-registered first, so lossguard's exit flush prints the summary before that close()
    late = "import atexit\nheld = []\natexit.register(lambda: held[0].close())\n" + script + "held.append(crit)\n"
    done = subprocess.run([sys.executable, "-c", late], check=True, capture_output=True, text=True)
    assert done.stderr.count("steps watched") == 1, done.stderr  # base code: twice


@pytest.mark.integration  # a fresh interpreter that exits without close()
def test_a_script_that_never_closes_the_watcher_still_writes_its_last_steps(tmp_path):
    """Records go out in bursts of 100 steps; at exit the watcher reads and writes what is left."""
    import subprocess
    import sys

    script = (
        "import torch.nn as nn, lossguard\n"
        "from tests.runtime.helpers import model, train\n"
        "net = model(0)\n"
        f"crit = lossguard.watch(net, nn.CrossEntropyLoss(), log_dir={str(tmp_path)!r}, console=False)\n"
        "train(net, crit, 157)\n"  # no close(): the loop of a script that runs until it is stopped
    )
    subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True)
    acc = read(tmp_path)
    assert [e.step for e in acc.Scalars("lossguard/loss")] == list(range(157))


def test_an_event_during_a_tqdm_bar_starts_on_a_line_of_its_own():
    """tqdm redraws its bar with a carriage return and no newline; an event printed while the bar is
    shown used to land in the middle of the bar's line ("45%|####5 | 9/20 [...]lossguard LG101 ...").
    The console clears the bar first and redraws it after, as ``tqdm.write`` does. A real loop over a
    DataLoader wrapped in tqdm, the bar and the console on one stream; a NaN input in batch 9."""
    from torch.utils.data import DataLoader, TensorDataset
    from tqdm import tqdm

    batch = task(0, n=16 * 20)
    x, y = batch()
    x[9 * 16, 0] = float("nan")
    loader = DataLoader(TensorDataset(x, y), batch_size=16, shuffle=False)
    stream = io.StringIO()
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=Console(file=stream, width=300))
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    for xb, yb in tqdm(loader, file=stream, mininterval=0, ascii=True):
        opt.zero_grad()
        loss = crit(net(xb), yb)
        loss.backward()
        opt.step()
    crit.close()
    event = next(e for e in crit.events if e.code == "LG101")
    assert event.step == 9 and "Check this step's input batch for NaN or inf" in event.fix
    text = stream.getvalue()
    assert "lossguard LG101 nan-loss (error, step 9)" in text and "|" in text  # the bar was drawn
    # what a terminal shows of each line: the text after its last carriage return
    shown = [line.split("\r")[-1] for line in text.split("\n")]
    assert any(line.startswith("lossguard LG101 nan-loss (error, step 9): ") for line in shown), text
    assert any(line.startswith("lossguard: watching Sequential") for line in shown), text
    assert any(line.startswith("  fix: ") and "Check this step's input batch" in line for line in shown)
    # the bar is redrawn after the event and runs to its end
    assert re.search(r"100%\|#+\| 20/20", text.split("lossguard LG101")[-1])


def test_without_tqdm_imported_events_are_printed_as_before(monkeypatch):
    """lossguard never imports tqdm (``progress_bars`` looks it up in ``sys.modules``): a program
    that has not imported it gets its events printed straight, and tqdm stays unimported."""
    import sys

    monkeypatch.delitem(sys.modules, "tqdm", raising=False)
    stream = io.StringIO()
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=Console(file=stream, width=300))
    train(net, crit, 30, corrupt=nan_at(12))
    crit.close()
    assert "tqdm" not in sys.modules
    assert "\nlossguard LG101 nan-loss (error, step 12): " in stream.getvalue()


def _clipped_regression(tmp_path, max_norm: float, steps: int = 40):
    """A noise-prediction MLP (as tiny-diffusion's: MSE, AdamW) that clips its gradients to ``max_norm``
    between backward() and step(); the console and a TensorBoard run are kept."""
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(4, 64), nn.GELU(), nn.Linear(64, 64), nn.GELU(), nn.Linear(64, 2))
    stream = io.StringIO()
    crit = lossguard.watch(net, nn.functional.mse_loss, console=Console(file=stream, width=400), log_dir=str(tmp_path))
    opt = torch.optim.AdamW(net.parameters(), lr=1e-3)
    g = torch.Generator().manual_seed(1)
    for _ in range(steps):
        x, noise = torch.randn(32, 4, generator=g), torch.randn(32, 2, generator=g)
        loss = crit(net(x), noise + x[:, :2])
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(net.parameters(), max_norm)
        opt.step()
    crit.close()
    return crit, stream.getvalue(), read(tmp_path)


def test_a_norm_pinned_by_clipping_before_the_step_is_said_once_and_not_changed(tmp_path):
    """clip_grad_norm_ before step() makes grad_norm/total read the clip value at every step where it acts:
    the watcher says so once (console and a TensorBoard text under lossguard/notes), at the fourth measured step
    that reads it; the series keeps the numbers the optimizer used."""
    crit, console, acc = _clipped_regression(tmp_path, 0.05)
    assert not crit.events
    notes = [line for line in console.splitlines() if "clip_grad_norm_" in line]
    assert len(notes) == 1, console
    assert notes[0].startswith("lossguard: the total gradient norm read 0.05 at each of the last 4 measured steps (to step 3): ")
    assert "lossguard/grad_norm/total shows the clip value wherever clipping acts" in notes[0]
    texts = acc.Tensors("lossguard/notes/text_summary")
    assert [t.step for t in texts] == [3] and b"clip_grad_norm_" in texts[0].tensor_proto.string_val[0]
    totals = [e.value for e in acc.Scalars("lossguard/grad_norm/total")]
    assert len(totals) == 19 and all(abs(v - 0.05) < 1e-6 for v in totals)  # the measured steps: 0-15, then every 8th


def test_clipping_that_never_acts_brings_no_note(tmp_path):
    crit, console, acc = _clipped_regression(tmp_path, 100.0)
    assert not crit.events and "clip_grad_norm_" not in console
    assert "lossguard/notes/text_summary" not in acc.Tags()["tensors"]
    totals = [e.value for e in acc.Scalars("lossguard/grad_norm/total")]
    assert len(set(round(v, 6) for v in totals)) == 19
