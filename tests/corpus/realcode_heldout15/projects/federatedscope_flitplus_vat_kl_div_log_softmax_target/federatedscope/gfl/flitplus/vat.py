"""part of positive project [LG008]: the graph VAT loss compares log_softmax of the perturbed prediction with the log_softmax of the clean one, passed as a plain target to F.kl_div without log_target=True."""
# Source: alibaba/FederatedScope at 7c3e458 ("mpnn"; the same two kl_div calls are in its parent; e625a0de later
# replaces them by the task criterion), federatedscope/gfl/flitplus/vat.py; re-typed, identifiers renamed.
import contextlib

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch_geometric.data.batch import Batch


@contextlib.contextmanager
def _bn_stats_frozen(model):
    def flip(m):
        if hasattr(m, 'track_running_stats'):
            m.track_running_stats ^= True

    model.apply(flip)
    yield
    model.apply(flip)


def _unit(d):
    flat = d.view(d.shape[0], -1, *(1 for _ in range(d.dim() - 2)))
    d /= torch.norm(flat, dim=1, keepdim=True) + 1e-8
    return d


class GraphVATLoss(nn.Module):
    def __init__(self, xi=1e-3, eps=2.5, ip=1):
        super(GraphVATLoss, self).__init__()
        self.xi = xi
        self.eps = eps
        self.ip = ip

    def forward(self, model, graph, criterion_type):
        if criterion_type == 'CrossEntropyLoss':
            pred = model(graph)
            logp = F.log_softmax(pred, dim=1)

            feats = graph.x
            d = torch.rand(feats.shape).sub(0.5).to(feats.device)
            d = _unit(d)

            with _bn_stats_frozen(model):
                with torch.enable_grad():
                    for _ in range(self.ip):
                        d.requires_grad_()
                        near = Batch(x=feats + self.xi * d, edge_index=graph.edge_index,
                                     y=graph.y, edge_attr=graph.edge_attr, batch=graph.batch)
                        pred_hat = model(near)
                        logp_hat = F.log_softmax(pred_hat, dim=1)
                        adv_distance = F.kl_div(logp_hat, logp, reduction='batchmean')  # expect: LG008
                        d = _unit(torch.autograd.grad(outputs=adv_distance, inputs=d, retain_graph=True)[0])
                        model.zero_grad()

                r_adv = d * self.eps
                adv = Batch(x=feats + r_adv, edge_index=graph.edge_index,
                            y=graph.y, edge_attr=graph.edge_attr, batch=graph.batch)
                pred_hat = model(adv)
                logp_hat = F.log_softmax(pred_hat, dim=1)
                lds = F.kl_div(logp_hat, logp, reduction='batchmean')  # expect: LG008
        elif criterion_type == 'MSELoss':
            pred = model(graph)
            feats = graph.x
            d = torch.rand(feats.shape).sub(0.5).to(feats.device)
            d = _unit(d)

            with _bn_stats_frozen(model):
                with torch.enable_grad():
                    for _ in range(self.ip):
                        d.requires_grad_()
                        near = Batch(x=feats + self.xi * d, edge_index=graph.edge_index,
                                     y=graph.y, edge_attr=graph.edge_attr, batch=graph.batch)
                        pred_hat = model(near)
                        adv_distance = ((pred - pred_hat) ** 2).sum(axis=0).sqrt()
                        d = _unit(torch.autograd.grad(outputs=adv_distance, inputs=d, retain_graph=True)[0])
                        model.zero_grad()

                r_adv = d * self.eps
                adv = Batch(x=feats + r_adv, edge_index=graph.edge_index,
                            y=graph.y, edge_attr=graph.edge_attr, batch=graph.batch)
                pred_hat = model(adv)
                lds = ((pred - pred_hat) ** 2).sum(axis=0).sqrt()
        else:
            raise ValueError(f'FLIT trainer not support {ctx.criterion._get_name()}.')

        return lds
