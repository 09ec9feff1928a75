"""LossGuardCallback under real 2-process DDP on CPU (gloo): a fault seen by one rank stops both."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("lightning.pytorch", reason="Lightning is not installed: pip install lightning")

REPO = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import json, os, sys
    import torch
    import torch.nn.functional as F
    import lightning.pytorch as pl
    from lossguard.integrations.lightning import LossGuardCallback

    OUT = sys.argv[1]

    class Classifier(pl.LightningModule):
        def __init__(self):
            super().__init__()
            self.net = torch.nn.Sequential(torch.nn.Linear(8, 16), torch.nn.ReLU(), torch.nn.Linear(16, 3))

        def training_step(self, batch, batch_idx):
            x, y = batch
            if self.global_rank == 1 and self.global_step == 12:
                x = x * float("nan")  # only rank 1 sees the corrupted batch
            return F.cross_entropy(self.net(x), y)

        def configure_optimizers(self):
            return torch.optim.SGD(self.parameters(), lr=0.05)

    if __name__ == "__main__":
        torch.manual_seed(0)
        x, y = torch.randn(512, 8), torch.randint(0, 3, (512,))
        loader = torch.utils.data.DataLoader(torch.utils.data.TensorDataset(x, y), batch_size=16)
        callback = LossGuardCallback(on_event="stop")
        trainer = pl.Trainer(max_epochs=3, accelerator="cpu", devices=2, strategy="ddp", callbacks=[callback],
                             logger=False, enable_progress_bar=False, enable_model_summary=False, enable_checkpointing=False)
        trainer.fit(Classifier(), loader)
        with open(os.path.join(OUT, f"rank{trainer.global_rank}.json"), "w") as f:
            json.dump({"step": trainer.global_step, "codes": [e.code for e in callback.events]}, f)
        # tear the gloo group down before the interpreter exits: left to exit, its threads were
        # destroyed while joinable now and then ("terminate called without an active exception")
        if torch.distributed.is_initialized():
            torch.distributed.barrier()
            torch.distributed.destroy_process_group()
    """
)


def test_one_rank_fault_stops_both_ranks_at_the_same_step(tmp_path: Path) -> None:
    script = tmp_path / "train_ddp.py"
    script.write_text(SCRIPT)
    env = {**os.environ, "PYTHONPATH": str(REPO), "MASTER_ADDR": "127.0.0.1", "MASTER_PORT": "29571", "OMP_NUM_THREADS": "1"}
    r = subprocess.run([sys.executable, str(script), str(tmp_path)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=240)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-4000:]
    results = [json.loads((tmp_path / f"rank{i}.json").read_text()) for i in (0, 1)]
    steps = {res["step"] for res in results}
    assert len(steps) == 1, results
    assert 12 <= steps.pop() < 3 * 16, "stopped soon after the fault, long before the end"
    assert "LG101" in results[0]["codes"] + results[1]["codes"]
