"""part of look-alike project [LG003, LG015, LG016, LG014, LG006]: NeuMF returns the final Linear layer's scores, and applies torch.sigmoid only when called with sigmoid=True."""
# Source: NVIDIA/DeepLearningExamples at 729963dd (read as is), PyTorch/Recommendation/NCF/neumf.py; re-typed,
# identifiers renamed; weight initialisation cut.
import torch
import torch.nn as nn


class NeuMF(nn.Module):
    def __init__(self, nb_users, nb_items, mf_dim, mlp_layer_sizes, dropout=0):
        super().__init__()
        self.dropout = dropout
        self.mf_user_embed = nn.Embedding(nb_users, mf_dim)
        self.mf_item_embed = nn.Embedding(nb_items, mf_dim)
        self.mlp_user_embed = nn.Embedding(nb_users, mlp_layer_sizes[0] // 2)
        self.mlp_item_embed = nn.Embedding(nb_items, mlp_layer_sizes[0] // 2)
        self.mlp = nn.ModuleList()
        for i in range(1, len(mlp_layer_sizes)):
            self.mlp.extend([nn.Linear(mlp_layer_sizes[i - 1], mlp_layer_sizes[i])])
        self.final = nn.Linear(mlp_layer_sizes[-1] + mf_dim, 1)

    def forward(self, user, item, sigmoid=False):
        mf = self.mf_user_embed(user) * self.mf_item_embed(item)
        h = torch.cat((self.mlp_user_embed(user), self.mlp_item_embed(item)), dim=1)
        for layer in self.mlp:
            h = nn.functional.relu(layer(h))
            if self.dropout != 0:
                h = nn.functional.dropout(h, p=self.dropout, training=self.training)
        x = self.final(torch.cat((mf, h), dim=1))
        if sigmoid:
            x = torch.sigmoid(x)
        return x
