"""part of positive project [LG001, LG006, LG008, LG009]: BaseClass takes the distillation loss as a parameter defaulting to nn.KLDivLoss() (reduction 'mean') and keeps it in self.loss_fn; its own training loops sum loss.item()."""
# Source: https://github.com/SforAiDl/KD_Lib KD_Lib/KD/common/base_class.py at a94d236050e81965d7e0c03d7dee3b63e67b675a; re-typed, names changed, reduced (evaluation,
# plotting and the student loop of the base class left out; docstrings removed).
from copy import deepcopy

import torch
import torch.nn as nn
from torch.utils.tensorboard import SummaryWriter


class BaseClass:
    def __init__(
        self,
        teacher_model,
        student_model,
        train_loader,
        val_loader,
        optimizer_teacher,
        optimizer_student,
        loss_fn=nn.KLDivLoss(),  # expect: LG009
        temp=20.0,
        distil_weight=0.5,
        device="cpu",
        log=False,
        logdir="./Experiments",
    ):
        self.train_loader = train_loader
        self.val_loader = val_loader
        self.optimizer_teacher = optimizer_teacher
        self.optimizer_student = optimizer_student
        self.temp = temp
        self.distil_weight = distil_weight
        self.log = log
        self.logdir = logdir
        if self.log:
            self.writer = SummaryWriter(logdir)
        if device == "cuda" and torch.cuda.is_available():
            self.device = torch.device("cuda")
        else:
            self.device = torch.device("cpu")
        if teacher_model:
            self.teacher_model = teacher_model.to(self.device)
        self.student_model = student_model.to(self.device)
        self.loss_fn = loss_fn.to(self.device)
        self.ce_fn = nn.CrossEntropyLoss().to(self.device)

    def train_teacher(self, epochs=20, plot_losses=True, save_model=True, save_model_pth="./models/teacher.pt"):
        self.teacher_model.train()
        loss_arr = []
        for ep in range(epochs):
            epoch_loss = 0.0
            for (data, label) in self.train_loader:
                data = data.to(self.device)
                label = label.to(self.device)
                out = self.teacher_model(data)
                if isinstance(out, tuple):
                    out = out[0]
                loss = self.ce_fn(out, label)
                self.optimizer_teacher.zero_grad()
                loss.backward()
                self.optimizer_teacher.step()
                epoch_loss += loss.item()
            loss_arr.append(epoch_loss)
        if save_model:
            torch.save(self.teacher_model.state_dict(), save_model_pth)

    def calculate_kd_loss(self, y_pred_student, y_pred_teacher, y_true):
        raise NotImplementedError

    def evaluate(self, teacher=False):
        model = self.teacher_model if teacher else self.student_model
        return self._evaluate_model(deepcopy(model))

    def post_epoch_call(self, epoch):
        pass
