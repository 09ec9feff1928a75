"""A resumed run keeps its history: save the watcher halfway, load it into a fresh one, go on."""

from __future__ import annotations

import io

import torch
import torch.nn as nn

import lossguard
from tests.runtime.helpers import model, task


def corrupt(step, x):
    if step in (70, 150):
        return x * 60
    if step == 120:
        x = x.clone()
        x[0, 0] = float("nan")
    return x


def run(steps, start=0, net=None, opt=None, state=None, lr=None):
    net = net or model(0)
    opt = opt or torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    crit = lossguard.watch(net, nn.CrossEntropyLoss(), console=False, optimizer=opt)
    if state is not None:
        buffer = io.BytesIO()
        torch.save(state, buffer)
        buffer.seek(0)
        crit.load_state_dict(torch.load(buffer, weights_only=True))
    batch = task(0)
    for _ in range(start):
        batch()
    for step in range(start, steps):
        x, y = batch()
        x = corrupt(step, x)
        opt.zero_grad()
        crit(net(x), y).backward()
        opt.step()
    return crit, net, opt


def test_watcher_state_roundtrip_matches_uninterrupted_run():
    whole, _, _ = run(200)
    first, net, opt = run(100)
    state = first.state_dict()
    first.close()
    net2 = model(1)
    net2.load_state_dict(net.state_dict())
    opt2 = torch.optim.SGD(net2.parameters(), lr=0.05, momentum=0.9)
    opt2.load_state_dict(opt.state_dict())
    resumed, _, _ = run(200, start=100, net=net2, opt=opt2, state=state)
    key = [(e.code, e.step, e.message) for e in whole.events]
    assert [(e.code, e.step, e.message) for e in resumed.events] == key
    assert {e.code for e in whole.events} >= {"LG101", "LG102"}
    assert resumed.step == whole.step == 200
    saved = resumed.state_dict()["detectors"]
    assert saved == whole.state_dict()["detectors"]
