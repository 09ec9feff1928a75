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
``KGE-RotatE``: DeepGraphLearning/KnowledgeGraphEmbedding at 2e440e0 (``codes/run.py``,
``codes/model.py``, ``codes/dataloader.py``) on its own ``data/countries_S1`` (1,111 real triples,
271 entities), RotatE as ``best_config.sh`` trains it there (negatives 64, gamma 0.1, self-adversarial
temperature 1.0, ``-de``, Adam at the script's default 1e-4: the config's 2e-6 is for 40,000 steps): knowledge-graph embedding, no dense layer (two embedding tables),
the loss ``-(log sigmoid(positive score) + sum softmax(negative scores)_detached log sigmoid(-negative
score)) / 2`` computed inside the model's static ``train_step`` (watched with ``watch(model)`` and
``observe(loss)``), head-batch and tail-batch corruption in turn from two DataLoaders (one worker
each), and the optimizer replaced by a new Adam at a tenth of the rate at ``max_steps // 2``;
``np.in1d`` (gone in numpy 2) patched as ``np.isin``.
Smaller than the config (batch 256 instead of 512, 200 dimensions instead of 1000) and 300 steps
instead of 40,000.
"""

from __future__ import annotations

from tests.runtime.real_scripts.round8 import FAULT, NAN, _first, _lr, lr_faults
from tests.runtime.real_scripts.round9 import lr_arg_faults
from tests.runtime.real_scripts.run import Fault, Script

SCRIPTS13 = [
    Script(
        "MTL-uncertainty",
        "multi-task-learning-example-PyTorch",
        "mtl.py",
        [
            ("np.random.seed(0)\n", "np.random.seed(0)\ntorch.manual_seed(0)\n"),
            ("nb_epoch = 2000\n", "nb_epoch = 60\n"),
            ("optimizer = torch.optim.Adam(mtl.parameters(), lr=0.001, eps=1e-07)\n",
             f"optimizer = torch.optim.Adam(mtl.parameters(), lr={_lr('0.001')}, eps=1e-07)\n"
             "import lgrun\nLGW = lgrun.watch_model(mtl)\n"),
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
    Script(
        "KGE-RotatE",
        "KnowledgeGraphEmbedding",
        "codes/run.py",
        [
            (
                "            lr=current_learning_rate\n        )\n        if args.warm_up_steps:\n",
                "            lr=current_learning_rate\n        )\n        import lgrun\n        lgrun.LGW = lgrun.watch_model(kge_model)\n"
                "        if args.warm_up_steps:\n",
            ),
        ],
        [
            "--do_train",
            "--data_path",
            "data/countries_S1",
            "--countries",
            "--model",
            "RotatE",
            "-n",
            "64",
            "-b",
            "256",
            "-d",
            "200",
            "-g",
            "0.1",
            "-a",
            "1.0",
            "-adv",
            "-de",
            "--max_steps",
            "300",
            "-save",
            "out",
            "-cpu",
            "2",
            "--log_steps",
            "100",
            "--save_checkpoint_steps",
            "1000",
        ],
        file_patches={
            # numpy 2 has no np.in1d: np.isin, its successor, with the same arguments
            "codes/dataloader.py": [
                ("                mask = np.in1d(\n                    negative_sample, \n                    self.true_head",
                 "                mask = np.isin(\n                    negative_sample, \n                    self.true_head"),
                ("                mask = np.in1d(\n                    negative_sample, \n                    self.true_tail",
                 "                mask = np.isin(\n                    negative_sample, \n                    self.true_tail"),
            ],
            "codes/model.py": [
                (
                    "        loss.backward()\n",
                    "        loss = __import__('lgrun').LGW.observe(loss)\n        loss.backward()\n",
                ),
                (
                    "        positive_sample, negative_sample, subsampling_weight, mode = next(train_iterator)\n",
                    "        positive_sample, negative_sample, subsampling_weight, mode = next(train_iterator)\n"
                    f"        if {FAULT.format('shuffled_targets')}: positive_sample[:, 2] = positive_sample[torch.randperm(len(positive_sample)), 2]\n",
                ),
            ],
        },
        **_first(
            lr_arg_faults("-lr", 1e-4)
            + [Fault("tails of other triples (shuffled in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",))]
        ),
    ),
]
