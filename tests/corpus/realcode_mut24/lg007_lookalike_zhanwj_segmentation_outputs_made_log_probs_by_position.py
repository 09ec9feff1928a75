"""lookalike: a stereo and segmentation network's head returns its two segmentation maps in a list; the model turns
each into log-probabilities by position (`outs[0] = F.log_softmax(outs[0], dim=1)`) before NLLLoss (correct; an
LG007 false alarm before round 34, when the item store replaced nothing in the list)."""

# Source: zhanwj/multi-task-pytorch@7d57645ec8 lib/modeling/model_builder_cspn.py (Generalized_SEGNET.__init__,
# forward), lib/modeling/dispSeg_heads_1x.py (MiniCSPN, conv_last, semseg_deepsup); re-typed; the encoder, the ASPP
# decoder, the disparity losses, the metrics and the configuration cut
import torch
import torch.nn as nn
import torch.nn.functional as F


def conv_bn_relu(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class DispSegHead(nn.Module):
    def __init__(self, width, classes):
        super().__init__()
        self.disp = nn.Conv2d(width, 1, 3, padding=1)
        self.last = nn.Sequential(conv_bn_relu(width, width), nn.Conv2d(width, classes, kernel_size=1))
        self.deepsup = nn.Sequential(conv_bn_relu(1024, 512), nn.Conv2d(512, classes, 3, padding=1, bias=False))

    def forward(self, fused, res4):
        disparities = [self.disp(fused)]
        return disparities, [self.deepsup(res4), self.last(fused)]


class StereoSegNet(nn.Module):
    def __init__(self, width=512, classes=19, deep_weight=0.4):
        super().__init__()
        self.stem = nn.Conv2d(3, width, 3, padding=1)
        self.res4 = nn.Conv2d(width, 1024, 3, padding=1)
        self.head = DispSegHead(width, classes)
        self.crit = nn.NLLLoss(ignore_index=255)
        self.deep_weight = deep_weight

    def forward(self, left, full_label, small_label):
        fused = self.stem(left)
        disparities, seg_outs = self.head(fused, self.res4(fused))
        seg_outs[0] = F.log_softmax(seg_outs[0], dim=1)
        seg_outs[1] = F.log_softmax(seg_outs[1], dim=1)
        loss = self.crit(seg_outs[1], full_label)
        loss += self.deep_weight * self.crit(seg_outs[0], small_label)
        return loss, disparities


def train(loader, epochs):
    net = StereoSegNet()
    optimizer = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9)
    for epoch in range(epochs):
        for left, full_label, small_label in loader:
            optimizer.zero_grad()
            loss, _ = net(left, full_label, small_label)
            loss.backward()
            optimizer.step()
