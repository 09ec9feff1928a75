"""part of look-alike project [LG010]: the training script imports the model module, divides the summed MSE by the rating count and accumulates loss.item()."""
# Source: https://github.com/NVIDIA/DeepRecommender run.py at a32a8a5c23092c551616acf6fac5b32e1155d18b; re-typed, names changed, reduced.
from math import sqrt

import torch
import torch.optim as optim
from torch.autograd import Variable

from reco_encoder import model


def main(args, data_layer):
    rencoder = model.AutoEncoder(layer_sizes=[data_layer.vector_dim] + [int(l) for l in args.hidden_layers.split(",")], nl_type=args.non_linearity_type, dp_drop_prob=args.drop_prob)
    optimizer = optim.Adam(rencoder.parameters(), lr=args.lr, weight_decay=args.weight_decay)
    for epoch in range(args.num_epochs):
        rencoder.train()
        total_epoch_loss = 0.0
        denom = 0.0
        for i, mb in enumerate(data_layer.iterate_one_epoch()):
            inputs = Variable(mb.to_dense())
            optimizer.zero_grad()
            outputs = rencoder(inputs)
            loss, num_ratings = model.MSEloss(outputs, inputs)
            loss = loss / num_ratings
            loss.backward()
            optimizer.step()
            total_epoch_loss += loss.item()
            denom += 1
        print("Total epoch {} finished with TRAINING RMSE loss: {}".format(epoch, sqrt(total_epoch_loss / denom)))
