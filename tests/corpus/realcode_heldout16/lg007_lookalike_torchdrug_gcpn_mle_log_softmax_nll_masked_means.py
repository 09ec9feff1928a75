"""look-alike [LG007, LG015, LG006]: the drug-discovery library's graph generator scores its stop and edge logits with F.nll_loss(F.log_softmax(..., dim=-1), reduction='none'), averages the masked per-sample terms to scalars before summing them, and reports the scalar terms in a metric dict returned with the loss."""
# Source: DeepGraphLearning/torchdrug at 6066fbd (read as is), torchdrug/tasks/generation.py (GCPNGeneration.MLE_forward);
# re-typed, identifiers renamed; the graph bookkeeping helpers (all_stop, all_edge, predict, _cat) and the PPO branch cut.
import torch
import torch.nn.functional as F
from torch_scatter import scatter_log_softmax, scatter_max

from torchdrug import tasks


class GraphPolicyGeneration(tasks.Task):
    def __init__(self, model, atom_types, max_edge_unroll=None, max_node=None, criterion="nll"):
        super().__init__()
        self.model = model
        self.atom_types = atom_types
        self.max_edge_unroll = max_edge_unroll
        self.max_node = max_node
        self.criterion = criterion

    def forward(self, batch):
        return self.mle_forward(batch)

    def mle_forward(self, batch):
        total = torch.tensor(0, dtype=torch.float32, device=self.device)
        metric = {}
        graph = batch["graph"]
        stop_graph, s1, s2, s3, s4 = self.all_stop(graph)
        edge_graph, e1, e2, e3, e4 = self.all_edge(graph)
        graph = self._cat([stop_graph, edge_graph])
        t1 = torch.cat([s1, e1])
        t2 = torch.cat([s2, e2])
        t3 = torch.cat([s3, e3])
        t4 = torch.cat([s4, e4])
        stop_logits, node1_logits, node2_logits, edge_logits, index = self.predict(
            graph, {"label1": t1, "label2": t2, "label3": t3, "label4": t4})

        stop_terms = F.nll_loss(F.log_softmax(stop_logits, dim=-1), t4, reduction='none')
        loss_stop = 0.5 * (torch.mean(stop_terms[t4 == 0]) + torch.mean(stop_terms[t4 == 1]))
        metric["stop bce loss"] = loss_stop
        total += loss_stop

        loss_node1 = -(scatter_log_softmax(node1_logits, index["extended_node2graph"])[index["node1_index_per_graph"]])
        loss_node1 = torch.mean(loss_node1[t4 == 0])
        metric["node1 loss"] = loss_node1
        total += loss_node1

        loss_node2 = -(scatter_log_softmax(node2_logits, index["extended_node2graph"])[index["node2_index_per_graph"]])
        loss_node2 = torch.mean(loss_node2[t4 == 0])
        metric["node2 loss"] = loss_node2
        total += loss_node2

        edge_terms = F.nll_loss(F.log_softmax(edge_logits, dim=-1), t3, reduction='none')
        loss_edge = torch.mean(edge_terms[t4 == 0])
        metric["edge loss"] = loss_edge
        total += loss_edge

        metric["total loss"] = total
        metric.update(self.evaluate((stop_logits, node1_logits, node2_logits, edge_logits), (t1, t2, t3, t4, index)))
        return total, metric

    def evaluate(self, pred, target):
        stop_logits, node1_logits, node2_logits, edge_logits = pred
        t1, t2, t3, t4, index = target
        metric = {}
        metric["stop acc"] = (torch.argmax(stop_logits, -1) == t4).float().mean()
        node1_pred = scatter_max(node1_logits, index["extended_node2graph"])[1]
        metric["node1 acc"] = (node1_pred == index["node1_index_per_graph"])[t4 == 0].float().mean()
        return metric
