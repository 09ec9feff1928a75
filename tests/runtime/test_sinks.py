"""TensorBoard files read back with tensorboard's own reader; console and JSONL output."""

from __future__ import annotations

import io
import json

import torch
import torch.nn as nn
from rich.console import Console
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

import lossguard
from tests.runtime.helpers import model, train


def read(log_dir):
    acc = EventAccumulator(str(log_dir), size_guidance={"scalars": 0, "tensors": 0})
    acc.Reload()
    return acc


def test_tensorboard_scalars_events_and_alerts(tmp_path):
    net = model(0)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), log_dir=str(tmp_path), console=False)
    train(net, crit, 60, corrupt=lambda s, x: x * 60 if s == 45 else x)
    crit.close()
    acc = read(tmp_path)
    tags = acc.Tags()["scalars"]
    for tag in ("lossguard/loss", "lossguard/loss_smoothed", "lossguard/grad_norm/total", "lossguard/alert", "lossguard/lr"):
        assert tag in tags, tag
    assert {t for t in tags if t.startswith("lossguard/grad_norm/")} == {"lossguard/grad_norm/total", "lossguard/grad_norm/0", "lossguard/grad_norm/2", "lossguard/grad_norm/4"}
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
    acc = read(tmp_path)
    tags = acc.Tags()["scalars"]
    assert "user/accuracy" in tags and [e.step for e in acc.Scalars("user/accuracy")] == [0, 60]
    assert [e.step for e in acc.Scalars("lossguard/loss")] == list(range(60))
    assert "lossguard/grad_norm/total" in tags
    assert 45 in [e.step for e in acc.Scalars("lossguard/alert")]
    texts = acc.Tensors("lossguard/events/text_summary")
    assert any(b"LG102 loss-spike" in t.tensor_proto.string_val[0] for t in texts)


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

    def corrupt(step, x):
        if step in (20, 50):
            x = x.clone()
            x[0, 0] = float("nan")
        return x

    train(net, crit, 60, corrupt=corrupt, opt=opt)
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
