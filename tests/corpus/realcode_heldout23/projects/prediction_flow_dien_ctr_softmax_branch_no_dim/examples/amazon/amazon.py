"""part of positive project [LG011]: the Amazon example notebook (its code cells as a script) builds DIEN with two classes and final_activation='sigmoid', and runs fit() with nn.BCELoss() and auxiliary_loss_rate=1."""
# Source: GitHub-HongweiZhang/prediction-flow at cad8aa1f (read as is), examples/amazon/amazon.ipynb (code cells 2, 35, 40 and 41);
# re-typed, identifiers renamed; the data preparation cells, the magics and the plots cut. The features, loaders
# and evaluation are defined in cells not included.
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.optim as optim

from prediction_flow.pytorch import DIEN, AttentionGroup
from prediction_flow.pytorch.functions import fit

augru_groups_with_neg = [
    AttentionGroup(name="group1",
                   pairs=[{"ad": "mid", "pos_hist": "hist_mids", "neg_hist": "neg_hist_mids"},
                          {"ad": "cat", "pos_hist": "hist_cats", "neg_hist": "neg_hist_cats"}],
                   hidden_layers=[80, 40], att_dropout=0.0, gru_type="AUGRU")]


def run(models):
    scores = OrderedDict()
    curves = OrderedDict()
    for name, model in models:
        loss_func = nn.BCELoss()
        optimizer = optim.Adam(model.parameters(), lr=0.001, weight_decay=1e-5)
        losses = fit(EPOCH, model, loss_func, optimizer, train_loader, valid_loader, notebook=True,
                     auxiliary_loss_rate=1)
        scores[name] = evaluation(model, valid_df, valid_loader)
        curves[name] = losses
    return scores, curves


models = [
    ("DIEN", DIEN(features, augru_groups_with_neg, 2, EMBEDDING_DIM, DNN_HIDDEN_SIZE,
                  final_activation="sigmoid", dropout=DNN_DROPOUT, use_negsampling=True))
]
scores, curves = run(models)
