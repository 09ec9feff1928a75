"""positive [LG009]: a knowledge-distillation notebook builds nn.KLDivLoss() inline (default reduction "mean", not the KL divergence) with a correct log_softmax student and softmax teacher."""
# Source: https://github.com/mepeichun/Efficient-Neural-Network-Bilibili
# 4-Knowledge-Distillation/4-2_Knowledge_Distillation.ipynb at 72c8fa315cab8bcfe5f9061dcd7235a2cd6f2cb1
# (issue #1 asked about the log_softmax / softmax asymmetry); the cells concerned, re-typed, names changed, reduced.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision import datasets, transforms


class Teacher(nn.Module):
    def __init__(self):
        super(Teacher, self).__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, 1)
        self.conv2 = nn.Conv2d(32, 64, 3, 1)
        self.dropout1 = nn.Dropout2d(0.3)
        self.fc1 = nn.Linear(9216, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        x = F.max_pool2d(x, 2)
        x = self.dropout1(x)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        return self.fc2(x)


class Student(nn.Module):
    def __init__(self):
        super(Student, self).__init__()
        self.fc1 = nn.Linear(28 * 28, 128)
        self.fc2 = nn.Linear(128, 64)
        self.fc3 = nn.Linear(64, 10)

    def forward(self, x):
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return F.relu(self.fc3(x))


def distill_loss(y, labels, teacher_scores, temp, alpha):
    return nn.KLDivLoss()(F.log_softmax(y / temp, dim=1), F.softmax(teacher_scores / temp, dim=1)) * (  # expect: LG009
        temp * temp * 2.0 * alpha
    ) + F.cross_entropy(y, labels) * (1.0 - alpha)


def train_student_kd(model, teacher, device, train_loader, optimizer, epoch):
    model.train()
    seen = 0
    for batch_idx, (data, target) in enumerate(train_loader):
        data, target = data.to(device), target.to(device)
        optimizer.zero_grad()
        output = model(data)
        teacher_output = teacher(data)
        teacher_output = teacher_output.detach()
        loss = distill_loss(output, target, teacher_output, temp=5.0, alpha=0.7)
        loss.backward()
        optimizer.step()
        seen += len(data)
        progress = math.ceil(batch_idx / len(train_loader) * 50)
        print("\rTrain epoch %d: %d/%d" % (epoch, seen, len(train_loader.dataset)), end="")


teacher_model = Teacher()
teacher_model.load_state_dict(torch.load("teacher.pt"))
student = Student()
opt = torch.optim.Adadelta(student.parameters())
loader = torch.utils.data.DataLoader(
    datasets.MNIST("../data/MNIST", train=True, download=True, transform=transforms.ToTensor()), batch_size=64, shuffle=True
)
for ep in range(1, 11):
    train_student_kd(student, teacher_model, "cpu", loader, opt, ep)
