"""part of positive project [LG001, LG006, LG008, LG009]: RCO (route-constrained distillation) defaults its loss to nn.KLDivLoss(), sums the loss tensor itself into epoch_loss in both training loops, feeds F.softmax of the student to F.cross_entropy and gives the KL loss the teacher's log_softmax as target without log_target=True."""
# Source: https://github.com/SforAiDl/KD_Lib KD_Lib/KD/vision/RCO/rco.py at a94d236050e81965d7e0c03d7dee3b63e67b675a (read at that
# commit; no issue thread); re-typed, names changed, reduced (tensorboard logging, plots and model saving shortened;
# docstrings removed).
from copy import deepcopy

import matplotlib.pyplot as plt
import torch
import torch.nn as nn
import torch.nn.functional as F

from KD_Lib.KD.common import BaseClass


class RCO(BaseClass):
    def __init__(
        self,
        teacher_model,
        student_model,
        train_loader,
        val_loader,
        optimizer_teacher,
        optimizer_student,
        loss_fn=nn.KLDivLoss(),  # expect: LG009
        epoch_interval=5,
        temp=20.0,
        distil_weight=0.5,
        device="cpu",
        log=False,
        logdir="./Experiments",
    ):
        super(RCO, self).__init__(
            teacher_model,
            student_model,
            train_loader,
            val_loader,
            optimizer_teacher,
            optimizer_student,
            loss_fn,
            temp,
            distil_weight,
            device,
            log,
            logdir,
        )
        self.epoch_interval = epoch_interval
        self.anchors = []

    def train_teacher(self, epochs=20, plot_losses=True, save_model=True, save_model_pth="./models/teacher.pt"):
        self.teacher_model.train()
        loss_arr = []
        length_of_dataset = len(self.train_loader.dataset)
        best_acc = 0.0
        self.best_teacher_model_weights = deepcopy(self.teacher_model.state_dict())
        for ep in range(epochs):
            epoch_loss = 0.0
            correct = 0
            for (data, label) in self.train_loader:
                data = data.to(self.device)
                label = label.to(self.device)
                out = self.teacher_model(data)
                if isinstance(out, tuple):
                    out = out[0]
                pred = out.argmax(dim=1, keepdim=True)
                correct += pred.eq(label.view_as(pred)).sum().item()
                loss = F.cross_entropy(out, label)
                self.optimizer_teacher.zero_grad()
                loss.backward()
                self.optimizer_teacher.step()
                epoch_loss += loss  # expect: LG006

            if (ep + 1) % self.epoch_interval == 0 or (ep + 1) == epochs:
                self.anchors.append(deepcopy(self.teacher_model))
            epoch_acc = correct / length_of_dataset
            epoch_val_acc = self.evaluate(teacher=True)
            if epoch_val_acc > best_acc:
                best_acc = epoch_val_acc
                self.best_teacher_model_weights = deepcopy(self.teacher_model.state_dict())
            loss_arr.append(epoch_loss)
            print(f"Epoch: {ep + 1}, Loss: {epoch_loss}, Accuracy: {epoch_acc}")
            self.post_epoch_call(ep)

        self.teacher_model.load_state_dict(self.best_teacher_model_weights)
        if save_model:
            torch.save(self.teacher_model.state_dict(), save_model_pth)
        if plot_losses:
            plt.plot(loss_arr)

    def train_student(self, epochs=10, plot_losses=True, save_model=True, save_model_pth="./models/student.pth"):
        anchor_point = 0
        self.student_model.train()
        loss_arr = []
        length_of_dataset = len(self.train_loader.dataset)
        best_acc = 0.0
        self.best_student_model_weights = deepcopy(self.student_model.state_dict())
        for ep in range(epochs):
            epoch_loss = 0.0
            correct = 0
            if ep % self.epoch_interval == 0 and ep < epochs:
                teacher_model = self.anchors[anchor_point].to(self.device)
                teacher_model.eval()
                anchor_point += 1
            for (data, label) in self.train_loader:
                data = data.to(self.device)
                label = label.to(self.device)
                student_out = self.student_model(data)
                teacher_out = teacher_model(data)
                loss = self.calculate_kd_loss(student_out, teacher_out, label)
                if isinstance(student_out, tuple):
                    student_out = student_out[0]
                pred = student_out.argmax(dim=1, keepdim=True)
                correct += pred.eq(label.view_as(pred)).sum().item()
                self.optimizer_student.zero_grad()
                loss.backward()
                self.optimizer_student.step()
                epoch_loss += loss  # expect: LG006

            epoch_acc = correct / length_of_dataset
            epoch_val_acc = self.evaluate(teacher=False)
            if epoch_val_acc > best_acc:
                best_acc = epoch_val_acc
                self.best_student_model_weights = deepcopy(self.student_model.state_dict())
            loss_arr.append(epoch_loss)
            print(f"Epoch: {ep + 1}, Loss: {epoch_loss}, Accuracy: {epoch_acc}")

        self.student_model.load_state_dict(self.best_student_model_weights)
        if save_model:
            torch.save(self.student_model.state_dict(), save_model_pth)
        if plot_losses:
            plt.plot(loss_arr)

    def calculate_kd_loss(self, y_pred_student, y_pred_teacher, y_true):
        loss = (1 - self.distil_weight) * F.cross_entropy(
            F.softmax(y_pred_student, dim=1), y_true  # expect: LG001
        )
        loss += (self.distil_weight * self.temp * self.temp) * self.loss_fn(
            F.log_softmax(y_pred_student / self.temp, dim=1),
            F.log_softmax(y_pred_teacher / self.temp, dim=1),  # expect: LG008
        )
        return loss
