"""part of positive project [LG003]: the sigmoid change map of nets.SiameseUNet reaches F.binary_cross_entropy_with_logits."""
import torch
import torch.nn.functional as F

from nets import SiameseUNet


def dice(pred, gt, eps=1.0):
    inter = (pred * gt).sum(dim=(1, 2, 3))
    return 1 - ((2 * inter + eps) / (pred.sum(dim=(1, 2, 3)) + gt.sum(dim=(1, 2, 3)) + eps)).mean()


def main(loader, epochs=50):
    net = SiameseUNet().cuda()
    opt = torch.optim.Adam(net.parameters(), lr=1e-4)
    for ep in range(epochs):
        for img_t1, img_t2, mask in loader:
            img_t1, img_t2, mask = img_t1.cuda(), img_t2.cuda(), mask.cuda().float()
            change = net(img_t1, img_t2)
            loss = F.binary_cross_entropy_with_logits(change, mask) + dice(change, mask)  # expect: LG003
            opt.zero_grad()
            loss.backward()
            opt.step()
