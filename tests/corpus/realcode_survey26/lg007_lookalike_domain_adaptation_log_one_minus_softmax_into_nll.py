"""look-alike [LG007]: margin disparity discrepancy scores the target domain with nll_loss on log(1 - softmax) of the adversarial head, a deliberate loss on the complement probabilities."""

# Source: thuml/MDD@51e5484 model/MDD.py (re-typed, renamed, cut to the loss)
import torch
import torch.nn as nn
import torch.nn.functional as F


class DisparityNet(nn.Module):
    def __init__(self, backbone, width, class_num):
        super().__init__()
        self.backbone = backbone
        self.classifier = nn.Linear(width, class_num)
        self.adversary = nn.Linear(width, class_num)

    def forward(self, x):
        features = self.backbone(x)
        return features, self.classifier(features), self.adversary(features)


def disparity_loss(net, inputs, labels_source, srcweight=3.0):
    class_criterion = nn.CrossEntropyLoss()
    _, outputs, outputs_adv = net(inputs)
    n_src = labels_source.size(0)
    classifier_loss = class_criterion(outputs.narrow(0, 0, n_src), labels_source)
    target_adv = outputs.max(1)[1]
    adv_src = class_criterion(outputs_adv.narrow(0, 0, n_src), target_adv.narrow(0, 0, n_src))
    log_rest = torch.log(1 - F.softmax(outputs_adv.narrow(0, n_src, inputs.size(0) - n_src), dim=1))
    adv_tgt = F.nll_loss(log_rest, target_adv.narrow(0, n_src, inputs.size(0) - n_src))
    return classifier_loss + srcweight * adv_src + adv_tgt
