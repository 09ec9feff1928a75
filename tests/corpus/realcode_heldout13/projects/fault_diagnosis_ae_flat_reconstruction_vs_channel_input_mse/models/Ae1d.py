"""part of positive project [LG005]: the 1-D autoencoder flattens its (B, 1, L) input with x.view(x.size(0), -1) and its decoder ends in nn.Linear, so the reconstruction is (B, L) without the channel axis."""
# Source: ZhaoZhibin/DL-based-Intelligent-Diagnosis-Benchmark@dd49b077984d15802681a9be723937342d6b59e3 models/Ae1d.py (read as is; its issue #17 quotes "Using a target size (torch.Size([4, 1, 1024])) that is different to the input size (torch.Size([4, 1024]))"; re-typed, identifiers renamed, the BatchNorm/ReLU blocks written with a helper)
from __future__ import print_function
import torch.nn as nn

Output_size = 64
inputflag = 0


def block(i, o):
    return nn.Sequential(nn.Linear(i, o), nn.BatchNorm1d(o), nn.ReLU(inplace=True))


class encoder(nn.Module):
    def __init__(self, in_channel=1, out_channel=10):
        super(encoder, self).__init__()
        self.fc1 = block(512, 1024)
        self.fc2 = block(1024, 1024)
        self.fc3 = block(1024, 512)
        self.fc4 = block(512, 256)
        self.fc5 = block(256, 128)
        self.fc6 = block(128, 64)
        self.fc7 = nn.Sequential(nn.Linear(64, Output_size),)

    def forward(self, x):
        global inputflag
        if x.shape[2] == 512:
            inputflag = 0
            out = x.view(x.size(0), -1)
            out = self.fc1(out)
        else:
            inputflag = 1
            out = x.view(x.size(0), -1)
        out = self.fc2(out)
        out = self.fc3(out)
        out = self.fc4(out)
        out = self.fc5(out)
        out = self.fc6(out)
        return self.fc7(out)


class decoder(nn.Module):
    def __init__(self, in_channel=1, out_channel=10):
        super(decoder, self).__init__()
        self.fc1 = block(Output_size, 64)
        self.fc2 = block(64, 128)
        self.fc3 = block(128, 256)
        self.fc4 = block(256, 512)
        self.fc5 = block(512, 1024)
        self.fc6 = block(1024, 1024)
        self.fc7 = nn.Sequential(nn.Linear(1024, 512),)

    def forward(self, z):
        out = self.fc1(z)
        out = self.fc2(out)
        out = self.fc3(out)
        out = self.fc4(out)
        out = self.fc5(out)
        if inputflag == 0:
            out = self.fc6(out)
            out = self.fc7(out)
        else:
            out = self.fc6(out)
        return out


class classifier(nn.Module):
    def __init__(self, in_channel=1, out_channel=10):
        super(classifier, self).__init__()
        self.fc6 = nn.Sequential(nn.ReLU(), nn.Linear(Output_size, out_channel))

    def forward(self, z):
        return self.fc6(z)
