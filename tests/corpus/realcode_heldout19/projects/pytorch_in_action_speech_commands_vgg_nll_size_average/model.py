"""part of positive project [LG010]: the book's speech-command VGG; its forward ends in F.log_softmax(dim=1), so F.nll_loss in train.py is the right loss (the project's bug is the deprecated size_average=False in the test function)."""
# Source: xiaobaoonline/pytorch-in-action at 193745dc (read as is), chapter8_PyTorch项目实战/speech_command/model.py;
# re-typed, identifiers renamed; the commented-out pdb lines cut.
import torch.nn as nn
import torch.nn.functional as F


def build_layers(spec):
    layers = []
    in_ch = 1
    for v in spec:
        if v == 'M':
            layers += [nn.MaxPool2d(kernel_size=2, stride=2)]
        else:
            layers += [nn.Conv2d(in_ch, v, kernel_size=3, padding=1),
                       nn.BatchNorm2d(v),
                       nn.ReLU(inplace=True)]
            in_ch = v
    layers += [nn.AvgPool2d(kernel_size=1, stride=1)]
    return nn.Sequential(*layers)


SPECS = {
    'VGG11': [64, 'M', 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
    'VGG13': [64, 64, 'M', 128, 128, 'M', 256, 256, 'M', 512, 512, 'M', 512, 512, 'M'],
    'VGG16': [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M'],
}


class SpeechVGG(nn.Module):
    def __init__(self, name):
        super(SpeechVGG, self).__init__()
        self.features = build_layers(SPECS[name])
        self.fc1 = nn.Linear(7680, 512)
        self.fc2 = nn.Linear(512, 30)

    def forward(self, x):
        h = self.features(x)
        h = h.view(h.size(0), -1)
        h = self.fc1(h)
        h = self.fc2(h)
        return F.log_softmax(h, dim=1)
