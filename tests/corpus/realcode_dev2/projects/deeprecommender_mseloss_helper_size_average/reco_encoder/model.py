"""part of positive project [LG010]: the autoencoder module's MSEloss helper builds nn.MSELoss(size_average=<parameter>) (default False) and returns (summed loss, number of ratings)."""
# Source: https://github.com/NVIDIA/DeepRecommender reco_encoder/model/model.py at 9dc509ff30644737b94c42cb312d6c01e25fcbe6 (the parent of pull request #27
# "Solved deprecated warnings and errors", a32a8a5c23092c551616acf6fac5b32e1155d18b); re-typed, names changed, reduced.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable


def activation(input, kind):
    if kind == "selu":
        return F.selu(input)
    elif kind == "relu":
        return F.relu(input)
    elif kind == "none":
        return input
    raise ValueError("Unknown non-linearity type")


def MSEloss(inputs, targets, size_avarage=False):
    mask = targets != 0
    num_ratings = torch.sum(mask.float())
    criterion = nn.MSELoss(size_average=size_avarage)  # expect: LG010
    return criterion(inputs * mask.float(), targets), Variable(torch.Tensor([1.0])) if size_avarage else num_ratings


class AutoEncoder(nn.Module):
    def __init__(self, layer_sizes, nl_type="selu", is_constrained=True, dp_drop_prob=0.0, last_layer_activations=True):
        super(AutoEncoder, self).__init__()
        self._nl_type = nl_type
        self._last_layer_activations = last_layer_activations
        self.encode_w = nn.ParameterList([nn.Parameter(torch.rand(layer_sizes[i + 1], layer_sizes[i])) for i in range(len(layer_sizes) - 1)])
        self.encode_b = nn.ParameterList([nn.Parameter(torch.zeros(layer_sizes[i + 1])) for i in range(len(layer_sizes) - 1)])
        reversed_enc_layers = list(reversed(layer_sizes))
        self.decode_w = nn.ParameterList([nn.Parameter(torch.rand(reversed_enc_layers[i + 1], reversed_enc_layers[i])) for i in range(len(layer_sizes) - 1)])
        self.decode_b = nn.ParameterList([nn.Parameter(torch.zeros(reversed_enc_layers[i + 1])) for i in range(len(layer_sizes) - 1)])

    def encode(self, x):
        for ind, w in enumerate(self.encode_w):
            x = activation(input=F.linear(input=x, weight=w, bias=self.encode_b[ind]), kind=self._nl_type)
        return x

    def decode(self, z):
        for ind, w in enumerate(self.decode_w):
            z = activation(input=F.linear(input=z, weight=w, bias=self.decode_b[ind]), kind=self._nl_type if ind != len(self.decode_w) - 1 or self._last_layer_activations else "none")
        return z

    def forward(self, x):
        return self.decode(self.encode(x))
