"""positive [LG006, LG010]: the pose trainer hands every step's `total_loss` tensor to `AverageMeter.update`, whose `self.sum += val * n` keeps each step's graph until the meter is made again at the next epoch; its loss helper builds `nn.MSELoss(size_average=False)`."""

# Source: tensorboy/pytorch_Realtime_Multi-Person_Pose_Estimation@02174bc train/train_SH.py (re-typed, renamed, cut to the loop)
import torch
import torch.nn as nn


class AverageMeter(object):
    def __init__(self):
        self.reset()

    def reset(self):
        self.val = 0
        self.avg = 0
        self.sum = 0
        self.count = 0

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n  # expect: LG006
        self.count += n
        self.avg = self.sum / self.count


def get_loss(saved_for_loss, heat_target, heat_mask, paf_target, paf_mask):
    criterion = nn.MSELoss(size_average=False)  # expect: LG010
    batch_size = heat_target.size(0)
    total_loss = 0
    for j in range(len(saved_for_loss) // 2):
        loss_paf = criterion(saved_for_loss[2 * j] * paf_mask, paf_target * paf_mask) / batch_size
        loss_heat = criterion(saved_for_loss[2 * j + 1] * heat_mask, heat_target * heat_mask) / batch_size
        total_loss += loss_paf
        total_loss += loss_heat
    return total_loss


def train(train_loader, model, optimizer, epoch):
    losses = AverageMeter()
    model.train()
    for i, (img, heat_target, heat_mask, paf_target, paf_mask) in enumerate(train_loader):
        _, saved_for_loss = model(img)
        total_loss = get_loss(saved_for_loss, heat_target, heat_mask, paf_target, paf_mask)
        losses.update(total_loss, img.size(0))
        optimizer.zero_grad()
        total_loss.backward()
        optimizer.step()
        if i % 20 == 0:
            print(epoch, i, losses.avg)
    return losses.avg


if __name__ == "__main__":
    net = PoseNet()
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    for epoch in range(100):
        train(loader, net, opt, epoch)
