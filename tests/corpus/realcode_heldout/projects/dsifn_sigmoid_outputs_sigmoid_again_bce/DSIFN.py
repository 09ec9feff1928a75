"""part of positive project [LG016]: change-detection network whose deeply supervised branch outputs all end in self.sigmoid = nn.Sigmoid(); forward returns them as a tuple."""
# Source: https://github.com/GeoZcx/A-deeply-supervised-image-fusion-network-for-change-detection-in-remote-sensing-images
# "pytorch version/DSIFN.py" at 0e7ae5ac1c9a19d91d7a019dcad2b54ab338ec3b (issue #1: sigmoid in the model and again in
# the loss); re-typed, names changed, reduced to two branches.
import torch
import torch.nn as nn


def conv2d_bn(in_channels, out_channels):
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, kernel_size=3, stride=1, padding=1),
        nn.PReLU(),
        nn.BatchNorm2d(out_channels),
        nn.Dropout(p=0.6),
    )


class DSIFN(nn.Module):
    def __init__(self, model_A, model_B):
        super().__init__()
        self.t1_base = model_A
        self.t2_base = model_B
        self.sigmoid = nn.Sigmoid()
        self.o1_conv1 = conv2d_bn(1024, 512)
        self.o1_conv3 = nn.Conv2d(512, 1, 1)
        self.trans_conv1 = nn.ConvTranspose2d(512, 512, kernel_size=2, stride=2)
        self.o2_conv1 = conv2d_bn(1536, 256)
        self.o2_conv4 = nn.Conv2d(256, 1, 1)

    def forward(self, t1_input, t2_input):
        t1_list = self.t1_base(t1_input)
        t2_list = self.t2_base(t2_input)
        x = torch.cat((t1_list[4], t2_list[4]), dim=1)
        x = self.o1_conv1(x)
        branch_1_out = self.sigmoid(self.o1_conv3(x))
        x = self.trans_conv1(x)
        x = torch.cat((x, t1_list[3], t2_list[3]), dim=1)
        x = self.o2_conv1(x)
        branch_2_out = self.sigmoid(self.o2_conv4(x))
        return branch_2_out, branch_1_out
