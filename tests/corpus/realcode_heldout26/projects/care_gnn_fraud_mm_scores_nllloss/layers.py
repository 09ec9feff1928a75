"""part of positive project [LG007]: the inter-relation aggregator scores every node of the batch with a plain nn.Linear label classifier and returns the centre nodes' raw scores next to the aggregated embeddings."""
# Source: YingtongDou/CARE-GNN at 46a514bb, layers.py (InterAgg); re-typed, identifiers renamed; the intra-relation
# aggregators, the attention / weight / mean variants and the RL threshold module cut to calls of cut helpers.
import math
from operator import itemgetter

import torch
import torch.nn as nn
from torch.nn import init


class RelationAgg(nn.Module):

    def __init__(self, features, feat_dim, embed_dim, adj_lists, intra_aggs, inter='GNN', step_size=0.02, cuda=True):
        super(RelationAgg, self).__init__()
        self.features = features
        self.adj_lists = adj_lists
        self.intra_aggs = intra_aggs
        self.embed_dim = embed_dim
        self.feat_dim = feat_dim
        self.inter = inter
        self.step_size = step_size
        self.cuda = cuda
        self.RL = True
        self.batch_num = 0
        self.thresholds = [0.5, 0.5, 0.5]
        self.weight = nn.Parameter(torch.FloatTensor(self.embed_dim, self.feat_dim))
        init.xavier_uniform_(self.weight)
        # label predictor for the similarity measure
        self.label_clf = nn.Linear(self.feat_dim, 2)
        self.thresholds_log = [self.thresholds]
        self.relation_score_log = []

    def forward(self, nodes, labels, train_flag=True):
        to_neighs = []
        for adj in self.adj_lists:
            to_neighs.append([set(adj[int(node)]) for node in nodes])
        unique_nodes = set.union(set.union(*to_neighs[0]), set.union(*to_neighs[1]),
                                 set.union(*to_neighs[2], set(nodes)))
        if self.cuda:
            batch_features = self.features(torch.cuda.LongTensor(list(unique_nodes)))
        else:
            batch_features = self.features(torch.LongTensor(list(unique_nodes)))
        batch_scores = self.label_clf(batch_features)
        id_mapping = {node_id: index for node_id, index in zip(unique_nodes, range(len(unique_nodes)))}
        center_scores = batch_scores[itemgetter(*nodes)(id_mapping), :]

        rel_lists = [[list(n) for n in to_neighs[r]] for r in range(3)]
        rel_scores = [[batch_scores[itemgetter(*n)(id_mapping), :].view(-1, 2) for n in rel_lists[r]] for r in range(3)]
        sample_nums = [[math.ceil(len(n) * self.thresholds[r]) for n in rel_lists[r]] for r in range(3)]
        feats = []
        for r in range(3):
            r_feats, rel_scores[r] = self.intra_aggs[r].forward(nodes, rel_lists[r], center_scores, rel_scores[r], sample_nums[r])
            feats.append(r_feats)
        neigh_feats = torch.cat(feats, dim=0)
        if self.cuda and isinstance(nodes, list):
            index = torch.LongTensor(nodes).cuda()
        else:
            index = torch.LongTensor(nodes)
        self_feats = self.features(index)
        combined = threshold_inter_agg(len(self.adj_lists), self_feats, neigh_feats, self.embed_dim, self.weight,
                                       self.thresholds, len(nodes), self.cuda)
        if self.RL and train_flag:
            relation_scores, rewards, thresholds, stop_flag = RLModule(rel_scores, self.relation_score_log, labels,
                                                                       self.thresholds, self.batch_num, self.step_size)
            self.thresholds = thresholds
            self.RL = stop_flag
            self.relation_score_log.append(relation_scores)
            self.thresholds_log.append(self.thresholds)
        return combined, center_scores
