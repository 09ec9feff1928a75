"""part of positive project [LG003]: the Runner builds the network and the trainer from registries and calls trainer.forward(net, data) each step."""
# Source: https://github.com/ZJULearning/resa runner/runner.py at 2d4e6312673eedd41ace54166686f4f2e70b50a3; re-typed, names changed, reduced.
import torch

from models.registry import build_net
from runner.optimizer import build_optimizer
from runner.registry import build_trainer
from runner.scheduler import build_scheduler


class Runner(object):
    def __init__(self, cfg):
        self.cfg = cfg
        self.net = build_net(self.cfg)
        self.net = torch.nn.parallel.DataParallel(self.net, device_ids=range(self.cfg.gpus)).cuda()
        self.optimizer = build_optimizer(self.cfg, self.net)
        self.scheduler = build_scheduler(self.cfg, self.optimizer)

    def train_epoch(self, epoch, train_loader):
        self.net.train()
        for i, data in enumerate(train_loader):
            output = self.trainer.forward(self.net, data)
            self.optimizer.zero_grad()
            loss = output["loss"]
            loss.backward()
            self.optimizer.step()
            self.scheduler.step()

    def train(self, train_loader):
        self.trainer = build_trainer(self.cfg)
        for epoch in range(self.cfg.epochs):
            self.train_epoch(epoch, train_loader)
