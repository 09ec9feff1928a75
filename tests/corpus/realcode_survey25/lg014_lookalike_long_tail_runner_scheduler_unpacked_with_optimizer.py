"""look-alike [LG014]: a long-tailed recognition runner unpacks an optimizer and its learning-rate scheduler from one method's result and steps `self.model_optimizer_scheduler` once per epoch; the batch's backward clears and steps the optimizers themselves."""

# Source: YyzHarry/imbalanced-semi-self@b91ad29 imagenet_inat/run_networks.py (re-typed, renamed, cut to the optimizers and the training loop)
import torch
from torch import optim


class Runner:
    def __init__(self, networks, criterions, weights, data, config, model_params, criterion_params=None):
        self.networks = networks
        self.criterions = criterions
        self.weights = weights
        self.data = data
        self.config = config
        self.model_optimizer, self.model_optimizer_scheduler = self.init_optimizers(model_params)
        if criterion_params:
            self.criterion_optimizer, self.criterion_optimizer_scheduler = self.init_optimizers(criterion_params)
        else:
            self.criterion_optimizer = None

    def init_optimizers(self, params):
        optimizer = optim.SGD(params)
        if self.config["coslr"]:
            scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, self.config["num_epochs"], eta_min=self.config["endlr"])
        else:
            scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=self.config["step_size"], gamma=self.config["gamma"])
        return optimizer, scheduler

    def batch_forward(self, inputs):
        self.features, _ = self.networks["feat_model"](inputs)
        self.logits, _ = self.networks["classifier"](self.features, None)

    def batch_loss(self, labels):
        self.loss = 0
        if "PerformanceLoss" in self.criterions.keys():
            self.loss_perf = self.criterions["PerformanceLoss"](self.logits, labels) * self.weights["PerformanceLoss"]
            self.loss += self.loss_perf

    def batch_backward(self):
        self.model_optimizer.zero_grad()
        if self.criterion_optimizer:
            self.criterion_optimizer.zero_grad()
        self.loss.backward()
        self.model_optimizer.step()
        if self.criterion_optimizer:
            self.criterion_optimizer.step()

    def train(self):
        for epoch in range(1, self.config["num_epochs"] + 1):
            for model in self.networks.values():
                model.train()
            self.model_optimizer_scheduler.step()
            if self.criterion_optimizer:
                self.criterion_optimizer_scheduler.step()
            for step, (inputs, labels, _) in enumerate(self.data["train"]):
                inputs, labels = inputs.cuda(), labels.cuda()
                with torch.set_grad_enabled(True):
                    self.batch_forward(inputs)
                    self.batch_loss(labels)
                    self.batch_backward()
                if step % 10 == 0:
                    print(epoch, step, self.loss.item())
