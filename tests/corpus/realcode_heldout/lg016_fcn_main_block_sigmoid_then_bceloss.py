"""positive [LG016]: FCN script: under `if __name__ == "__main__":` the output of the FCN (a 1x1 Conv2d classifier) goes through nn.functional.sigmoid and then nn.BCELoss().cuda()."""
# Source: https://github.com/yunlongdong/FCN-pytorch FCN.py at 27f403ff9ba1dc7705b298c0d3cfdfc629ce1314 (issue #7
# discusses its BCE loss); re-typed, names changed, reduced to one FCN variant and the training block.
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim
from BagData import dataloader


class FCNs(nn.Module):
    def __init__(self, pretrained_net, n_class):
        super().__init__()
        self.n_class = n_class
        self.pretrained_net = pretrained_net
        self.relu = nn.ReLU(inplace=True)
        self.deconv1 = nn.ConvTranspose2d(512, 256, kernel_size=3, stride=2, padding=1, dilation=1, output_padding=1)
        self.bn1 = nn.BatchNorm2d(256)
        self.deconv2 = nn.ConvTranspose2d(256, 32, kernel_size=3, stride=2, padding=1, dilation=1, output_padding=1)
        self.bn2 = nn.BatchNorm2d(32)
        self.classifier = nn.Conv2d(32, n_class, kernel_size=1)

    def forward(self, x):
        output = self.pretrained_net(x)
        x5 = output["x5"]
        score = self.bn1(self.relu(self.deconv1(x5)))
        score = self.bn2(self.relu(self.deconv2(score)))
        score = self.classifier(score)
        return score


if __name__ == "__main__":
    vgg_model = torch.hub.load("pytorch/vision", "vgg16")
    fcn_model = FCNs(pretrained_net=vgg_model, n_class=2)
    fcn_model = fcn_model.cuda()
    criterion = nn.BCELoss().cuda()
    optimizer = optim.SGD(fcn_model.parameters(), lr=1e-2, momentum=0.7)
    for epo in range(100):
        epo_loss = 0
        for item in dataloader:
            input = torch.autograd.Variable(item["A"]).cuda()
            y = torch.autograd.Variable(item["B"]).cuda()
            optimizer.zero_grad()
            output = fcn_model(input)
            output = nn.functional.sigmoid(output)
            loss = criterion(output, y)  # expect: LG016
            loss.backward()
            epo_loss += loss.item()
            optimizer.step()
            output_np = np.argmin(output.cpu().data.numpy().copy(), axis=1)
