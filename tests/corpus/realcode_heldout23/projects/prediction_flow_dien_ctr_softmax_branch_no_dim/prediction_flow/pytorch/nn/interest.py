"""part of positive project [LG011]: DIEN's interest-extractor helpers: AuxiliaryNet returns torch.sigmoid of an MLP, and cal_auxiliary_loss gives F.binary_cross_entropy those click / no-click probabilities against float ones and zeros."""
# Source: GitHub-HongweiZhang/prediction-flow at cad8aa1f (read as is), prediction_flow/pytorch/nn/interest.py;
# re-typed, identifiers renamed; the GRU variants and the attention forward cut.
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F


class AuxiliaryNet(nn.Module):
    def __init__(self, input_size, hidden_layers, activation="sigmoid"):
        super(AuxiliaryNet, self).__init__()
        modules = OrderedDict()
        prev = input_size
        for index, size in enumerate(hidden_layers):
            modules[f"dense{index}"] = nn.Linear(prev, size)
            if activation.lower() == "relu":
                modules[f"activation{index}"] = nn.ReLU()
            elif activation.lower() == "sigmoid":
                modules[f"activation{index}"] = nn.Sigmoid()
            prev = size
        modules["final_layer"] = nn.Linear(prev, 1)
        self._sequential = nn.Sequential(modules)

    def forward(self, input):
        return torch.sigmoid(self._sequential(input))


class Interest(nn.Module):
    def __init__(self, input_size, gru_type="AUGRU", gru_dropout=0.0, att_hidden_layers=(80, 40), att_dropout=0.0,
                 att_activation="sigmoid", use_negsampling=False):
        super(Interest, self).__init__()
        self.use_negsampling = use_negsampling
        self.interest_extractor = nn.GRU(input_size=input_size, hidden_size=input_size, batch_first=True)
        if self.use_negsampling:
            self.auxiliary_net = AuxiliaryNet(input_size * 2, hidden_layers=[100, 50])

    def cal_auxiliary_loss(self, states, click_seq, noclick_seq, keys_length):
        batch_size, max_len, emb = states.size()
        mask = (torch.arange(max_len, device=states.device).repeat(batch_size, 1)
                < keys_length.view(-1, 1)).float()
        click_input = torch.cat([states, click_seq], dim=-1)
        noclick_input = torch.cat([states, noclick_seq], dim=-1)
        emb = emb * 2
        click_p = self.auxiliary_net(click_input.view(batch_size * max_len, emb)).view(
            batch_size, max_len)[mask > 0].view(-1, 1)
        click_target = torch.ones(click_p.size(), dtype=torch.float, device=click_p.device)
        noclick_p = self.auxiliary_net(noclick_input.view(batch_size * max_len, emb)).view(
            batch_size, max_len)[mask > 0].view(-1, 1)
        noclick_target = torch.zeros(noclick_p.size(), dtype=torch.float, device=noclick_p.device)
        loss = F.binary_cross_entropy(torch.cat([click_p, noclick_p], dim=0),
                                      torch.cat([click_target, noclick_target], dim=0))
        return loss
