"""part of positive project [LG001]: the CNN keeps its own RMSprop optimizer and nn.CrossEntropyLoss() as attributes, and its forward ends with F.softmax(out, dim=1): the model returns probabilities."""
# Source: imhgchoi/pytorch-implementations at e6add999 (read as is), CNN/cnn.py; re-typed, identifiers renamed.
import torch as T
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


class DigitNet(nn.Module):
    def __init__(self, lr):
        super(DigitNet, self).__init__()
        self.conv1 = nn.Conv2d(1, 16, 3, stride=1, padding=0)
        self.bn1 = nn.BatchNorm2d(16)
        self.conv2 = nn.Conv2d(16, 32, 4, stride=1, padding=1)
        self.bn2 = nn.BatchNorm2d(32)
        self.conv3 = nn.Conv2d(32, 16, 4, stride=1, padding=1)
        self.bn3 = nn.BatchNorm2d(16)
        self.fc1 = nn.Sequential(nn.Linear(16 * 2 * 2, 256, bias=True), nn.Dropout(0.2))
        self.bn4 = nn.BatchNorm1d(256)
        self.fc2 = nn.Sequential(nn.Linear(256, 128, bias=True), nn.Dropout(0.2))
        self.bn5 = nn.BatchNorm1d(128)
        self.head = nn.Linear(128, 10)

        self.optimizer = optim.RMSprop(self.parameters(), lr=lr)
        self.loss = nn.CrossEntropyLoss()
        self.device = T.device('cuda:0' if T.cuda.is_available() else 'cpu')
        self.to(self.device)

    def forward(self, data):
        h = F.max_pool2d(self.bn1(F.relu(self.conv1(data))), kernel_size=(2, 2))
        h = F.max_pool2d(self.bn2(F.relu(self.conv2(h))), kernel_size=(2, 2))
        h = F.max_pool2d(self.bn3(F.relu(self.conv3(h))), kernel_size=(2, 2))
        h = h.view(-1, 16 * 2 * 2)
        h = self.bn4(F.relu(self.fc1(h)))
        h = self.bn5(F.relu(self.fc2(h)))
        out = self.head(h)
        return F.softmax(out, dim=1)
