"""positive [LG006]: the CatGAN instructor pre-trains its classifier through the base instructor's optimize() (zero_grad, backward, step; it is handed the classifier itself where the optimizer belongs, a second bug the fix also corrected) and appends every step's classification loss, a tensor with its graph, to `total_loss`, averaged only at the end (the fix appends c_loss.item())."""

# Source: williamSYSU/TextGAN-PyTorch@b15aaf0575 instructor/oracle_data/catgan_instructor.py, instructor.py, fixed in 7bc38ba0f1 (cut, renamed)
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim

clip_norm = 5.0


class BasicInstructor:
    def __init__(self, log):
        self.log = log

    @staticmethod
    def optimize(opt, loss, model=None, retain_graph=False):
        opt.zero_grad()
        loss.backward(retain_graph=retain_graph)
        if model is not None:
            torch.nn.utils.clip_grad_norm_(model.parameters(), clip_norm)
        opt.step()


class CatGANInstructor(BasicInstructor):
    def __init__(self, log, dis, prepare):
        super().__init__(log)
        self.clas = dis
        self.clas_opt = optim.Adam(self.clas.parameters(), lr=1e-4)
        self.clas_criterion = nn.CrossEntropyLoss()
        self.prepare_dis_clas_data = prepare

    def train_classifier(self, c_step, phase="PRE"):
        total_loss = []
        total_acc = []
        for epoch in range(c_step):
            _, _, clas_inp, clas_target = self.prepare_dis_clas_data("D")
            pred = self.clas(clas_inp)
            c_loss = self.clas_criterion(pred, clas_target)
            c_acc = torch.sum((pred.argmax(dim=-1) == clas_target)).item() / clas_inp.size(0)
            self.optimize(self.clas, c_loss, self.clas)
            total_loss.append(c_loss)  # expect: LG006
            total_acc.append(c_acc)
            if phase == "PRE":
                self.log.info("[%s-CLAS] epoch: %d, c_loss = %.4f, c_acc = %.4f" % (phase, epoch, c_loss, c_acc))
        if c_step == 0:
            return 0, 0
        return np.mean([l.item() for l in total_loss]), np.mean(total_acc)
