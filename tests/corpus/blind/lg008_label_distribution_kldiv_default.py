"""positive [LG008, LG009]: age-estimation (label distribution learning) feeds softmax probabilities to nn.KLDivLoss() built with the default reduction."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torchvision.models import resnet18

N_AGES = 101


def gaussian_label(age, sigma=2.0):
    ages = torch.arange(N_AGES, dtype=torch.float32)
    d = torch.exp(-((ages[None, :] - age[:, None].float()) ** 2) / (2 * sigma ** 2))
    return d / d.sum(dim=1, keepdim=True)


class AgeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = resnet18(weights=None)
        self.backbone.fc = nn.Linear(512, N_AGES)

    def forward(self, x):
        return self.backbone(x)


def train(loader, epochs=60, device="cuda"):
    model = AgeNet().to(device)
    kl = nn.KLDivLoss()  # expect: LG009
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    ages = torch.arange(N_AGES, dtype=torch.float32, device=device)
    for epoch in range(epochs):
        mae_sum, n = 0.0, 0
        for img, age in loader:
            img, age = img.to(device), age.to(device)
            pred_dist = F.softmax(model(img), dim=1)
            target_dist = gaussian_label(age).to(device)
            loss = kl(pred_dist, target_dist)  # expect: LG008
            opt.zero_grad()
            loss.backward()
            opt.step()
            expected_age = (pred_dist.detach() * ages).sum(1)
            mae_sum += (expected_age - age.float()).abs().sum().item()
            n += age.numel()
        print(f"epoch {epoch}: MAE {mae_sum / n:.2f} (sqrt-lr {math.sqrt(opt.param_groups[0]['lr']):.3f})")
