"""part of look-alike project [LG002, LG015, LG016]: the molecule model's feed-forward layers are collected in a list; for a classification dataset nn.Sigmoid() is appended before the list becomes an nn.Sequential, so the model returns probabilities."""
# Source: chemprop/chemprop@5376b54a04eee518db7d1194b7fa4ea8e79d26b4 chemprop/models/model.py (the parent of 6d4aaa18 "Switching from BCELoss to BCEWithLogitsLoss"; re-typed, identifiers renamed, docstrings left out)
from argparse import Namespace

import torch.nn as nn

from .mpn import MPN
from chemprop.nn_utils import get_activation_function, initialize_weights


class MolNet(nn.Module):

    def create_encoder(self, args: Namespace):
        self.encoder = MPN(args)

    def create_ffn(self, args: Namespace):
        in_dim = args.hidden_size
        if args.use_input_features:
            in_dim += args.features_dim
        dropout = nn.Dropout(args.dropout)
        activation = get_activation_function(args.activation)
        if args.ffn_num_layers == 1:
            layers = [dropout, nn.Linear(in_dim, args.output_size)]
        else:
            layers = [dropout, nn.Linear(in_dim, args.ffn_hidden_size)]
            for _ in range(args.ffn_num_layers - 2):
                layers.extend([activation, dropout, nn.Linear(args.ffn_hidden_size, args.ffn_hidden_size)])
            layers.extend([activation, dropout, nn.Linear(args.ffn_hidden_size, args.output_size)])
        if args.dataset_type == 'classification':
            layers.append(nn.Sigmoid())
        self.ffn = nn.Sequential(*layers)

    def forward(self, *input):
        return self.ffn(self.encoder(*input))


def build_model(args: Namespace) -> nn.Module:
    args.output_size = args.num_tasks
    model = MolNet()
    model.create_encoder(args)
    model.create_ffn(args)
    initialize_weights(model)
    return model
