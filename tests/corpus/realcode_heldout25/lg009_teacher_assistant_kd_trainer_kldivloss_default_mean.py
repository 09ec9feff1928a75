"""positive [LG009]: the teacher-assistant distillation trainer builds nn.KLDivLoss() inline, at its default reduction (mean over batch and classes, not the KL divergence), on log_softmax(student / T) against softmax(teacher / T), and scales it by T * T before mixing it with the CrossEntropyLoss term."""
# Source: imirzadeh/Teacher-Assistant-Knowledge-Distillation at 0f8168f4 (read at issue #4, "Choice of Loss
# Function", which asks why KLDivLoss is used; unchanged at this commit), train.py; re-typed, identifiers renamed;
# argument parsing, checkpoint saving and the learning-rate schedule shortened. data_loader and model_factory are not
# included.
import copy
import os

import nni
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

from data_loader import get_cifar
from model_factory import create_cnn_model, is_resnet


class DistillTrainer(object):
    def __init__(self, student, teacher=None, train_loader=None, test_loader=None, train_config={}):
        self.student = student
        self.teacher = teacher
        self.have_teacher = bool(self.teacher)
        self.device = train_config['device']
        self.name = train_config['name']
        self.optimizer = optim.SGD(self.student.parameters(), lr=train_config['learning_rate'],
                                   momentum=train_config['momentum'], weight_decay=train_config['weight_decay'])
        if self.have_teacher:
            self.teacher.eval()
            self.teacher.train(mode=False)
        self.train_loader = train_loader
        self.test_loader = test_loader
        self.config = train_config

    def train(self):
        lam = self.config['lambda_student']
        T = self.config['T_student']
        epochs = self.config['epochs']
        best_acc = 0
        criterion = nn.CrossEntropyLoss()
        for epoch in range(epochs):
            self.student.train()
            loss = 0
            for batch_idx, (data, target) in enumerate(self.train_loader):
                data = data.to(self.device)
                target = target.to(self.device)
                self.optimizer.zero_grad()
                output = self.student(data)
                loss_ce = criterion(output, target)
                loss = loss_ce
                if self.have_teacher:
                    teacher_out = self.teacher(data)
                    loss_kd = nn.KLDivLoss()(F.log_softmax(output / T, dim=1),  # expect: LG009
                                             F.softmax(teacher_out / T, dim=1))
                    loss = (1 - lam) * loss_ce + lam * T * T * loss_kd
                loss.backward()
                self.optimizer.step()
            acc = self.validate()
            if acc > best_acc:
                best_acc = acc
        return best_acc

    def validate(self):
        self.student.eval()
        with torch.no_grad():
            correct, total = 0, 0
            for images, labels in self.test_loader:
                outputs = self.student(images.to(self.device))
                _, predicted = torch.max(outputs.data, 1)
                total += labels.size(0)
                correct += (predicted == labels.to(self.device)).sum().item()
            return 100 * correct / total


if __name__ == "__main__":
    config = nni.get_next_parameter()
    torch.manual_seed(config['seed'])
    trial_id = os.environ.get('NNI_TRIAL_JOB_ID')
    student = create_cnn_model('resnet8', 'cifar100', use_cuda=True)
    teacher = create_cnn_model('resnet110', 'cifar100', use_cuda=True)
    base = {'epochs': 160, 'learning_rate': 0.1, 'momentum': 0.9, 'weight_decay': 1e-4, 'device': 'cuda',
            'is_plane': not is_resnet('resnet8'), 'trial_id': trial_id,
            'T_student': config.get('T_student'), 'lambda_student': config.get('lambda_student')}
    train_loader, test_loader = get_cifar(100)
    cfg = copy.deepcopy(base)
    cfg['name'] = 'resnet8'
    trainer = DistillTrainer(student, teacher=teacher, train_loader=train_loader, test_loader=test_loader,
                             train_config=cfg)
    nni.report_final_result(trainer.train())
