"""Round 14's real scripts (docs/runtime.md "On real scripts, round 14"): kinds not covered before.

``normalizing-flow``: karpathy/pytorch-normalizing-flows at b60e119 (``nflib1.ipynb`` code cells 0-4
as a script, with ``nflib/flows.py`` and ``nflib/spline_flows.py``): density estimation of 2-D two
moons by a normalizing flow (3 x ActNorm, an invertible 1x1 convolution and a neural-spline coupling
layer), the loss the negative log-likelihood ``-sum(prior_logprob + log_det)`` of each batch of 128,
computed outside any criterion (``watch(model)``, ``observe(loss)``); it goes below zero as the flow
fits the thin moons. Adam 1e-4, weight decay 1e-5; 400 steps instead of 1000. ``make_moons`` is a
stand-in (``shim/sklearn/datasets.py``).

``PINN-burgers``: jayroxis/PINNs at fcc37d2 (``Burgers Equation/Burgers Inference (PyTorch).ipynb``
code cells 2-11 as a script): a physics-informed network for Burgers' equation, an 8x20 tanh MLP of
(x, t) whose loss is the data misfit at 100 initial and boundary points plus the mean squared PDE
residual ``u_t + u u_x - nu u_xx`` at collocation points (derivatives by ``torch.autograd.grad`` with
``create_graph=True``), minimised by L-BFGS with a strong-Wolfe line search: one
``optimizer.step(closure)`` for the whole run, whose closure zeroes the gradients, computes the loss
and calls backward. 2,000 collocation points instead of 10,000, 300 iterations instead of 50,000.
The data file (``burgers_shock.mat``) needs scipy: a stand-in field of the same grid is generated
(``-sin(pi x)`` at t = 0, zero at x = +-1, the points the loss uses), ``lhs`` is a stand-in
(``shim/pyDOE``), the plotting imports are dropped.
"""

from __future__ import annotations

from pathlib import Path

from tests.runtime.real_scripts.round8 import FAULT, NAN, _first, _lr, lr_faults
from tests.runtime.real_scripts.run import Fault, Script

ITERS = "int(__import__('os').environ.get('LG_ITERS', '300'))"

SCRIPTS14 = [
    Script(
        "normalizing-flow",
        "pytorch-normalizing-flows",
        "flow.py",
        [
            (
                "import itertools\n",
                "import itertools\nimport lgrun\ntorch_seed = __import__('torch').manual_seed(0)\nnp_seed = __import__('numpy').random.seed(0)\n",
            ),
            (
                "optimizer = optim.Adam(model.parameters(), lr=1e-4, weight_decay=1e-5) # todo tune WD\n",
                f"optimizer = optim.Adam(model.parameters(), lr={_lr('1e-4')}, weight_decay=1e-5) # todo tune WD\nLGW = lgrun.watch_model(model)\n",
            ),
            ("for k in range(1000):\n    x = d.sample(128)\n", "for k in range(400):\n    x = lgrun.nan_batch(d.sample(128))\n"),
            # the classic sign error: the log-determinant subtracted
            (
                "    logprob = prior_logprob + log_det\n    loss = -torch.sum(logprob) # NLL\n",
                f"    logprob = prior_logprob + (-log_det if {FAULT.format('log_det_sign')} else log_det)\n"
                "    loss = LGW.observe(-torch.sum(logprob)) # NLL\n",
            ),
        ],
        [],
        notebook=("nflib1.ipynb", (0, 1, 2, 3, 4)),
        **_first(
            lr_faults(1e-4)
            + [
                NAN,
                Fault("log-determinant subtracted (sign error)", env={"LG_FAULT": "log_det_sign"}, expected=("LG107", "LG102", "LG103")),
            ]
        ),
    ),
    Script(
        "PINN-burgers",
        "PINNs",
        "burgers.py",
        [
            ("sys.path.insert(0, '../Utilities/')\n", "import lgrun\n"),
            ("import scipy.io\nfrom scipy.interpolate import griddata\nfrom plotting import newfig, savefig\n", ""),
            ("from mpl_toolkits.axes_grid1 import make_axes_locatable\nimport matplotlib.gridspec as gridspec\n", ""),
            ("np.random.seed(1234)\n", "np.random.seed(1234)\ntorch.manual_seed(1234)\n"),
            (
                "            lr=1.0, \n            max_iter=50000, \n            max_eval=50000, \n",
                f"            lr={_lr('1.0')}, \n            max_iter={ITERS}, \n            max_eval={ITERS} * 5 // 4, \n",
            ),
            (
                '            line_search_fn="strong_wolfe"       # can be "strong_wolfe"\n',
                f'            line_search_fn=None if {FAULT.format("no_line_search")} else "strong_wolfe"       # can be "strong_wolfe"\n',
            ),
            (
                "        self.iter = 0\n        \n    def net_u",
                "        self.iter = 0\n        self.lg = lgrun.watch_model(self.dnn)\n        \n    def net_u",
            ),
            ("        loss = loss_u + loss_f\n", "        loss = self.lg.observe(loss_u + loss_f)\n"),
            ("N_f = 10000\n", "N_f = 2000\n"),
            ("data = scipy.io.loadmat('data/burgers_shock.mat')\n", "data = dict(np.load('burgers.npz'))\n"),
            (
                "X_f_train = np.vstack((X_f_train, X_u_train))\n",
                "X_f_train = np.vstack((X_f_train, X_u_train))\nX_f_train[5] = np.nan if " + FAULT.format("nan_point") + " else X_f_train[5]\n",
            ),
        ],
        [],
        notebook=("Burgers Equation/Burgers Inference (PyTorch).ipynb", (2, 3, 5, 6, 8, 10, 11)),
        **_first(
            [
                Fault("L-BFGS without a line search (lr 1)", env={"LG_FAULT": "no_line_search"}, expected=("LG101", "LG102", "LG106")),
                Fault("lr x100 (100)", env={"LG_LR": "100.0"}, expected=("LG101", "LG102", "LG103", "LG104", "LG105", "LG106")),
                Fault("lr 1e-7", env={"LG_LR": "1e-7"}, expected=("LG103",)),
                Fault("a NaN in one collocation point", env={"LG_FAULT": "nan_point"}, expected=("LG101",)),
            ]
        ),
    ),
]


def prepare(script: Script, work: Path) -> None:
    """The Burgers data file's stand-in: the notebook's grid (256 x in [-1, 1], 100 t in [0, 0.99])
    and a field that is -sin(pi x) at t = 0 and 0 at x = +-1 (the points the loss fits), decaying
    in between (only the final error print reads the interior)."""
    if script.name != "PINN-burgers":
        return
    import numpy as np

    x = np.linspace(-1, 1, 256)[:, None]
    t = np.linspace(0, 0.99, 100)[:, None]
    usol = -np.sin(np.pi * x) * np.exp(-2.0 * t.T)
    np.savez(work / "burgers.npz", x=x, t=t, usol=usol)
