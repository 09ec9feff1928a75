"""Round 22's real scripts (docs/runtime.md "On real scripts, round 22"): kinds not covered before.

``transformer-copy``: harvardnlp/annotated-transformer at debc9fd (``the_annotated_transformer.py``, its "first
example", ``example_simple_model``): an encoder-decoder Transformer trained with teacher forcing (the decoder reads
the target shifted by one under a subsequent mask) on the copy task's random sequences, the loss the notebook's
``LabelSmoothing`` module (``nn.KLDivLoss(reduction="sum")`` against a one-hot distribution built from the targets,
padding rows zeroed; watched as the script's ``criterion``) of the generator's ``log_softmax``, divided by the
token count outside the criterion (``SimpleLossCompute``); Adam (0.9, 0.98) under the Noam schedule (``LambdaLR``:
linear warm-up over 400 steps, then 1/sqrt(step)), base rate 0.5; validation in ``eval()`` mode through the same
criterion and a ``DummyOptimizer``. The width is cut to d_model 64, d_ff 256, 4 heads (the notebook's 512/2048/8 ran
at seconds a step on the shared CPU, 128/512 at 1 s); 20 epochs of 20 batches of 80 as written. torchtext, spacy, altair, pandas and
GPUtil (the real-world part and the charts) are not imported; the charts are not drawn.

``neural-ode``: rtqichen/torchdiffeq at 657943a (``examples/ode_demo.py`` with the package's own ``torchdiffeq``): a
neural ODE fitting a spiral's dynamics (dy/dt = MLP(y^3), 2-50-2 tanh), ``odeint`` with the adaptive dopri5 solver
over batches of 20 trajectory pieces of 10 time points, the gradient through the adjoint ODE solved backwards
(``--adjoint``), the loss ``mean(|pred - true|)`` written as ``F.l1_loss`` (the same value) and watched; RMSprop 1e-3;
300 iterations (the script's 2,000), the full-trajectory check every 100.

``style-transfer``: pytorch/examples at 77f55b9 (``fast_neural_style/neural_style/neural_style.py train`` with
``transformer_net.py``, ``vgg.py``, ``utils.py``): a feed-forward style-transfer network (three strided convolutions,
five residual blocks with InstanceNorm, two upsampling convolutions) trained by a perceptual loss through a frozen
VGG16: one ``MSELoss`` (watched) called five times a step, a content term on relu2_2 weighted 1e5 and a Gram-matrix
style term per VGG slice weighted 1e10, summed by the script; Adam 1e-3. The repository's mosaic.jpg as the style
image; ``shim_pil``'s ImageFolder (600 synthetic pictures) at 64x64 (the script's 256), batch 4, one epoch of 150
steps; ``shim_pil``'s ``vgg16`` is VGG16's layer sequence at an eighth of its widths with random weights (no weights
to load: a perceptual loss through random features). ``Image.ANTIALIAS`` (removed in Pillow 10) is ``LANCZOS``.
"""

from __future__ import annotations

from pathlib import Path

from tests.runtime.real_scripts.round8 import _first, _lr, lr_faults
from tests.runtime.real_scripts.run import Fault, Script

FAULT = "__import__('os').environ.get('LG_FAULT')"

SCRIPTS22 = [
    Script(
        "transformer-copy",
        "annotated-transformer",
        "the_annotated_transformer.py",
        [
            ("import pandas as pd\nimport altair as alt\nfrom torchtext.data.functional import to_map_style_dataset\n", "import lgrun\n"),
            ("from torchtext.vocab import build_vocab_from_iterator\nimport torchtext.datasets as datasets\nimport spacy\nimport GPUtil\n", ""),
            # the notebook's charts and printed examples (altair) are off; the copy task runs instead of part 3
            ("RUN_EXAMPLES = True", "RUN_EXAMPLES = False"),
            ("example_learning_schedule()\n", ""),
            ("# execute_example(example_simple_model)", "torch.manual_seed(0)\nexample_simple_model()\nraise SystemExit(0)"),
            (
                "        return log_softmax(self.proj(x), dim=-1)\n",
                f"        if {FAULT} == 'probabilities': return self.proj(x).softmax(dim=-1)\n        return log_softmax(self.proj(x), dim=-1)\n",
            ),
            (
                "        tgt = data.requires_grad_(False).clone().detach()\n",
                "        tgt = lgrun.shuffled(data.requires_grad_(False).clone().detach())\n",
            ),
            (
                "    criterion = LabelSmoothing(size=V, padding_idx=0, smoothing=0.0)\n    model = make_model(V, V, N=2)\n",
                "    model = make_model(V, V, N=2, d_model=64, d_ff=256, h=4)\n"
                "    criterion = lgrun.watch(model, LabelSmoothing(size=V, padding_idx=0, smoothing=0.0))\n",
            ),
            (
                "        model.parameters(), lr=0.5, betas=(0.9, 0.98), eps=1e-9\n",
                f"        model.parameters(), lr={_lr('0.5')}, betas=(0.9, 0.98), eps=1e-9\n",
            ),
        ],
        [],
        **_first(
            lr_faults(0.5)
            + [
                Fault("targets of other sequences (shuffled in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
                Fault("softmax instead of log_softmax into KLDivLoss", env={"LG_FAULT": "probabilities"}, expected=("LG007", "LG103", "LG107")),
            ]
        ),
    ),
    Script(
        "neural-ode",
        "torchdiffeq",
        "examples/ode_demo.py",
        [
            (
                "import os\nimport argparse\n",
                "import os\nimport sys\nsys.path.insert(0, os.getcwd())\nimport argparse\nimport lgrun\nimport torch.nn.functional as F\n",
            ),
            (
                "    optimizer = optim.RMSprop(func.parameters(), lr=1e-3)\n",
                f"    optimizer = optim.RMSprop(func.parameters(), lr={_lr('1e-3')})\n    l1 = lgrun.watch(func, F.l1_loss)\n",
            ),
            (
                "        batch_y0, batch_t, batch_y = get_batch()\n",
                "        batch_y0, batch_t, batch_y = get_batch()\n"
                "        batch_y0 = lgrun.nan_batch(batch_y0)\n"
                f"        if {FAULT} == 'shuffled_targets': batch_y = batch_y[:, torch.randperm(batch_y.shape[1])]\n",
            ),
            ("        loss = torch.mean(torch.abs(pred_y - batch_y))\n", "        loss = l1(pred_y, batch_y)\n"),
        ],
        ["--adjoint", "--niters", "300", "--test_freq", "100"],
        # the scipy solvers' wrapper imports scipy.integrate at import time (the shim's scipy has none); unused here
        file_patches={"torchdiffeq/_impl/scipy_wrapper.py": [("from scipy.integrate import solve_ivp\n", "solve_ivp = None\n")]},
        **_first(
            lr_faults(1e-3)
            + [
                Fault("a NaN in batch 50's initial states", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49),
                Fault("trajectories of other starts (shuffled in the batch)", env={"LG_FAULT": "shuffled_targets"}, expected=("LG103",)),
            ]
        ),
    ),
]


SCRIPTS22.append(
    Script(
        "style-transfer",
        "examples/fast_neural_style",
        "neural_style/neural_style.py",
        [
            ("    mse_loss = torch.nn.MSELoss()\n", "    import lgrun\n    mse_loss = lgrun.watch(transformer, torch.nn.MSELoss())\n"),
            ("    optimizer = Adam(transformer.parameters(), args.lr)\n", f"    optimizer = Adam(transformer.parameters(), {_lr('1e-3')})\n"),
            (
                "            x = x.to(device)\n            y = transformer(x)\n",
                "            x = lgrun.nan_batch(x.to(device))\n            y = transformer(x)\n",
            ),
        ],
        [
            "train",
            "--dataset",
            "data/train",
            "--save-model-dir",
            "out",
            "--epochs",
            "1",
            "--batch-size",
            "4",
            "--image-size",
            "64",
            "--style-size",
            "64",
            "--log-interval",
            "50",
        ],
        env={"LG_EXAMPLES": str(4 * 150)},
        shim="shim_pil",
        file_patches={
            "neural_style/utils.py": [
                ("img = img.resize((size, size), Image.ANTIALIAS)", "img = img.resize((size, size), Image.LANCZOS)"),
                ("int(img.size[1] / scale)), Image.ANTIALIAS)", "int(img.size[1] / scale)), Image.LANCZOS)"),
            ]
        },
        **_first(lr_faults(1e-3) + [Fault("a NaN pixel in batch 50", env={"LG_FAULT": "nan_batch"}, expected=("LG101",), onset=49)]),
    )
)


def prepare(script: Script, work: Path) -> None:
    """Nothing to generate: the copy task makes its own data, the ODE demo solves its own true spiral."""
