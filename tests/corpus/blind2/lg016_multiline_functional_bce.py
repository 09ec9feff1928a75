"""positive [LG016]: a link-prediction GNN step calls F.binary_cross_entropy over several lines with torch.sigmoid(...) of the edge scores as its input."""
import torch
import torch.nn.functional as F
from torch_geometric.utils import negative_sampling


def train_step(encoder, data, optimizer):
    encoder.train()
    optimizer.zero_grad()
    z = encoder(data.x, data.edge_index)
    neg_edge_index = negative_sampling(
        edge_index=data.edge_index, num_nodes=data.num_nodes, num_neg_samples=data.edge_index.size(1)
    )
    edge_label_index = torch.cat([data.edge_index, neg_edge_index], dim=-1)
    edge_label = torch.cat([
        torch.ones(data.edge_index.size(1)),
        torch.zeros(neg_edge_index.size(1)),
    ]).to(z.device)
    scores = (z[edge_label_index[0]] * z[edge_label_index[1]]).sum(dim=-1)
    loss = F.binary_cross_entropy(
        torch.sigmoid(scores),  # expect: LG016
        edge_label,
    )
    loss.backward()
    optimizer.step()
    return float(loss)
