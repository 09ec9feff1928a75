"""part of positive project [LG004, LG016, LG011]: the training loop converts the sampled labels with torch.from_numpy(...).long() whether the task is multi-label or not and passes them to the model's supervised loss."""
# Source: https://github.com/yangji9181/HNE Model/R-GCN/src/main.py at f12a0b3cc8341ec77e504687abd254e6ebaea181 (the parent of
# 2ba6b5bce67e4a8810b9391741279b7f8145bc19, issue #13); re-typed, names changed, reduced.
import argparse

import numpy as np
import torch

import utils
from model import *


def main(args):
    train_pool, train_labels, nlabels, multi = utils.load_label(args.label)
    num_nodes, num_rels, train_data = utils.load_data(args.node, args.link)
    model = TrainModel(num_nodes, args.n_hidden, num_rels, nlabels, num_bases=args.n_bases, num_hidden_layers=args.n_layers, dropout=args.dropout, reg_param=args.regularization)
    degrees = utils.get_adj_and_degrees(num_nodes, train_data)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    for epoch in range(args.n_epochs):
        model.train()
        g, node_id, edge_type, node_norm, matched_labels, matched_index = utils.generate_sampled_graph_and_labels_supervised(
            train_data, args.graph_batch_size, num_rels, degrees, train_pool, train_labels, multi, nlabels
        )
        matched_labels = torch.from_numpy(matched_labels).long()
        node_id = torch.from_numpy(node_id).view(-1, 1).long()
        edge_type = torch.from_numpy(edge_type)
        edge_norm = torch.from_numpy(node_norm).view(-1, 1)
        embed, pred = model(g, node_id, edge_type, edge_norm)
        loss = model.get_supervised_loss(pred, matched_labels, matched_index, multi)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), args.grad_norm)
        optimizer.step()
        optimizer.zero_grad()
        print("Epoch {:05d} | Loss {:.4f}".format(epoch, loss.item()))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="RGCN")
    parser.add_argument("--n-hidden", type=int, default=50)
    parser.add_argument("--lr", type=float, default=1e-2)
    parser.add_argument("--n-bases", type=int, default=-1)
    parser.add_argument("--n-layers", type=int, default=2)
    parser.add_argument("--n-epochs", type=int, default=2000)
    parser.add_argument("--dropout", type=float, default=0.2)
    parser.add_argument("--regularization", type=float, default=0.01)
    parser.add_argument("--grad-norm", type=float, default=1.0)
    parser.add_argument("--graph-batch-size", type=int, default=20000)
    main(parser.parse_args())
