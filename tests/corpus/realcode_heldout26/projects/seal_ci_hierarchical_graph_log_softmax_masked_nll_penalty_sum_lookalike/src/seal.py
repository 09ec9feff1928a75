"""part of look-alike project [LG001, LG006, LG007, LG011]: the cautious-iteration trainer refits SEAL for every budget step: F.nll_loss on the log-probabilities of the labelled graphs plus gamma times the penalty, then it adds the most confident unlabelled graph to the labels."""
# Source: benedekrozemberczki/SEAL-CI at dfa24b37 (read as is), src/seal.py; re-typed, identifiers renamed, docstrings cut
# (hierarchical_graph_reader, GraphDatasetGenerator as in the source's utils).
import random

import torch
from tqdm import trange

from layers import SEAL
from utils import GraphDatasetGenerator, hierarchical_graph_reader


class SEALCITrainer(object):
    def __init__(self, args):
        self.args = args
        self.macro_graph = hierarchical_graph_reader(self.args.hierarchical_graph)
        self.data = GraphDatasetGenerator(self.args.graphs)
        edges = [[e[0], e[1]] for e in self.macro_graph.edges()]
        edges = edges + [[e[1], e[0]] for e in self.macro_graph.edges()]
        self.macro_edges = torch.t(torch.LongTensor(edges))
        indices = list(range(len(self.data.graphs)))
        random.shuffle(indices)
        self.labeled_indices = indices[0:self.args.labeled_count]
        self.labeled_mask = torch.LongTensor([0 for node in self.macro_graph.nodes()])
        self.labeled_target = torch.LongTensor([0 for node in self.macro_graph.nodes()])
        idx = torch.LongTensor(self.labeled_indices)
        self.labeled_mask[idx] = 1
        self.labeled_target[idx] = self.data.target[idx]
        self.node_indices = torch.LongTensor(list(range(self.macro_graph.number_of_nodes())))

    def fit_a_single_model(self):
        self.model = SEAL(self.args, self.data.number_of_features, self.data.number_of_labels)
        optimizer = torch.optim.Adam(self.model.parameters(), lr=self.args.learning_rate,
                                     weight_decay=self.args.weight_decay)
        for _ in range(self.args.epochs):
            optimizer.zero_grad()
            predictions, penalty = self.model(self.data.graphs, self.macro_edges)
            loss = torch.nn.functional.nll_loss(predictions[self.labeled_mask == 1],
                                                self.labeled_target[self.labeled_mask == 1])
            loss = loss + self.args.gamma * penalty
            loss.backward()
            optimizer.step()

    def score_a_single_model(self):
        self.model.eval()
        predictions, _ = self.model(self.data.graphs, self.macro_edges)
        scores, predicted = predictions.max(dim=1)
        correct = predicted[self.labeled_mask == 0].eq(self.labeled_target[self.labeled_mask == 0]).sum().item()
        accuracy = float(correct) / float(predicted[self.labeled_mask == 0].shape[0])
        return scores, predicted, accuracy

    def fit(self):
        budget = trange(self.args.budget, desc='Unlabeled Accuracy: ', leave=True)
        for _ in budget:
            self.fit_a_single_model()
            scores, predicted, accuracy = self.score_a_single_model()
            nodes = self.node_indices[self.labeled_mask == 0]
            _, best = scores[self.labeled_mask == 0].max(dim=0)
            candidate = nodes[best]
            self.labeled_mask[candidate] = 1
            self.labeled_target[candidate] = predicted[candidate]
            budget.set_description("Unlabeled Accuracy:%g" % round(accuracy, 4))
