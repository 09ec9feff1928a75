"""Round 24's real scripts (docs/runtime.md "On real scripts, round 24").

Round 23's runs that ran past 900 s, cut to finish on the shared machine:

``unet-dice-40``: round 20's unet-dice at lr x1000 (Adam 0.1), one epoch of 1,000 pictures (40 steps of 25) and 100
for validation instead of two epochs of 2,000 and 200.

``neural-ode-cap``: round 22's neural-ode at lr x1000 (RMSprop 1): 30 iterations (no full-trajectory test), and the training batch's adaptive
solver (dopri5) stopped after 5,000 steps (torchdiffeq's own ``max_num_steps`` option, which raises): on the dynamics
a rate this high makes, one solve did not end in 900 s.
"""

from __future__ import annotations

from pathlib import Path

from tests.runtime.real_scripts.round8 import _first
from tests.runtime.real_scripts.run import Script


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
            "neural-ode",
            "neural-ode-cap",
            ("lr x1000",),
            args=["--adjoint", "--niters", "30", "--test_freq", "1000"],
            patches=[
                (
                    "        pred_y = odeint(func, batch_y0, batch_t).to(device)\n",
                    "        pred_y = odeint(func, batch_y0, batch_t, options=dict(max_num_steps=5000)).to(device)\n",
                )
            ],
        ),
    ]


SCRIPTS24: list[Script] = _shrunk()


def prepare(script: Script, work: Path) -> None:
    """Nothing to generate for the cut scripts."""
