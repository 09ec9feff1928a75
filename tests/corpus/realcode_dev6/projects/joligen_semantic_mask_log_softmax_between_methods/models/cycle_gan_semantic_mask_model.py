"""part of positive project [LG001]: forward() keeps the segmenter's log-softmax of each translated image on self; compute_G_loss() gives those log-probabilities to CrossEntropyLoss, which applies log-softmax again."""
# Source: jolibrain/joliGEN@f79a4952a6 (the parent of 2622650, "fix: softmax G semantic was applied twice", which passes self.pred_fake_B / self.pred_fake_A instead) models/cycle_gan_semantic_mask_model.py (re-typed: the semantic branch only; masks, pools, idt losses and visuals cut; names kept)
import itertools

import torch
import torch.nn.functional as F

from util.network_group import NetworkGroup

from . import networks
from .base_model import BaseModel


class CycleGANSemanticMaskModel(BaseModel):
    def __init__(self, opt, rank):
        super().__init__(opt, rank)
        self.loss_names_G = ["G_sem_AB", "G_sem_BA"]
        self.loss_names_f_s = ["f_s"]
        self.model_names += ["G_A", "G_B", "f_s"]
        self.netG_A = networks.define_G(**vars(opt))
        self.netG_B = networks.define_G(**vars(opt))
        if self.isTrain:
            self.netf_s = networks.define_f(**vars(opt))
            self.criterionf_s = torch.nn.modules.CrossEntropyLoss()
            self.optimizer_G = opt.optim(opt, itertools.chain(self.netG_A.parameters(), self.netG_B.parameters()), lr=opt.train_G_lr)
            self.optimizer_f_s = opt.optim(opt, self.netf_s.parameters(), lr=opt.train_sem_lr_f_s)
            self.optimizers += [self.optimizer_G, self.optimizer_f_s]
            self.group_G = NetworkGroup(
                networks_to_optimize=["G_A", "G_B"],
                forward_functions=["forward"],
                backward_functions=["compute_G_loss"],
                loss_names_list=["loss_names_G"],
                optimizer=["optimizer_G"],
                loss_backward=["loss_G"],
            )
            self.group_f_s = NetworkGroup(
                networks_to_optimize=["f_s"],
                forward_functions=None,
                backward_functions=["compute_f_s_loss"],
                loss_names_list=["loss_names_f_s"],
                optimizer=["optimizer_f_s"],
                loss_backward=["loss_f_s"],
            )
            self.networks_groups += [self.group_G, self.group_f_s]

    def set_input(self, input):
        self.real_A = input["A"].to(self.rank)
        self.real_B = input["B"].to(self.rank)
        self.input_A_label = input["A_label"].to(self.rank).squeeze(1)
        if "B_label" in input:
            self.input_B_label = input["B_label"].to(self.rank).squeeze(1)

    def forward(self):
        self.fake_B = self.netG_A(self.real_A)
        self.fake_A = self.netG_B(self.real_B)
        d = 1
        if self.isTrain:
            self.pred_real_A = self.netf_s(self.real_A)
            self.gt_pred_A = F.log_softmax(self.pred_real_A, dim=d).argmax(dim=d)
            self.pred_fake_A = self.netf_s(self.fake_A)
            self.pred_real_B = self.netf_s(self.real_B)
            self.gt_pred_B = F.log_softmax(self.pred_real_B, dim=d).argmax(dim=d)
            self.pfA = F.log_softmax(self.pred_fake_A, dim=d)
            self.pfA_max = self.pfA.argmax(dim=d)
        self.pred_fake_B = self.netf_s(self.fake_B)
        self.pfB = F.log_softmax(self.pred_fake_B, dim=d)
        self.pfB_max = self.pfB.argmax(dim=d)

    def compute_f_s_loss(self):
        label_A = self.input_A_label
        pred_A = self.netf_s(self.real_A)
        self.loss_f_s = self.criterionf_s(pred_A, label_A)

    def compute_G_loss(self):
        # semantic loss AB
        self.loss_G_sem_AB = self.opt.train_sem_lambda * self.criterionf_s(
            self.pfB, self.input_A_label  # expect: LG001
        )
        # semantic loss BA
        if hasattr(self, "input_B_label"):
            self.loss_G_sem_BA = self.opt.train_sem_lambda * self.criterionf_s(
                self.pfA, self.input_B_label  # expect: LG001
            )
        else:
            self.loss_G_sem_BA = self.opt.train_sem_lambda * self.criterionf_s(
                self.pfA, self.gt_pred_B  # expect: LG001
            )
        self.loss_G = self.loss_G_sem_AB + self.loss_G_sem_BA
