"""part of look-alike project [LG006]: the cascade grasp detector returns its detections and its BCE-with-logits loss tensor."""

# Source: gpmaratos/rgrasp.pytorch@96ff09b648 models/cascade_net.py (the fix commit; cut, renamed)
import torch
from torch import nn
from torchvision.models import resnet50


def build_model(device):
    return GraspCascade(device).to(device)


class GraspCascade(nn.Module):
    def __init__(self, device):
        super(GraspCascade, self).__init__()
        self.device = device
        self.detector = PretrainedGraspDetector()

    def forward(self, img_arr, img_lbl):
        img_arr = img_arr.to(self.device)
        detections, loss = self.detector(img_arr, img_lbl)
        return detections, loss


class PretrainedGraspDetector(nn.Module):
    def __init__(self):
        super(PretrainedGraspDetector, self).__init__()
        backb = resnet50(pretrained=True)
        self.layer0 = nn.Sequential(backb.conv1, backb.bn1, backb.relu, backb.maxpool)
        self.layer1 = backb.layer1
        self.layer2 = backb.layer2
        self.layer3 = backb.layer3
        self.lss = torch.nn.BCEWithLogitsLoss(reduction='mean')
        self.layer5 = nn.Conv2d(1024, 1, (1, 1))

    def forward(self, x, img_lbl):
        x = self.layer0(x)
        x = self.layer1(x)
        x = self.layer2(x)
        x = self.layer3(x)
        x = self.layer5(x)
        loss = self.compute_loss(x, img_lbl)
        return x, loss

    def compute_loss(self, x, img_lbl):
        inp, targ = [], []
        for i in range(len(img_lbl)):
            pos_inds = [(r.x_pos, r.y_pos) for r in img_lbl[i]]
            for pair in pos_inds:
                inp.append(x[i, 0, pair[0], pair[1]])
                targ.append(1.)
        inp_tensor = torch.stack(inp).cpu()
        targ_tensor = torch.tensor(targ)
        return self.lss(inp_tensor, targ_tensor)
