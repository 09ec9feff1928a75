"""part of look-alike project [LG001, LG006, LG007, LG011]: a graph-level GCN with self-attention pooling (softmax over the nodes, dim=0) feeds a macro GCN over the hierarchical graph that ends in log_softmax(dim=1); the attention penalties of all graphs are summed inside one forward."""
# Source: benedekrozemberczki/SEAL-CI at dfa24b37 (read as is), src/layers.py; re-typed, identifiers renamed, docstrings cut.
import torch
from torch_geometric.nn import GCNConv


class GraphLevelSAGE(torch.nn.Module):
    def __init__(self, args, num_features):
        super(GraphLevelSAGE, self).__init__()
        self.args = args
        self.gcn1 = GCNConv(num_features, args.first_gcn_dimensions)
        self.gcn2 = GCNConv(args.first_gcn_dimensions, args.second_gcn_dimensions)
        self.fc1 = torch.nn.Linear(args.second_gcn_dimensions, args.first_dense_neurons)
        self.fc2 = torch.nn.Linear(args.first_dense_neurons, args.second_dense_neurons)

    def forward(self, data):
        edges = data["edges"]
        features = data["features"]
        h1 = torch.nn.functional.relu(self.gcn1(features, edges))
        h2 = self.gcn2(h1, edges)
        scores = torch.tanh(self.fc1(h2))
        attention = torch.nn.functional.softmax(self.fc2(scores), dim=0)
        graph_embedding = torch.mm(torch.t(attention), h2).view(1, -1)
        penalty = torch.mm(torch.t(attention), attention) - torch.eye(self.args.second_dense_neurons)
        penalty = torch.sum(torch.norm(penalty, p=2, dim=1))
        return graph_embedding, penalty


class MacroGCN(torch.nn.Module):
    def __init__(self, args, num_features, num_labels):
        super(MacroGCN, self).__init__()
        self.gcn1 = GCNConv(num_features, args.macro_gcn_dimensions)
        self.gcn2 = GCNConv(args.macro_gcn_dimensions, num_labels)

    def forward(self, features, edges):
        h1 = torch.nn.functional.relu(self.gcn1(features, edges))
        h2 = self.gcn2(h1, edges)
        return torch.nn.functional.log_softmax(h2, dim=1)


class SEAL(torch.nn.Module):
    def __init__(self, args, num_features, num_labels):
        super(SEAL, self).__init__()
        self.graph_level = GraphLevelSAGE(args, num_features)
        self.macro = MacroGCN(args, args.second_gcn_dimensions * args.second_dense_neurons, num_labels)

    def forward(self, graphs, macro_edges):
        embeddings = []
        penalties = 0
        for graph in graphs:
            embedding, penalty = self.graph_level(graph)
            embeddings.append(embedding)
            penalties = penalties + penalty
        embeddings = torch.cat(tuple(embeddings))
        penalties = penalties / len(graphs)
        return self.macro(embeddings, macro_edges), penalties
