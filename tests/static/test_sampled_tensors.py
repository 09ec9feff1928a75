"""Round 37 (branch prec27): tensors torch samples, their elements, clamps and arithmetic with numbers hold no autograd
graph (interp/sampled_tensors.py), so a loss on them holds none. mut26's false alarm on insdout/GMVAE-pytorch
(``loss.py:140`` at 77785a8a87): a mixture VAE's loss object appends one term per component to a list it makes at every
call, and its ``__main__`` smoke test calls it on ``torch.bernoulli`` / ``torch.rand`` inputs and prints the result;
LG006's helper-return reading (the caller throws the graphs away) reported the list. The look-alike feeds a network's
output and keeps the finding. Each project runs end to end through the engine, as test_interp.py's PROJECTS."""

from __future__ import annotations

from pathlib import Path

import pytest

from lossguard.static.testing import project_findings

PROJECTS: dict[str, dict[str, str]] = {}

_MIXTURE_LOSS = """
import math

import numpy as np
import torch
from torch import nn


class SquaredError:
    def __call__(self, x, x_hat):
        n = x.shape[0]
        per_pixel = nn.MSELoss(reduction="none")(x_hat, x)
        return per_pixel.view(n, -1).sum(axis=1)


class CrossEntropyFromProbs:
    def __init__(self, eps=0.0):
        self.eps = eps

    def __call__(self, x, probs):
        n = x.shape[0]
        if self.eps > 0.0:
            probs = torch.clamp(probs, self.eps, 1.0 - self.eps)
        per_pixel = nn.BCELoss(reduction="none")(probs, x)
        return per_pixel.view(n, -1).sum(axis=1)


class MixtureLoss:
    def __init__(self, k, recon):
        self.k = k
        self.recon = recon

    @staticmethod
    def log_gauss(x, mu, var):
        return -0.5 * torch.sum(np.log(2 * math.pi) + torch.log(var) + torch.pow(x - mu, 2) / var, -1)

    def term(self, x, x_hat, z, mu, var, mu_prior, var_prior):
        t = self.recon(x, x_hat)
        t += self.log_gauss(z, mu, var) - self.log_gauss(z, mu_prior, var_prior)
        return t - np.log(1 / self.k)

    def __call__(self, x, out):
        qy = out["qy"]
        terms = []
        for i in range(self.k):
            terms.append(self.term(x, out["px"][i], out["z"][i], out["zm"][i], torch.exp(out["zv"][i]), out["zm_prior"][i], torch.exp(out["zv_prior"][i]))){mark}
        total = torch.stack([qy[:, i] * terms[i] for i in range(self.k)]).sum(0)
        return {"total_loss": total.sum()}


if __name__ == "__main__":
    batch, dim, k, latent = 3, 16, 5, 2
    x = torch.bernoulli(torch.full((batch, dim), 0.5))
{px}
    z = torch.rand((k, batch, latent))
    zm = zv = torch.rand((k, batch, latent))
    out = {"z": z, "zm": zm, "zv": zv, "zm_prior": zm, "zv_prior": zv, "qy": torch.softmax(torch.rand((batch, k)), dim=-1), "px": px}
    print(MixtureLoss(k, SquaredError())(x, out))
    print(MixtureLoss(k, CrossEntropyFromProbs())(x, out))
"""

# the smoke test's own samples: no graph anywhere, silent (main d9bcb710 reported LG006 at the append)
PROJECTS["a_loss_object_s_terms_on_sampled_inputs"] = {
    "loss.py": _MIXTURE_LOSS.replace("{px}", "    px = 2 * torch.stack([x for _ in range(k)]) - 1").replace("{mark}", ""),
}
# the reconstructions are a network's output: the terms hold its graph and the caller prints them (reported on both)
PROJECTS["a_loss_object_s_terms_on_a_network_s_output"] = {
    "loss.py": _MIXTURE_LOSS.replace("{px}", "    px = torch.stack([torch.sigmoid(nn.Linear(dim, dim)(x)) for _ in range(k)])").replace(
        "{mark}", "  # expect: LG006"
    ),
}


@pytest.mark.parametrize("name", sorted(PROJECTS))
def test_sampled_tensors(tmp_path: Path, name: str) -> None:
    expected, actual = project_findings(tmp_path, PROJECTS[name])
    assert actual == expected
