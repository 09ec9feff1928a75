"""positive [LG004]: the salt-segmentation pretraining loss casts the mask to `.long()` for its Dice term and gives the same integer tensor to `nn.BCEWithLogitsLoss()`, which needs a float target."""

# Source: SeuTao/Kaggle_TGS2018_4th_solution@079ecd8 loss/bce_losses.py, train.py (re-typed, renamed, cut to the loss and the pretraining loop)
import torch
import torch.nn as nn


def dice_loss(output, target, smooth=0, activation="sigmoid"):
    probs = torch.sigmoid(output) if activation == "sigmoid" else torch.softmax(output, dim=1)
    inter = (probs * target).sum()
    return 1 - (2 * inter + smooth) / (probs.sum() + target.sum() + smooth)


def dice_bce_loss(output, target, dice_weight=0.2, bce_weight=0.9):
    num_classes = output.size(1)
    target = target[:, :num_classes, :, :].long()
    bce = nn.BCEWithLogitsLoss()
    return dice_weight * dice_loss(output, target) + bce_weight * bce(output, target)  # expect: LG004


class Solver:
    def __init__(self, net, lr, pretrain_epochs=10):
        self.net = net
        self.optimizer = torch.optim.SGD(net.parameters(), lr=lr, momentum=0.9)
        self.pretrain_epochs = pretrain_epochs

    def pretrain(self, loader):
        ce = nn.CrossEntropyLoss()
        for _ in range(self.pretrain_epochs):
            for images, masks, is_empty in loader:
                empty_logits, final_logits = self.net(images)
                loss = dice_bce_loss(final_logits, masks) + ce(empty_logits, torch.LongTensor(is_empty))
                self.optimizer.zero_grad()
                loss.backward()
                self.optimizer.step()
