"""part of positive project [LG002, LG004, LG005, LG016]: the training script loads a heterogeneous graph dataset, builds float multi-hot targets for PPI and LongTensor class targets for every other dataset, and steps on the loss the model's forward returns (a BCELoss built in main is overwritten by that loss and never called)."""
# Source: seongjunyun/Graph_Transformer_Networks at 0df0c693 (read as is), main.py; re-typed, identifiers renamed; the
# FastGTN branch, pre-training, validation/test F1 and result printing shortened.
import argparse
import pickle

import numpy as np
import torch
import torch.nn as nn
from sklearn.metrics import f1_score as sk_f1_score

from model_gtn import GraphTransformer
from utils import init_seed

if __name__ == '__main__':
    init_seed(seed=777)
    parser = argparse.ArgumentParser()
    parser.add_argument('--dataset', type=str)
    parser.add_argument('--epoch', type=int, default=200)
    parser.add_argument('--node_dim', type=int, default=64)
    parser.add_argument('--num_channels', type=int, default=2)
    parser.add_argument('--lr', type=float, default=0.01)
    parser.add_argument('--weight_decay', type=float, default=0.001)
    parser.add_argument('--num_layers', type=int, default=1)
    parser.add_argument('--runs', type=int, default=10)
    args = parser.parse_args()

    with open('../data/%s/node_features.pkl' % args.dataset, 'rb') as f:
        node_features = pickle.load(f)
    with open('../data/%s/edges.pkl' % args.dataset, 'rb') as f:
        edges = pickle.load(f)
    with open('../data/%s/labels.pkl' % args.dataset, 'rb') as f:
        labels = pickle.load(f)
    if args.dataset == 'PPI':
        with open('../data/%s/ppi_tvt_nids.pkl' % args.dataset, 'rb') as fp:
            nids = pickle.load(fp)

    num_nodes = edges[0].shape[0]
    args.num_nodes = num_nodes
    A = []
    for i, edge in enumerate(edges):
        edge_tmp = torch.from_numpy(np.vstack((edge.nonzero()[1], edge.nonzero()[0]))).type(torch.cuda.LongTensor)
        value_tmp = torch.ones(edge_tmp.shape[1]).type(torch.cuda.FloatTensor)
        A.append((edge_tmp, value_tmp))
    edge_tmp = torch.stack((torch.arange(0, num_nodes), torch.arange(0, num_nodes))).type(torch.cuda.LongTensor)
    value_tmp = torch.ones(num_nodes).type(torch.cuda.FloatTensor)
    A.append((edge_tmp, value_tmp))

    node_features = torch.from_numpy(node_features).type(torch.cuda.FloatTensor)
    if args.dataset == 'PPI':
        train_node = torch.from_numpy(nids[0]).type(torch.cuda.LongTensor)
        train_target = torch.from_numpy(labels[nids[0]]).type(torch.cuda.FloatTensor)
        num_classes = 121
    else:
        train_node = torch.from_numpy(np.array(labels[0])[:, 0]).type(torch.cuda.LongTensor)
        train_target = torch.from_numpy(np.array(labels[0])[:, 1]).type(torch.cuda.LongTensor)
        num_classes = int(torch.max(train_target).item()) + 1

    for run in range(args.runs):
        model = GraphTransformer(num_edge=len(A), num_channels=args.num_channels, w_in=node_features.shape[1],
                                 w_out=args.node_dim, num_class=num_classes, num_layers=args.num_layers,
                                 num_nodes=num_nodes, args=args)
        optimizer = torch.optim.Adam(model.parameters(), lr=args.lr, weight_decay=args.weight_decay)
        model.cuda()
        if args.dataset == 'PPI':
            loss = nn.BCELoss()
        else:
            loss = nn.CrossEntropyLoss()
        best_micro_train_f1 = 0
        for i in range(args.epoch):
            model.zero_grad()
            model.train()
            loss, y_train, W = model(A, node_features, train_node, train_target)
            if args.dataset == 'PPI':
                y_train = (y_train > 0).detach().float().cpu()
                sk_train_f1 = sk_f1_score(train_target.detach().cpu().numpy(), y_train.numpy(), average='micro')
            else:
                sk_train_f1 = sk_f1_score(train_target.detach().cpu(), np.argmax(y_train.detach().cpu(), axis=1),
                                          average='micro')
            loss.backward()
            optimizer.step()
            best_micro_train_f1 = max(best_micro_train_f1, sk_train_f1)
        print('Run {}: train micro F1 {:.4f}'.format(run, best_micro_train_f1))
