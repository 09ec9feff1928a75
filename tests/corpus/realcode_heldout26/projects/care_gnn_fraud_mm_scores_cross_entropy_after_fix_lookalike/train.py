"""part of look-alike project [LG001, LG007]: the fraud-detection script trains the CARE model batch by batch through gnn_model.loss()."""
# Source: YingtongDou/CARE-GNN at 40e4452f, train.py; re-typed, identifiers renamed; argument parsing, data loading,
# the GraphSAGE baseline branch and the test functions cut (load_data, undersample, IntraAgg, test_care stay undefined
# or imported as in the source).
import random as rd
import time

import numpy as np
import torch
import torch.nn as nn
from torch.autograd import Variable

from layers import RelationAgg
from model import FraudCARE

args = parse_args()
homo, relation_lists, feat_data, labels = load_data(args.data)
train_pos, train_neg, idx_test, y_test = split_nodes(labels, args.train_size)

features = nn.Embedding(feat_data.shape[0], feat_data.shape[1])
features.weight = nn.Parameter(torch.FloatTensor(feat_data), requires_grad=False)
intra_aggs = [IntraAgg(features, feat_data.shape[1], cuda=args.cuda) for _ in range(3)]
inter_agg = RelationAgg(features, feat_data.shape[1], args.emb_size, relation_lists, intra_aggs,
                        inter=args.inter, step_size=args.step_size, cuda=args.cuda)
gnn_model = FraudCARE(2, inter_agg, args.lambda_1)
if args.cuda:
    gnn_model.cuda()

optimizer = torch.optim.Adam(filter(lambda p: p.requires_grad, gnn_model.parameters()), lr=args.lr,
                             weight_decay=args.lambda_2)

for epoch in range(args.num_epochs):
    sampled_idx_train = undersample(train_pos, train_neg, scale=1)
    rd.shuffle(sampled_idx_train)
    num_batches = int(len(sampled_idx_train) / args.batch_size) + 1
    inter_agg.batch_num = num_batches
    loss = 0.0
    epoch_time = 0
    for batch in range(num_batches):
        start_time = time.time()
        i_start = batch * args.batch_size
        i_end = min((batch + 1) * args.batch_size, len(sampled_idx_train))
        batch_nodes = sampled_idx_train[i_start:i_end]
        batch_label = labels[np.array(batch_nodes)]
        optimizer.zero_grad()
        if args.cuda:
            loss = gnn_model.loss(batch_nodes, Variable(torch.cuda.LongTensor(batch_label)))
        else:
            loss = gnn_model.loss(batch_nodes, Variable(torch.LongTensor(batch_label)))
        loss.backward()
        optimizer.step()
        epoch_time += time.time() - start_time
        loss += loss.item()
    print(f'Epoch: {epoch}, loss: {loss.item() / num_batches}, time: {epoch_time}s')
    if epoch % args.test_epochs == 0:
        test_care(idx_test, y_test, gnn_model, args.batch_size)
