"""positive [LG014]: temperature scaling fits its one temperature with LBFGS, whose step() evaluates the closure up to max_iter (50) times; the closure back-propagates the NLL and never clears the gradient, so every evaluation adds to the last (the fix calls optimizer.zero_grad() first in the closure)."""

# Source: gpleiss/temperature_scaling@a474b23f69 temperature_scaling.py, fixed in 126a50975e (cut, renamed)
import torch
from torch import nn, optim
from torch.nn import functional as F


class ModelWithTemperature(nn.Module):
    def __init__(self, model):
        super().__init__()
        self.model = model
        self.temperature = nn.Parameter(torch.ones(1) * 1.5)

    def forward(self, input):
        logits = self.model(input)
        return self.temperature_scale(logits)

    def temperature_scale(self, logits):
        temperature = self.temperature.unsqueeze(1).expand(logits.size(0), logits.size(1))
        return logits / temperature

    def set_temperature(self, valid_loader):
        self.cuda()
        nll_criterion = nn.CrossEntropyLoss().cuda()
        logits_list = []
        labels_list = []
        with torch.no_grad():
            for input, label in valid_loader:
                logits_list.append(self.model(input.cuda()))
                labels_list.append(label)
            logits = torch.cat(logits_list).cuda()
            labels = torch.cat(labels_list).cuda()
        before_temperature_nll = nll_criterion(logits, labels).item()
        print("Before temperature - NLL: %.3f" % before_temperature_nll)

        optimizer = optim.LBFGS([self.temperature], lr=0.01, max_iter=50)

        def eval():
            loss = nll_criterion(self.temperature_scale(logits), labels)
            loss.backward()
            return loss

        optimizer.step(eval)  # expect: LG014
        after_temperature_nll = nll_criterion(self.temperature_scale(logits), labels).item()
        print("Optimal temperature: %.3f, NLL: %.3f" % (self.temperature.item(), after_temperature_nll))
        return self


def ece(logits, labels, n_bins=15):
    confidences, predictions = torch.max(F.softmax(logits, dim=1), 1)
    return (predictions.eq(labels).float() - confidences).abs().mean()
