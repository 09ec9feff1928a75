"""part of look-alike project [LG002, LG005, LG014]: the neural collaborative filtering model: order and product embeddings concatenated, an MLP ending in nn.Linear(32, 1) and nn.Sigmoid(), and output.view(-1) so the prediction is a flat (batch,) vector of reorder probabilities."""
# Source: VikramsDataScience/LLM_Side_Projects at b908bacb (read as is), Recommender_Model/src/NCF_Architecture_config.py;
# re-typed, identifiers renamed.
import torch
import torch.nn as nn


class NCF(nn.Module):
    def __init__(self, num_users, num_items, embedding_dim):
        super(NCF, self).__init__()
        self.user_embedding = nn.Embedding(num_users, embedding_dim)
        self.item_embedding = nn.Embedding(num_items, embedding_dim)
        self.fc_layers = nn.Sequential(
            nn.Linear(2 * embedding_dim, 64),
            nn.ReLU(),
            nn.Linear(64, 32),
            nn.ReLU(),
            nn.Linear(32, 1),
            nn.Sigmoid(),
        )

    def forward(self, user, item):
        u = self.user_embedding(user)
        i = self.item_embedding(item)
        out = self.fc_layers(torch.cat((u, i), dim=1))
        return out.view(-1)
