"""look-alike [LG008]: a graph-explanation benchmark measures how faithful an explanation is with `F.kl_div(org_softmax.log(), pert_softmax, None, None, 'sum')`: the input is the log of a softmax (log-probabilities) and the target the perturbed graph's probabilities, as KLDivLoss expects."""

# Source: mims-harvard/GraphXAI@a11e65f graphxai/metrics/base.py (re-typed, renamed, cut to the node-mask branch of the faithfulness metric)
import torch
import torch.nn.functional as F


def explanation_faithfulness(model, graph, node_scores, top_k=0.25):
    keep = node_scores.topk(int(node_scores.shape[0] * top_k))[1]
    dropped = [n for n in range(node_scores.shape[0]) if n not in keep]

    with torch.no_grad():
        org_vec = model(graph.x, graph.edge_index)
        org_softmax = F.softmax(org_vec, dim=-1)

        masked_x = graph.x.clone()
        masked_x[dropped] = torch.zeros_like(masked_x[dropped])
        pert_vec = model(masked_x, graph.edge_index)
        pert_softmax = F.softmax(pert_vec, dim=-1)

    gef = 1 - torch.exp(-F.kl_div(org_softmax.log(), pert_softmax, None, None, "sum")).item()
    return gef
