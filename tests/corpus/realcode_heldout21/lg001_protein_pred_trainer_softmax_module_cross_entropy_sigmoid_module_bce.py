"""positive [LG001, LG016]: a protein property trainer picks its loss per task inside the batch loop: the multi-class branch applies m = nn.Softmax(dim=-1) to the classifier's Linear scores and passes the probabilities to nn.CrossEntropyLoss(); the binary branch applies m = nn.Sigmoid() in the same step before nn.BCELoss()."""
# Source: jiaqingxie/DeepProtein at 999b66e8 (the parent of a0f2cdf3, "softmax => logsoftmax, crossentropy => NLL"),
# ProB/ProteinPred.py; re-typed, identifiers renamed; the encoder zoo in __init__ shortened to three branches, the
# validation tables, early stopping, wandb logging and plotting cut to their calls. ProB/utils.py, model_helper.py
# and encoders.py are not included.
import copy
import os
from time import time

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils import data
import wandb
from sklearn.metrics import roc_auc_score, average_precision_score, f1_score, accuracy_score, mean_squared_error

from ProB.utils import *
from ProB.encoders import *


class Classifier(nn.Sequential):
    def __init__(self, encoder, **config):
        super(Classifier, self).__init__()
        self.d_in = config["hidden_dim_protein"]
        self.encoder = encoder
        self.dropout = nn.Dropout(0.1)
        self.hidden = config["cls_hidden_dims"]
        n_layers = len(self.hidden) + 1
        if not config["multi"]:
            dims = [self.d_in] + self.hidden + [1]
        else:
            dims = [self.d_in] + self.hidden + [config["classes"]]
        self.head = nn.ModuleList([nn.Linear(dims[i], dims[i + 1]) for i in range(n_layers)])

    def forward(self, x):
        h = self.encoder(x)
        for i, lin in enumerate(self.head):
            if i == len(self.head) - 1:
                h = lin(h)
            else:
                h = F.relu(self.dropout(lin(h)))
        return h


class ProteinPrediction:
    def __init__(self, **config):
        enc = config["target_encoding"]
        if enc in ("AAC", "PseudoAAC", "Conjoint_triad", "Quasi-seq", "ESPF"):
            self.encoder = MLP(config["input_dim_protein"], config["hidden_dim_protein"], config["mlp_hidden_dims_target"])
        elif enc == "CNN":
            self.encoder = CNN("protein", **config)
        else:
            self.encoder = transformer("protein", **config)
        self.model = Classifier(self.encoder, **config)
        self.config = config
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.target_encoding = enc
        self.result_folder = config["result_folder"]
        self.binary = config["binary"]
        self.multi = config["multi"]

    def train(self, train, val, test=None, verbose=True):
        if len(train.Label.unique()) == 2:
            self.binary = True
            self.config["binary"] = True

        lr = self.config["LR"]
        decay = self.config["decay"]
        n_epochs = self.config["train_epoch"]
        loss_history = []

        self.model = self.model.to(self.device)
        if torch.cuda.device_count() > 1:
            self.model = nn.DataParallel(self.model, dim=0)
        opt = torch.optim.Adam(self.model.parameters(), lr=lr, weight_decay=decay)

        params = {"batch_size": self.config["batch_size"], "shuffle": True, "num_workers": self.config["num_workers"], "drop_last": False}
        train_gen = data.DataLoader(data_process_loader_Protein_Prediction(train.index.values, train.Label.values, train, **self.config), **params)

        t0 = time()
        for epo in range(n_epochs):
            for i, (v_p, label) in enumerate(train_gen):
                v_p = v_p.float().to(self.device)
                score = self.model(v_p)
                label = torch.from_numpy(np.array(label)).float().to(self.device)

                if self.binary:
                    loss_fct = torch.nn.BCELoss()
                    m = torch.nn.Sigmoid()
                    n = torch.squeeze(m(score), 1)
                    loss = loss_fct(n, label)  # expect: LG016

                elif self.multi:
                    loss_fct = torch.nn.CrossEntropyLoss()
                    m = torch.nn.Softmax(dim=-1)
                    n = m(score)
                    label = torch.squeeze(label, 1).long()
                    loss = loss_fct(n, label)  # expect: LG001

                else:
                    loss_fct = torch.nn.MSELoss()
                    n = torch.squeeze(score, 1)
                    label = torch.squeeze(label, 1)
                    loss = loss_fct(n, label)

                loss_history.append(loss.item())

                opt.zero_grad()
                loss.backward()
                opt.step()

                if verbose and i % 100 == 0:
                    print("Training at Epoch " + str(epo + 1) + " iteration " + str(i) + " with loss " + str(loss.cpu().detach().numpy())[:7] + ". Total time " + str(int(time() - t0) / 3600)[:7] + " hours")
            wandb.log({"training loss": loss.cpu().detach().numpy()})
        return loss_history
