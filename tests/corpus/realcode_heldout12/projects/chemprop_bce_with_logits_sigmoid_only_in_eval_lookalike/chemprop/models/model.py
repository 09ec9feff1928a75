"""part of look-alike project [LG002, LG003, LG015]: the molecule model's feed-forward head ends in Linear; forward applies its stored sigmoid only when the model is a classifier and not training, so training sees logits."""
# Source: chemprop/chemprop@6d4aaa18c67e28ba4d64ed292043d626b6276c98 chemprop/models/model.py (the commit "Switching from BCELoss to BCEWithLogitsLoss"; re-typed, identifiers renamed, docstrings left out)
from argparse import Namespace

import torch.nn as nn

from .mpn import MPN
from chemprop.nn_utils import get_activation_function, initialize_weights


class MolNet(nn.Module):

    def __init__(self, classification: bool):
        super(MolNet, self).__init__()
        self.classification = classification
        if self.classification:
            self.sigmoid = nn.Sigmoid()

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
        self.ffn = nn.Sequential(*layers)

    def forward(self, *input):
        out = self.ffn(self.encoder(*input))
        if self.classification and not self.training:
            out = self.sigmoid(out)
        return out


def build_model(args: Namespace) -> nn.Module:
    args.output_size = args.num_tasks
    model = MolNet(classification=args.dataset_type == 'classification')
    model.create_encoder(args)
    model.create_ffn(args)
    initialize_weights(model)
    return model
