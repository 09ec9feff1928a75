"""positive [LG005]: GrowNet's boosting target -(out - y) subtracts the loader's (batch,) labels from a (batch, 1) view, a (batch, batch) matrix that MSELoss then compares with the (batch, 1) output."""
# Source: https://github.com/LAMDA-Tabular/TALENT TALENT/model/methods/grownet.py at
# c9d24c8ab44f8fabb1b7213b28a03a107394ce54 (before pull request #109 "Fix MSE shape-broadcast bugs in GrowNet
# training ...", which aligns the labels with y.view(-1, 1)); re-typed, names changed, reduced (the
# numeric/categorical input split reduced to numeric inputs; the corrective step and validation left out).
import argparse
import time

import torch

from TALENT.model.lib.data import Dataset
from TALENT.model.methods.base import Method


class GrowNetMethod(Method):
    def __init__(self, args, is_regression):
        super().__init__(args, is_regression)
        if is_regression:
            self.loss_f1 = torch.nn.MSELoss()
            self.loss_f2 = torch.nn.MSELoss()
        else:
            self.loss_f1 = torch.nn.MSELoss(reduction="none")
            self.loss_f2 = torch.nn.CrossEntropyLoss()
        self.sub_model_config = None

    def construct_model(self, model_config=None):
        if model_config is None:
            model_config = self.args.config["model"]
        self.sub_model_config = model_config
        self.ensemble_model_config = self.args.config["ensemble_model"]
        from TALENT.model.models.grownet import DynamicNet

        self.model = DynamicNet(categories=self.categories, **self.ensemble_model_config)
        self.model.to_cuda()

    def fit(self, data, info, train=True, config=None):
        N, C, y = data
        self.D = Dataset(N, C, y, info)
        self.N, self.C, self.y = self.D.N, self.D.C, self.D.y
        self.is_regression = self.D.is_regression
        self.data_format(is_train=True)
        self.construct_model()
        if not train:
            return
        from TALENT.model.models.grownet import MLP_2HL

        training_config = self.args.config["training"]
        tic = time.time()
        for s in range(self.args.max_epoch):
            m = MLP_2HL.get_model(s, argparse.Namespace(**self.sub_model_config)).to(self.args.device)
            self.optimizer = torch.optim.AdamW(m.parameters(), lr=training_config["lr"], weight_decay=training_config["weight_decay"])
            self.model.to_train()
            for epoch in range(training_config["epochs_per_stage"]):
                for i, (X, y) in enumerate(self.train_loader, 1):
                    X_num, X_cat = X, None
                    middle_feat, out = self.model.forward(X_num, X_cat)
                    out = torch.as_tensor(out, dtype=torch.float64).cuda().view(-1, 1)
                    if self.is_regression:
                        grad_direction = -(out - y)
                        _, out = m(self.model.embed_input(X_num, X_cat), middle_feat)
                        out = torch.as_tensor(out, dtype=torch.float64).cuda().view(-1, 1)
                        loss = self.loss_f1(self.model.boost_rate * out, grad_direction)  # expect: LG005
                    else:
                        h = 1 / ((1 + torch.exp(y * out)) * (1 + torch.exp(-y * out)))
                        grad_direction = y * (1.0 + torch.exp(-y * out))
                        _, out = m(self.model.embed_input(X_num, X_cat), middle_feat)
                        out = torch.as_tensor(out, dtype=torch.float64).cuda().view(-1, 1)
                        loss = (self.loss_f1(self.model.boost_rate * out, grad_direction) * h).mean()
                    m.zero_grad()
                    loss.backward()
                    self.optimizer.step()
            self.model.add(m)
        return time.time() - tic
