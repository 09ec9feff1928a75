"""part of look-alike project [LG005, LG006]: the blind image-quality network maps each 32x32 patch to a quality score through fc3_2, shape (N, 1), and to 36 natural-scene-statistics features through fc2_1, shape (N, 36)."""
# Source: lllllllllllll-llll/NSSADNN_IQA at 1cc3774c (read as is; issue #1 reports the L1Loss warning "target size (torch.Size([1])) that is different to input size (torch.Size([]))" and the author could not reproduce a problem), network.py;
# re-typed, identifiers renamed, the shape comments dropped.
import torch
import torch.nn as nn
import torch.nn.functional as F


class QualityNet(nn.Module):
    def __init__(self):
        super(QualityNet, self).__init__()
        self.conv1 = nn.Conv2d(in_channels=1, out_channels=50, kernel_size=5, stride=1, padding=0)
        self.conv2 = nn.Conv2d(in_channels=50, out_channels=50, kernel_size=3, stride=1, padding=0)
        self.conv3 = nn.Conv2d(in_channels=50, out_channels=50, kernel_size=3, stride=1, padding=1)
        self.conv4 = nn.Conv2d(in_channels=50, out_channels=25, kernel_size=3, stride=1, padding=0)
        self.conv5 = nn.Conv2d(in_channels=25, out_channels=25, kernel_size=3, stride=1, padding=0)
        self.conv6 = nn.Conv2d(in_channels=25, out_channels=25, kernel_size=3, stride=1, padding=1)
        self.fc1_1 = nn.Linear(2025, 1024)
        self.fc2_1 = nn.Linear(1024, 36)
        self.fc1_2 = nn.Linear(2025, 1024)
        self.fc2_2 = nn.Linear(2048, 1024)
        self.fc3_2 = nn.Linear(1024, 1)

    def forward(self, x):
        x_distort = x.view(-1, x.size(-3), x.size(-2), x.size(-1))
        x1 = F.relu(self.conv1(x_distort))
        x2 = F.relu(self.conv2(x1))
        x3 = F.relu(self.conv3(x2))
        x3 = torch.add(x3, x2)
        x3 = F.max_pool2d(x3, (2, 2), stride=2)
        x4 = F.relu(self.conv4(x3))
        x5 = F.relu(self.conv5(x4))
        x6 = F.relu(self.conv6(x5))
        x6 = torch.add(x6, x5)
        fc = x6.view(-1, self.num_flat_features(x6))
        fc1_1 = self.fc1_1(fc)
        fc2_1 = self.fc2_1(fc1_1)
        fc1_2 = self.fc1_2(fc)
        cat = F.relu(torch.cat((fc1_2, fc1_1), 1))
        fc2_2 = self.fc2_2(cat)
        quality = self.fc3_2(fc2_2)
        return quality, fc2_1

    def num_flat_features(self, x):
        size = x.size()[1:]
        num_features = 1
        for s in size:
            num_features *= s
        return num_features
