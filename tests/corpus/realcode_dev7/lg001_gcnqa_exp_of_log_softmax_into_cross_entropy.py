"""positive [LG001]: the question-answering model turns its masked candidate scores into probabilities with torch.exp(self.log_softmax(...)) and gives those to CrossEntropyLoss, which applies log-softmax again."""
# Source: bowang-lab/Transformer-GCN-QA@f75a91938c (the parent of aca0dc1, "Removes erroneous extra softmax", pull request #32, which passes the masked logits) src/models.py (re-typed: TransformerGCNQA's output layers and the end of forward; the BERT encoders and the R-GCN layers reduced to one linear layer each; names kept)
import torch
import torch.nn as nn


class TransformerGCNQA(nn.Module):
    def __init__(self, n_rgcn_layers=3, rgcn_size=128, dropout_rate=0.2, device=None):
        super(TransformerGCNQA, self).__init__()
        self.n_rgcn_layers = n_rgcn_layers
        self.rgcn_size = rgcn_size
        self.device = device
        self.dropout = nn.Dropout(dropout_rate)
        self.fc_1 = nn.Linear(768, self.rgcn_size)
        self.rgcn_layer = nn.Linear(self.rgcn_size, self.rgcn_size)
        self.fc_3 = nn.Linear(self.rgcn_size + 768, 256)
        self.fc_4 = nn.Linear(256, 128)
        self.fc_5 = nn.Linear(128, 1)
        self.log_softmax = nn.LogSoftmax(dim=0)

    def forward(self, query, candidate_indices, encoded_mention, target=None):
        encoded_query = query.mean(0, keepdim=True)
        x = self.fc_1(encoded_mention)
        rgcn_layers_sum = torch.zeros_like(x)
        for _ in range(self.n_rgcn_layers):
            x = self.rgcn_layer(x)
            rgcn_layers_sum += x
        x = rgcn_layers_sum
        x_query_cat = torch.cat([x, encoded_query.expand((len(x), -1))], dim=-1)
        logits = self.fc_3(x_query_cat)
        logits = self.dropout(logits)
        logits = self.fc_4(logits)
        logits = self.dropout(logits)
        logits = self.fc_5(logits)
        logits = self.dropout(logits)  # N x 1, where N = # of candidates
        # Compute the masked softmax based on available candidates
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
