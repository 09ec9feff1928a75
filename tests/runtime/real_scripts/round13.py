"""Round 13's real scripts (docs/runtime.md "On real scripts, round 13"): kinds not covered before.

``MTL-uncertainty``: Hui-Li/multi-task-learning-example-PyTorch at 0ff709f
(``multi-task-learning-example-PyTorch.ipynb``, code cells 0-2 as a script), multi-task regression
with learned loss weights (Kendall, Gal and Cipolla's homoscedastic uncertainty): two regression
heads (a 1024-unit MLP each) and one learned log-variance per task, the loss ``sum_i exp(-s_i) *
(y_i - f_i(x))^2 + s_i`` computed inside a wrapper module whose ``forward`` also runs the model
(``loss, log_vars = mtl(X, [Y1, Y2])``), so it is watched as a model that computes its own loss
(``watch(mtl)``, ``observe(loss)``); Adam 1e-3 with Keras's epsilon 1e-7 over ``mtl.parameters()``
(the weights of both nets and the two log-variances). The notebook's own data: 100 examples, task 1
with noise sigma 10, task 2 with sigma 1, batches of 20 (5 a step of an epoch). 60 epochs instead
of 2000 (300 steps); ``torch.manual_seed(0)`` added (the notebook seeds numpy only).
"""

from __future__ import annotations

from tests.runtime.real_scripts.round8 import FAULT, NAN, _first, _lr, lr_faults
from tests.runtime.real_scripts.run import Fault, Script

SCRIPTS13 = [
    Script(
        "MTL-uncertainty",
        "multi-task-learning-example-PyTorch",
        "mtl.py",
        [
            ("np.random.seed(0)\n", "np.random.seed(0)\ntorch.manual_seed(0)\n"),
            ("nb_epoch = 2000\n", "nb_epoch = 60\n"),
            (
                "optimizer = torch.optim.Adam(mtl.parameters(), lr=0.001, eps=1e-07)\n",
                f"optimizer = torch.optim.Adam(mtl.parameters(), lr={_lr('0.001')}, eps=1e-07)\nimport lgrun\nLGW = lgrun.watch_model(mtl)\n",
            ),
            (
                "        loss, log_vars = mtl(X, [Y1, Y2])\n",
                "        X, Y1, Y2 = lgrun.nan_batch(X), lgrun.shuffled(Y1), lgrun.shuffled(Y2)\n"
                "        loss, log_vars = mtl(X, [Y1, Y2])\n        loss = LGW.observe(loss)\n",
            ),
            # the fault of a learned weighting without its regulariser: exp(-s) alone is lowered by
            # letting s grow, whatever the model predicts
            (
                "        loss = torch.sum(precision1 * (targets[0] - outputs[0]) ** 2. + self.log_vars[0], -1)\n",
                "        loss = torch.sum(precision1 * (targets[0] - outputs[0]) ** 2. + "
                f"(0.0 if {FAULT.format('no_regulariser')} else self.log_vars[0]), -1)\n",
            ),
            (
                "        loss += torch.sum(precision2 * (targets[1] - outputs[1]) ** 2. + self.log_vars[1], -1)\n",
                "        loss += torch.sum(precision2 * (targets[1] - outputs[1]) ** 2. + "
                f"(0.0 if {FAULT.format('no_regulariser')} else self.log_vars[1]), -1)\n",
            ),
        ],
        [],
        notebook=("multi-task-learning-example-PyTorch.ipynb", (0, 1, 2)),
        **_first(
            lr_faults(0.001)
            + [
                NAN,
                Fault("targets of other examples (shuffled in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
                Fault(
                    "the log-variance regulariser dropped (exp(-s) * error alone)",
                    env={"LG_FAULT": "no_regulariser"},
                    expected=("LG103", "LG107"),
                ),
            ]
        ),
    ),
]
