"""look-alike [LG014]: the same GraphVAE trainer at the fix commit: model.zero_grad() at the start of each batch."""

# Source: JiaxuanYou/graph-generation@2455edf70d baselines/graphvae/train.py (the fix commit; cut, renamed)
import argparse

import torch.optim as optim
from torch.autograd import Variable
from torch.optim.lr_scheduler import MultiStepLR

from baselines.graphvae.model import GraphVAE

LR_milestones = [500, 1000]


def build_model(args, max_num_nodes):
    return GraphVAE(max_num_nodes, 512, 256, max_num_nodes)


def train(args, dataloader, model):
    optimizer = optim.Adam(list(model.parameters()), lr=args.lr)
    scheduler = MultiStepLR(optimizer, milestones=LR_milestones, gamma=args.lr)
    model.train()
    for epoch in range(500):
        for batch_idx, data in enumerate(dataloader):
            model.zero_grad()
            features = data["features"].float()
            adj_input = data["adj"].float()
            features = Variable(features).cuda()
            adj_input = Variable(adj_input).cuda()

            loss = model(features, adj_input)
            print("Epoch: ", epoch, ", Iter: ", batch_idx, ", Loss: ", loss)
            loss.backward()

            optimizer.step()
            scheduler.step()


def arg_parse():
    parser = argparse.ArgumentParser(description="GraphVAE arguments.")
    parser.add_argument("--lr", dest="lr", type=float, help="Learning rate.")
    parser.add_argument("--batch_size", dest="batch_size", type=int, help="Batch size.")
    parser.add_argument("--max_num_nodes", dest="max_num_nodes", type=int, help="Predefined maximum number of nodes.")
    return parser.parse_args()
