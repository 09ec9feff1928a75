"""positive [LG001]: QA model computes masked_softmax = torch.exp(self.log_softmax(masked_max)) over the candidates (self.log_softmax = nn.LogSoftmax(dim=0)) and passes it, reshaped with .view, to nn.CrossEntropyLoss inside forward."""
# Source: https://github.com/bowang-lab/Transformer-GCN-QA src/models.py at the parent of
# aca0dc100f156d04ea1bac02a8baa93be4c0f295 (pull request #32, "Removes erroneous extra softmax"); re-typed, names
# changed, reduced.
import torch
import torch.nn as nn


class TransformerGCNQA(nn.Module):
    def __init__(self, rgcn_layer, n_rgcn_layers=3, rgcn_size=128, dropout_rate=0.2, device="cpu"):
        super().__init__()
        self.n_rgcn_layers = n_rgcn_layers
        self.device = device
        self.dropout = nn.Dropout(dropout_rate)
        self.rgcn_layer = rgcn_layer
        self.fc_3 = nn.Linear(rgcn_size + 768, 256)
        self.fc_4 = nn.Linear(256, 128)
        self.fc_5 = nn.Linear(128, 1)
        self.log_softmax = nn.LogSoftmax(dim=0)

    def forward(self, x, encoded_query, graph, candidate_indices, target=None):
        edge_index = graph[[0, 1], :]
        edge_type = graph[2, :]
        rgcn_layers_sum = torch.zeros_like(x)
        for _ in range(self.n_rgcn_layers):
            x = self.rgcn_layer(x, edge_index, edge_type)
            rgcn_layers_sum += x
        x = rgcn_layers_sum
        x_query_cat = torch.cat([x, encoded_query.expand((len(x), -1))], dim=-1)
        logits = self.fc_3(x_query_cat)
        logits = self.dropout(logits)
        logits = self.fc_4(logits)
        logits = self.dropout(logits)
        logits = self.fc_5(logits)
        logits = self.dropout(logits)
        masked_max = torch.zeros(len(candidate_indices)).to(self.device)
        for i, idxs in enumerate(candidate_indices.values()):
            if idxs:
                masked_max[i] = torch.max(logits[idxs])
        masked_softmax = torch.exp(self.log_softmax(masked_max))
        if target is not None:
            loss_fct = nn.CrossEntropyLoss()
            class_index = torch.argmax(target, 1)
            loss = loss_fct(masked_softmax.view(-1, len(candidate_indices)), class_index)  # expect: LG001
            return masked_softmax, loss
        else:
            return masked_softmax
