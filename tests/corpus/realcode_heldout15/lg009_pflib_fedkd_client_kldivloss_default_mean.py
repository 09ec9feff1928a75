"""positive [LG009]: the FedKD client of a personalized federated-learning library distils between the local and the global model in both directions with nn.KLDivLoss() at its default reduction (the mean over every element, not the KL divergence)."""
# Source: TsingZ0/PFLlib at d832e76f (read as is), system/flcore/clients/clientkd.py; re-typed, identifiers renamed; the
# SVD compression of the uploaded parameters, set_parameters, the learning-rate schedulers and the slow-client simulation
# cut.
import copy
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from flcore.clients.clientbase import Client


class MutualKDClient(Client):
    def __init__(self, args, id, train_samples, test_samples, **kwargs):
        super().__init__(args, id, train_samples, test_samples, **kwargs)
        self.mentee_lr = args.mentee_learning_rate
        self.global_model = copy.deepcopy(args.model)
        self.optimizer_g = torch.optim.SGD(self.global_model.parameters(), lr=self.mentee_lr)
        self.feature_dim = list(args.model.head.parameters())[0].shape[1]
        self.W_h = nn.Linear(self.feature_dim, self.feature_dim, bias=False).to(self.device)
        self.optimizer_W = torch.optim.SGD(self.W_h.parameters(), lr=self.learning_rate)

        self.KL = nn.KLDivLoss()  # expect: LG009
        self.MSE = nn.MSELoss()

    def train(self):
        loader = self.load_train_data()
        self.model.train()
        self.global_model.train()
        start = time.time()

        for epoch in range(self.local_epochs):
            for i, (x, y) in enumerate(loader):
                if type(x) == type([]):
                    x[0] = x[0].to(self.device)
                else:
                    x = x.to(self.device)
                y = y.to(self.device)
                rep = self.model.base(x)
                rep_g = self.global_model.base(x)
                out = self.model.head(rep)
                out_g = self.global_model.head(rep_g)

                ce = self.loss(out, y)
                ce_g = self.loss(out_g, y)
                kd = self.KL(F.log_softmax(out, dim=1), F.softmax(out_g, dim=1)) / (ce + ce_g)
                kd_g = self.KL(F.log_softmax(out_g, dim=1), F.softmax(out, dim=1)) / (ce + ce_g)
                hid = self.MSE(rep, self.W_h(rep_g)) / (ce + ce_g)
                hid_g = self.MSE(rep, self.W_h(rep_g)) / (ce + ce_g)

                loss = ce + kd + hid
                loss_g = ce_g + kd_g + hid_g

                self.optimizer.zero_grad()
                self.optimizer_g.zero_grad()
                self.optimizer_W.zero_grad()
                loss.backward(retain_graph=True)
                loss_g.backward()
                torch.nn.utils.clip_grad_norm_(self.model.parameters(), 10)
                torch.nn.utils.clip_grad_norm_(self.global_model.parameters(), 10)
                torch.nn.utils.clip_grad_norm_(self.W_h.parameters(), 10)
                self.optimizer.step()
                self.optimizer_g.step()
                self.optimizer_W.step()

        self.train_time_cost['num_rounds'] += 1
        self.train_time_cost['total_cost'] += time.time() - start

    def train_metrics(self):
        loader = self.load_train_data()
        self.model.eval()
        self.global_model.eval()
        n = 0
        total = 0
        with torch.no_grad():
            for x, y in loader:
                if type(x) == type([]):
                    x[0] = x[0].to(self.device)
                else:
                    x = x.to(self.device)
                y = y.to(self.device)
                rep = self.model.base(x)
                rep_g = self.global_model.base(x)
                out = self.model.head(rep)
                out_g = self.global_model.head(rep_g)
                ce = self.loss(out, y)
                ce_g = self.loss(out_g, y)
                kd = self.KL(F.log_softmax(out, dim=1), F.softmax(out_g, dim=1)) / (ce + ce_g)
                hid = self.MSE(rep, self.W_h(rep_g)) / (ce + ce_g)
                loss = ce + kd + hid
                n += y.shape[0]
                total += loss.item() * y.shape[0]
        return total, n
