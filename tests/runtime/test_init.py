"""`import lossguard` stays torch-free; the runtime side loads torch on first use."""

from __future__ import annotations

import subprocess
import sys


def test_import_lossguard_does_not_import_torch():
    code = "import sys, lossguard; assert 'torch' not in sys.modules and 'tensorboard' not in sys.modules; print('ok')"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"


def test_missing_torch_gives_a_clear_message():
    code = (
        "import sys; sys.modules['torch'] = None\n"
        "import lossguard\n"
        "try:\n    lossguard.watch(object(), object())\n"
        "except ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "lossguard.watch needs PyTorch" in out.stdout


def test_watch_returns_a_watcher_module():
    import torch.nn as nn

    import lossguard
    from lossguard.runtime.watcher import Watcher

    crit = lossguard.watch(nn.Linear(2, 2), nn.MSELoss(), console=False)
    assert isinstance(crit, Watcher) and isinstance(crit, nn.Module)
