"""positive [LG003]: the link-prediction script of a heterogeneous-graph benchmark scores sampled triples with a GNN encoder and a relation decoder, applies torch.sigmoid to the scores, then hands those probabilities to F.binary_cross_entropy_with_logits, which applies the sigmoid again (the fix drops the torch.sigmoid)."""

# Source: THUDM/HGB@bf0271921d LP/RGCN/gnn_link_predict.py, fixed in 2f4a0de870 (cut, renamed)
import argparse
import time

import dgl
import numpy as np
import torch
import torch.nn.functional as F
from dgl.data.knowledge_graph import load_data

import utils
from model import GAT, GCN


def main(args):
    data = load_data(args.dataset)
    num_nodes = data.num_nodes
    train_data = data.train
    num_rels = data.num_rels
    if args.model == "gcn":
        model = GCN(in_feats=[num_nodes], hid_feats=args.n_hidden, n_layers=args.n_layers, dropout=args.dropout, rel_num=num_rels)
    else:
        heads = [args.n_heads] * args.n_layers + [1]
        model = GAT(in_feats=[num_nodes], hid_feats=args.n_hidden, n_layers=args.n_layers, heads=heads, dropout=args.dropout, rel_num=num_rels)
    adj_list, degrees = utils.get_adj_and_degrees(num_nodes, train_data)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    forward_time = []
    backward_time = []
    epoch = 0
    while epoch < args.n_epochs:
        model.train()
        epoch += 1
        g, node_id, edge_type, node_norm, data, labels = utils.generate_sampled_graph_and_labels(
            train_data, args.graph_batch_size, args.graph_split_size, num_rels, adj_list, degrees, args.negative_sample, args.edge_sampler
        )
        g = dgl.add_self_loop(g)
        sample_num = g.num_nodes()
        data, labels = torch.from_numpy(data), torch.from_numpy(labels)
        indices = torch.LongTensor(np.vstack((np.arange(sample_num), np.arange(sample_num))))
        values = torch.FloatTensor(np.ones(sample_num))
        feat = torch.sparse.FloatTensor(indices, values, torch.Size([sample_num, num_nodes]))
        t0 = time.time()
        hid_feat = model.encode([g, [feat]])
        r_list = data[:, 1]
        out_feat = model.decode(r_list, hid_feat[data[:, 0]], hid_feat[data[:, 2]])
        out_feat = torch.sigmoid(out_feat)
        loss = F.binary_cross_entropy_with_logits(out_feat, labels)  # expect: LG003
        t1 = time.time()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), args.grad_norm)
        optimizer.step()
        t2 = time.time()
        forward_time.append(t1 - t0)
        backward_time.append(t2 - t1)
        print("Epoch {:04d} | Loss {:.10f} | Forward {:.4f}s".format(epoch, loss.item(), forward_time[-1]))
        optimizer.zero_grad()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="link prediction")
    parser.add_argument("--model", type=str, default="gcn")
    parser.add_argument("--lr", type=float, default=1e-2)
    main(parser.parse_args())
