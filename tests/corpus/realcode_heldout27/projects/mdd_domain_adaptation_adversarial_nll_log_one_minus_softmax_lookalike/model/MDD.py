"""part of look-alike project [LG001, LG007, LG014]: the MDD network returns (features, logits, softmax probabilities, adversarial logits); the loss feeds the raw logits to CrossEntropyLoss and the log of one minus the adversarial softmax to F.nll_loss, a deliberate log-probability of the other classes, and the probabilities serve only predict()."""
# Source: thuml/MDD at 51e54847, model/MDD.py; re-typed, identifiers renamed; the backbone table (model/backbone.py)
# is not included; the parameter-group learning-rate ratios and weight initialisation shortened.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import model.backbone as backbone


class GradReverse(torch.autograd.Function):
    def __init__(self, iter_num=0, alpha=1.0, low=0.0, high=0.1, max_iter=1000.0):
        self.iter_num = iter_num
        self.alpha = alpha
        self.low = low
        self.high = high
        self.max_iter = max_iter

    def forward(self, input):
        self.iter_num += 1
        return input * 1.0

    def backward(self, grad_output):
        self.coeff = np.float(2.0 * (self.high - self.low) / (1.0 + np.exp(-self.alpha * self.iter_num / self.max_iter))
                              - (self.high - self.low) + self.low)
        return -self.coeff * grad_output


class DisparityNet(nn.Module):
    def __init__(self, base_net='ResNet50', use_bottleneck=True, bottleneck_dim=1024, width=1024, class_num=31):
        super(DisparityNet, self).__init__()
        self.base_network = backbone.network_dict[base_net]()
        self.use_bottleneck = use_bottleneck
        self.grl = GradReverse()
        self.bottleneck = nn.Sequential(nn.Linear(self.base_network.output_num(), bottleneck_dim),
                                        nn.BatchNorm1d(bottleneck_dim), nn.ReLU(), nn.Dropout(0.5))
        self.head = nn.Sequential(nn.Linear(bottleneck_dim, width), nn.ReLU(), nn.Dropout(0.5),
                                  nn.Linear(width, class_num))
        self.adv_head = nn.Sequential(nn.Linear(bottleneck_dim, width), nn.ReLU(), nn.Dropout(0.5),
                                      nn.Linear(width, class_num))
        self.softmax = nn.Softmax(dim=1)
        self.parameter_list = [{"params": self.base_network.parameters(), "lr": 0.1},
                               {"params": self.bottleneck.parameters(), "lr": 1},
                               {"params": self.head.parameters(), "lr": 1},
                               {"params": self.adv_head.parameters(), "lr": 1}]

    def forward(self, inputs):
        features = self.base_network(inputs)
        if self.use_bottleneck:
            features = self.bottleneck(features)
        adv_features = self.grl(features)
        adv_logits = self.adv_head(adv_features)
        logits = self.head(features)
        probs = self.softmax(logits)
        return features, logits, probs, adv_logits


class MDD(object):
    def __init__(self, base_net='ResNet50', width=1024, class_num=31, use_bottleneck=True, use_gpu=True, srcweight=3):
        self.c_net = DisparityNet(base_net, use_bottleneck, width, width, class_num)
        self.use_gpu = use_gpu
        self.is_train = False
        self.iter_num = 0
        self.class_num = class_num
        if self.use_gpu:
            self.c_net = self.c_net.cuda()
        self.srcweight = srcweight

    def get_loss(self, inputs, labels_source):
        ce = nn.CrossEntropyLoss()
        _, logits, _, adv_logits = self.c_net(inputs)
        n_src = labels_source.size(0)
        cls_loss = ce(logits.narrow(0, 0, n_src), labels_source)

        pseudo = logits.max(1)[1]
        pseudo_src = pseudo.narrow(0, 0, n_src)
        pseudo_tgt = pseudo.narrow(0, n_src, inputs.size(0) - n_src)
        adv_loss_src = ce(adv_logits.narrow(0, 0, n_src), pseudo_src)

        log_rest_tgt = torch.log(1 - F.softmax(adv_logits.narrow(0, n_src, inputs.size(0) - n_src), dim=1))
        adv_loss_tgt = F.nll_loss(log_rest_tgt, pseudo_tgt)

        transfer_loss = self.srcweight * adv_loss_src + adv_loss_tgt
        self.iter_num += 1
        return cls_loss + transfer_loss

    def predict(self, inputs):
        _, _, probs, _ = self.c_net(inputs)
        return probs

    def get_parameter_list(self):
        return self.c_net.parameter_list

    def set_train(self, mode):
        self.c_net.train(mode)
        self.is_train = mode
