"""part of look-alike project [LG003, LG004, LG015]: the GCN + readout network for MoleculeNet multi-label classification returns the mean over nodes of a Linear layer's scores (no sigmoid)."""
# Source: FedML-AI/FedML at 03e11dfe (read as is), python/examples/federate/prebuilt_jobs/fedgraphnn/moleculenet_graph_clf/
# model/gcn_readout.py; re-typed, identifiers renamed; docstrings cut.
import torch
import torch.nn as nn


class GCN(nn.Module):
    def __init__(self, feat_dim, hidden_dim1, hidden_dim2, dropout, is_sparse=False):
        super(GCN, self).__init__()
        self.W1 = nn.Parameter(torch.FloatTensor(feat_dim, hidden_dim1))
        self.W2 = nn.Parameter(torch.FloatTensor(hidden_dim1, hidden_dim2))
        self.relu = nn.ReLU()
        self.dropout = nn.Dropout(p=dropout)
        nn.init.xavier_uniform_(self.W1.data)
        nn.init.xavier_uniform_(self.W2.data)
        self.is_sparse = is_sparse

    def forward(self, x, adj):
        support = torch.mm(x, self.W1)
        emb = torch.sparse.mm(adj, support) if self.is_sparse else torch.mm(adj, support)
        emb = self.dropout(emb)
        support = torch.mm(emb, self.W2)
        emb = torch.sparse.mm(adj, support) if self.is_sparse else torch.mm(adj, support)
        return emb


class Readout(nn.Module):
    def __init__(self, attr_dim, embedding_dim, hidden_dim, output_dim, num_cats):
        super(Readout, self).__init__()
        self.layer1 = nn.Linear(attr_dim + embedding_dim, hidden_dim)
        self.layer2 = nn.Linear(hidden_dim, output_dim)
        self.output = nn.Linear(output_dim, num_cats)
        self.act = nn.ReLU()

    def forward(self, node_features, node_embeddings):
        combined = torch.cat((node_features, node_embeddings), dim=1)
        hidden = self.act(self.layer1(combined))
        graph_rep = self.act(self.layer2(hidden))
        return torch.mean(self.output(graph_rep), dim=0)


class GcnMoleculeNet(nn.Module):
    def __init__(self, feat_dim, hidden_dim, node_embedding_dim, dropout, readout_hidden_dim, graph_embedding_dim,
                 num_categories, sparse_adj=False):
        super(GcnMoleculeNet, self).__init__()
        self.gcn = GCN(feat_dim, hidden_dim, node_embedding_dim, dropout, is_sparse=sparse_adj)
        self.readout = Readout(feat_dim, node_embedding_dim, readout_hidden_dim, graph_embedding_dim, num_categories)

    def forward(self, adj_matrix, feature_matrix):
        emb = self.gcn(feature_matrix, adj_matrix)
        return self.readout(feature_matrix, emb)
