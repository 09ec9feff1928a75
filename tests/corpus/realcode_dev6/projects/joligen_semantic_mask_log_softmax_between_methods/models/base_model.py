"""part of positive project [LG001]: the base model runs each group's methods by the names the group lists, then back-propagates the losses they stored on self."""
# Source: jolibrain/joliGEN@f79a4952a6 (the parent of 2622650) models/base_model.py (re-typed: optimize_parameters and compute_step; visuals, checkpoints and EMA cut; names kept)
import torch


class BaseModel:
    def __init__(self, opt, rank):
        self.opt = opt
        self.rank = rank
        self.isTrain = opt.isTrain
        self.loss_names = []
        self.model_names = []
        self.optimizers = []
        self.networks_groups = []
        self.niter = 0

    def set_requires_grad(self, nets, requires_grad=False):
        if not isinstance(nets, list):
            nets = [nets]
        for net in nets:
            if net is not None:
                for param in net.parameters():
                    param.requires_grad = requires_grad

    def compute_step(self, optimizers_names, loss_names):
        optimizers = [getattr(self, name) for name in optimizers_names]
        if self.niter % self.opt.train_iter_size == 0:
            for optimizer in optimizers:
                optimizer.step()
                optimizer.zero_grad()

    def optimize_parameters(self):
        self.niter = self.niter + 1
        for group in self.networks_groups:
            for network in self.model_names:
                self.set_requires_grad(getattr(self, "net" + network), network in group.networks_to_optimize)
            if group.forward_functions is not None:
                for forward in group.forward_functions:
                    getattr(self, forward)()
            for backward in group.backward_functions:
                getattr(self, backward)()
            for loss in group.loss_backward:
                (getattr(self, loss) / self.opt.train_iter_size).backward(retain_graph=True)
            loss_names = []
            for temp in group.loss_names_list:
                loss_names += getattr(self, temp)
            self.compute_step(group.optimizer, loss_names)
