"""part of positive project [LG016]: DiffNet picks its loss by the config string loss_type ('BCE' in the model's default yaml): torch.nn.BCELoss() stored as self.loss_fct in __init__; calculate_loss applies torch.sigmoid to the user-item inner products and passes the probabilities to self.loss_fct in the same method (the fix drops the BCE branch)."""
# Source: RUCAIBox/RecBole-GNN at 7cbf7547 (the parent of aa5e2f5c), recbole_graph/model/social_recommender/diffnet.py; re-typed, identifiers renamed; the
# pre-trained review fusion (an optional Sigmoid-activated Linear on frozen review embeddings) and full_sort_predict cut.
import torch

from recbole.model.init import xavier_uniform_initialization
from recbole.model.loss import EmbLoss
from recbole.utils import InputType

from recbole_graph.model.abstract_recommender import SocialRecommender
from recbole_graph.model.layers import BipartiteGCNConv


class DiffNet(SocialRecommender):
    input_type = InputType.POINTWISE

    def __init__(self, config, dataset):
        super(DiffNet, self).__init__(config, dataset)
        self.edge_index, self.edge_weight = dataset.get_bipartite_inter_mat(row='user')
        self.edge_index, self.edge_weight = self.edge_index.to(self.device), self.edge_weight.to(self.device)
        self.net_edge_index, self.net_edge_weight = dataset.get_norm_net_adj_mat(row_norm=True)
        self.net_edge_index = self.net_edge_index.to(self.device)
        self.net_edge_weight = self.net_edge_weight.to(self.device)

        self.LABEL = config['LABEL_FIELD']
        self.embedding_size = config['embedding_size']
        self.n_layers = config['n_layers']
        self.loss_type = config['loss_type']

        self.user_embedding = torch.nn.Embedding(num_embeddings=self.n_users, embedding_dim=self.embedding_size)
        self.item_embedding = torch.nn.Embedding(num_embeddings=self.n_items, embedding_dim=self.embedding_size)
        self.gcn_conv = BipartiteGCNConv(dim=self.embedding_size)

        if self.loss_type == 'BCE':
            self.loss_fct = torch.nn.BCELoss()
        elif self.loss_type == 'L2':
            self.loss_fct = EmbLoss()
        else:
            raise NotImplementedError("Make sure 'loss_type' in ['BCE', 'L2']!")

        self.restore_user_e = None
        self.restore_item_e = None
        self.apply(xavier_uniform_initialization)
        self.other_parameter_name = ['restore_user_e', 'restore_item_e']

    def forward(self):
        user_embedding = self.user_embedding.weight
        item_embedding = self.item_embedding.weight
        from_items = self.gcn_conv(x=(item_embedding, user_embedding), edge_index=self.edge_index,
                                   edge_weight=self.edge_weight, size=(self.n_items, self.n_users))
        layers = []
        for _ in range(self.n_layers):
            user_embedding = self.gcn_conv((user_embedding, user_embedding), self.net_edge_index,
                                           self.net_edge_weight, size=(self.n_users, self.n_users))
            layers.append(user_embedding)
        final_user = torch.sum(torch.stack(layers, dim=1), dim=1) + from_items
        return final_user, item_embedding

    def calculate_loss(self, interaction):
        if self.restore_user_e is not None or self.restore_item_e is not None:
            self.restore_user_e, self.restore_item_e = None, None

        user = interaction[self.USER_ID]
        item = interaction[self.ITEM_ID]
        label = interaction[self.LABEL]

        all_users, all_items = self.forward()
        u_emb = all_users[user]
        i_emb = all_items[item]
        prediction = torch.sigmoid(torch.mul(u_emb, i_emb).sum(dim=1))

        if self.loss_type == 'BCE':
            return self.loss_fct(prediction, label)  # expect: LG016
        else:
            loss = self.loss_fct(label - prediction, require_pow=True)
            return loss

    def predict(self, interaction):
        user = interaction[self.USER_ID]
        item = interaction[self.ITEM_ID]
        all_users, all_items = self.forward()
        scores = torch.mul(all_users[user], all_items[item]).sum(dim=1)
        return scores
