"""positive [LG008]: the region-consistency term feeds F.softmax probabilities (not log-probabilities) as the input of KLDivLoss, three times."""
# Source: https://github.com/Liuyuxinict/prenet/issues/3 (the thread points at main.py#L115); Liuyuxinict/prenet@2c86b7c main.py (cut, renamed)
import torch.nn as nn
import torch.nn.functional as F


def train_epoch(net, loader, optimizer, u1=1.0, u2=0.5):
    ce = nn.CrossEntropyLoss()
    kl = nn.KLDivLoss(reduction="batchmean")
    net.train()
    seen = 0.0
    for images, labels in loader:
        images, labels = images.cuda(), labels.cuda()
        optimizer.zero_grad()
        f1, f2, f3, joint = net(images, True)
        joint_loss = ce(joint, labels) * 2
        kl_21 = -kl(F.softmax(f2, dim=1), F.softmax(f1, dim=1))  # expect: LG008
        kl_31 = -kl(F.softmax(f3, dim=1), F.softmax(f1, dim=1))  # expect: LG008
        kl_32 = -kl(F.softmax(f3, dim=1), F.softmax(f2, dim=1))  # expect: LG008
        total = u1 * joint_loss + u2 * (kl_21 + kl_31 + kl_32)
        total.backward()
        optimizer.step()
        seen += joint_loss.item()
    return seen
