"""positive [LG009]: a CIFAR-10 distillation script builds nn.KLDivLoss() at module level (reduction 'mean', averaged over classes too) and feeds it the student's log_softmax and the teacher's softmax, both at temperature T."""
# Source: https://github.com/PolarisShi/distillation student.py at 8290b4b2138410cb4f1f39ecf2411f7dbb2a676a
# (issue #1 "why the teacher net uses log_softmax?", open); re-typed, names changed, reduced (data set set-up, the
# per-class accuracy and the network's transition layers left out).
import time

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


class _ConvLayer(nn.Sequential):
    def __init__(self, num_input_features, num_output_features, drop_rate):
        super(_ConvLayer, self).__init__()
        self.add_module("conv", nn.Conv2d(num_input_features, num_output_features, kernel_size=3, stride=1, padding=1, bias=False))
        self.add_module("relu", nn.ReLU(inplace=True))
        self.add_module("norm", nn.BatchNorm2d(num_output_features))
        self.drop_rate = drop_rate

    def forward(self, x):
        x = super(_ConvLayer, self).forward(x)
        if self.drop_rate > 0:
            x = F.dropout(x, p=self.drop_rate, training=self.training)
        return x


class CNN(nn.Module):
    def __init__(self):
        super(CNN, self).__init__()
        self.features = nn.Sequential()
        self.features.add_module("convlayer1", _ConvLayer(3, 32, 0.0))
        self.features.add_module("maxpool", nn.MaxPool2d(2, 2))
        self.features.add_module("convlayer3", _ConvLayer(32, 64, 0.0))
        self.features.add_module("avgpool", nn.AvgPool2d(2, 2))
        self.features.add_module("convlayer5", _ConvLayer(64, 128, 0.0))
        self.classifier = nn.Linear(128, 10)

    def forward(self, x):
        features = self.features(x)
        out = F.avg_pool2d(features, kernel_size=8, stride=1).view(features.size(0), -1)
        out = self.classifier(out)
        return out


net = CNN()
criterion = nn.CrossEntropyLoss()
criterion_kd = nn.KLDivLoss()  # expect: LG009
optimizer = optim.Adam(net.parameters(), lr=0.001)
device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
net.to(device)

teacher = torch.load("teacher.pkl")
teacher.to(device)

for epoch in range(100):
    start = time.time()
    batch_size = 128
    alpha = 0.95
    for i, data in enumerate(torch.utils.data.DataLoader(trainset, batch_size=batch_size, shuffle=True, num_workers=0), 0):
        inputs, labels = data
        inputs, labels = inputs.to(device), labels.to(device)
        soft_target = teacher(inputs)
        optimizer.zero_grad()
        outputs = net(inputs)
        loss_hard = criterion(outputs, labels)
        T = 2
        student_log = F.log_softmax(outputs / T, dim=1)
        teacher_prob = F.softmax(soft_target / T, dim=1)
        loss_soft = criterion_kd(student_log, teacher_prob) * T * T
        loss = loss_hard * (1 - alpha) + loss_soft * alpha
        loss.backward()
        optimizer.step()
        print("[%d, %5d] loss: %.4f" % (epoch + 1, (i + 1) * batch_size, loss.item()))
    torch.save(net, "student.pkl")
    print("Time cost:", time.time() - start, "s")
