"""look-alike [LG014, LG006]: the age-transformation coach clears the gradients once per batch, back-propagates the real pass and then the cycle pass (on a detached clone of its output) into the same .grad, and steps once; each loss term is logged as float(...) (the thread asks whether the second backward needs retain_graph)."""

# Source: https://github.com/yuval-alaluf/SAM/issues/42 (the thread is about coach.py's two loss.backward() calls); yuval-alaluf/SAM@138b887 training/coach_aging.py (cut, renamed)
import random

import torch
import torch.nn.functional as F


class AgingCoach:
    def __init__(self, net, optimizer, loader, age_loss, opts):
        self.net = net
        self.optimizer = optimizer
        self.loader = loader
        self.age_loss = age_loss
        self.opts = opts
        self.global_step = 0

    def with_source_age(self, x):
        ages = self.age_loss.extract_ages(x) / 100.0
        return [torch.cat((img, age * torch.ones((1, img.shape[1], img.shape[2])))) for img, age in zip(x, ages)]

    def calc_loss(self, y, y_hat, target_ages, kind="real"):
        logs = {}
        loss_l2 = F.mse_loss(y_hat, y)
        logs[f"loss_l2_{kind}"] = float(loss_l2)
        loss = loss_l2 * self.opts.l2_lambda
        aging = self.age_loss(y_hat, y, target_ages)
        logs[f"loss_aging_{kind}"] = float(aging)
        loss += aging * self.opts.aging_lambda
        logs[f"loss_{kind}"] = float(loss)
        if kind == "cycle":
            loss = loss * self.opts.cycle_lambda
        return loss, logs

    def train(self):
        self.net.train()
        while self.global_step < self.opts.max_steps:
            for x, y in self.loader:
                self.optimizer.zero_grad()
                if random.random() <= 1.0 / 3:
                    x_input = torch.stack(self.with_source_age(x))
                else:
                    x_input = torch.stack([self.opts.age_transformer(img) for img in x])
                target_ages = x_input[:, -1, 0, 0]
                y_hat = self.net(x_input)
                loss, logs = self.calc_loss(y, y_hat, target_ages, "real")
                loss.backward()
                y_hat_clone = y_hat.clone().detach().requires_grad_(True)
                y_inverse = torch.stack(self.with_source_age(y_hat_clone))
                y_recovered = self.net(y_inverse)
                loss, cycle_logs = self.calc_loss(y, y_recovered, y_inverse[:, -1, 0, 0], "cycle")
                loss.backward()
                self.optimizer.step()
                logs.update(cycle_logs)
                logs["loss"] = logs["loss_real"] + logs["loss_cycle"]
                if self.global_step % self.opts.board_interval == 0:
                    print(self.global_step, logs)
                self.global_step += 1
