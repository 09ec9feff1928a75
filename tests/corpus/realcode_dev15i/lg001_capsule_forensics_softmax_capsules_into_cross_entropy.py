"""positive [LG001]: the capsule network returns F.softmax(z, dim=-1) as its class scores and CapsuleLoss feeds every capsule's slice of them to CrossEntropyLoss (the thread asks why softmax before it)."""

# Source: https://github.com/nii-yamagishilab/Capsule-Forensics-v2/issues/3 (the thread points at model_big.py#L185 and #L201); nii-yamagishilab/Capsule-Forensics-v2@2564248 model_big.py, train_cgvsphoto.py (cut, renamed)
import torch
import torch.nn.functional as F
from torch import nn


class Routing(nn.Module):
    def __init__(self, n_in, n_out, d_in, d_out):
        super().__init__()
        self.weights = nn.Parameter(torch.randn(n_out, n_in, d_out, d_in))

    def forward(self, x):
        x = x.transpose(2, 1)
        priors = (self.weights[:, None] @ x[None, :, :, :, None]).transpose(1, 0)
        logits = torch.zeros(*priors.size())
        probs = F.softmax(logits, dim=2)
        out = (probs * priors).sum(dim=2, keepdim=True).squeeze()
        return out.transpose(2, 1).contiguous()


class CapsuleNet(nn.Module):
    def __init__(self, num_class):
        super().__init__()
        self.primary = nn.Conv1d(256, 8, kernel_size=3, padding=1)
        self.routing = Routing(10, num_class, 8, 4)

    def forward(self, feats):
        z = self.routing(self.primary(feats))
        classes = F.softmax(z, dim=-1)
        class_ = classes.detach().mean(dim=1)
        return classes, class_


class CapsuleLoss(nn.Module):
    def __init__(self):
        super().__init__()
        self.ce = nn.CrossEntropyLoss()

    def forward(self, classes, labels):
        total = self.ce(classes[:, 0, :], labels)  # expect: LG001
        for i in range(classes.size(1) - 1):
            total = total + self.ce(classes[:, i + 1, :], labels)  # expect: LG001
        return total


def train(extractor, loader, epochs, lr=1e-3):
    capnet = CapsuleNet(2)
    capsule_loss = CapsuleLoss()
    optimizer = torch.optim.Adam(capnet.parameters(), lr=lr, betas=(0.9, 0.999))
    for _ in range(epochs):
        seen = 0.0
        for images, labels in loader:
            labels[labels > 1] = 1
            optimizer.zero_grad()
            classes, class_ = capnet(extractor(images))
            loss = capsule_loss(classes, labels)
            seen += loss.item()
            loss.backward()
            optimizer.step()
    return capnet
