"""LG101's first non-finite tensor for a criterion called with keywords only (round 38).

Round 38 ran zfjsail/gae-pytorch at c0b95ca (``gae/train.py``): a variational graph autoencoder whose loss is a
function of seven arguments, called ``loss_function(preds=recovered, labels=adj_label, mu=mu, logvar=logvar,
n_nodes=n_nodes, norm=norm, pos_weight=pos_weight)``. With a NaN node feature at epoch 50 the watcher named "the
criterion's argument preds, while its input and target were finite" and said "the model being trained, its input
batch and its learning rate are not to blame": ``preds`` is the model output and the input batch is at fault. The
watcher took the input and target from the first two positional arguments or the keywords ``input``/``target``
alone, so a keyword call had none, and every keyword was a "further" argument. Rule: once a loss on the host is
non-finite, a call made with keywords is read as the same call made positionally: the keyword arguments that fill
the criterion's first two parameters (by its signature) are its input and target. Real loops on the CPU: the
script's model and loss re-typed small (a two-layer GCN encoder over a normalised adjacency, an inner-product
decoder, the weighted BCE plus KL); the look-alike, a NaN in the further keyword ``pos_weight`` with finite
features, still names that argument.
"""

from __future__ import annotations

from typing import Any

import torch
import torch.nn as nn
import torch.nn.functional as F

import lossguard

_BAD = 20


def _graph(seed: int = 0) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A planted-partition graph of 120 nodes in 4 communities: its normalised adjacency (with self-loops), the
    label matrix (adjacency plus the identity) and 40 binary features drawn by community."""
    g = torch.Generator().manual_seed(seed)
    group = torch.randint(0, 4, (120,), generator=g)
    same = group[:, None] == group[None, :]
    a = torch.triu((torch.rand(120, 120, generator=g) < torch.where(same, 0.12, 0.01)).float(), 1)
    a = a + a.T
    a_hat = a + torch.eye(120)
    d = a_hat.sum(1).rsqrt()
    words = torch.zeros(4, 40)
    for k in range(4):
        words[k, k * 10 : (k + 1) * 10] = 1
    x = (torch.rand(120, 40, generator=g) < torch.where(words[group] > 0, 0.35, 0.03)).float()
    return d[:, None] * a_hat * d[None, :], a_hat, x


class _VGAE(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.gc1 = nn.Linear(40, 32, bias=False)
        self.gc_mu = nn.Linear(32, 16, bias=False)
        self.gc_logstd = nn.Linear(32, 16, bias=False)

    def forward(self, x: torch.Tensor, adj: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        h = F.relu(adj @ self.gc1(x))
        mu, logstd = adj @ self.gc_mu(h), adj @ self.gc_logstd(h)
        z = mu + torch.randn_like(mu) * logstd.exp()
        return z @ z.T, mu, logstd


def _loss_function(preds, labels, mu, logvar, n_nodes, norm, pos_weight):
    cost = norm * F.binary_cross_entropy_with_logits(preds, labels, pos_weight=pos_weight)
    kld = -0.5 / n_nodes * torch.mean(torch.sum(1 + 2 * logvar - mu.pow(2) - logvar.exp().pow(2), 1))
    return cost + kld


def _run(nan_feature: bool, nan_weight: bool) -> list[Any]:
    torch.manual_seed(0)
    adj, labels, x = _graph()
    n = labels.shape[0]
    pos_weight = torch.tensor(float(n * n - labels.sum()) / float(labels.sum()))
    norm = n * n / float((n * n - labels.sum()) * 2)
    model = _VGAE()
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = lossguard.watch(model, _loss_function, console=False)
    for step in range(40):
        features, weight = x, pos_weight
        if step == _BAD and nan_feature:
            features = x.clone()
            features[5, 3] = float("nan")
        if step == _BAD and nan_weight:
            weight = torch.tensor(float("nan"))
        opt.zero_grad()
        recovered, mu, logvar = model(features, adj)
        loss = loss_fn(preds=recovered, labels=labels, mu=mu, logvar=logvar, n_nodes=n, norm=norm, pos_weight=weight)
        loss.backward()
        opt.step()
    loss_fn.close()
    return list(loss_fn.events)


def _lg101(events: list) -> Any:
    assert [(e.code, e.step) for e in events][:1] == [("LG101", _BAD)], [str(e) for e in events]
    return events[0]


def test_a_nan_feature_under_a_keyword_call_names_the_model_output_and_the_batch():
    event = _lg101(_run(nan_feature=True, nan_weight=False))
    assert "first non-finite tensor: the model output (loss input), while the parameters were finite" in event.message, event.message
    assert "preds" not in event.message, event.message
    assert event.fix.startswith("Check this step's input batch for NaN or inf"), event.fix


def test_a_nan_further_keyword_argument_is_still_named_as_that_argument():
    event = _lg101(_run(nan_feature=False, nan_weight=True))
    assert "the criterion's argument pos_weight, while its input and target were finite" in event.message, event.message
    assert "the model being trained, its input batch and its learning rate are not to blame" in event.fix, event.fix
