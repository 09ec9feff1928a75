"""look-alike [LG001, LG007]: MixMatch sharpens torch.softmax of unlabeled predictions into soft targets; the labeled loss is -mean(sum(F.log_softmax(outputs_x, dim=1) * targets_x)) and the unlabeled loss is MSE between probabilities."""
# Source: https://github.com/YU1ut/MixMatch-pytorch train.py at cc7ef42cffe61288d06eec1428268b384674009a
# (train(), SemiLoss); re-typed, names changed, reduced. Correct code.
import numpy as np
import torch
import torch.nn.functional as F


class SemiLoss(object):
    def __call__(self, outputs_x, targets_x, outputs_u, targets_u, weight):
        probs_u = torch.softmax(outputs_u, dim=1)
        Lx = -torch.mean(torch.sum(F.log_softmax(outputs_x, dim=1) * targets_x, dim=1))
        Lu = torch.mean((probs_u - targets_u) ** 2)
        return Lx, Lu, weight


def train(labeled_loader, unlabeled_loader, model, optimizer, num_classes, T=0.5, alpha=0.75, lambda_u=75):
    criterion = SemiLoss()
    model.train()
    for (inputs_x, targets_x), ((inputs_u, inputs_u2), _) in zip(labeled_loader, unlabeled_loader):
        batch_size = inputs_x.size(0)
        targets_x = torch.zeros(batch_size, num_classes).scatter_(1, targets_x.view(-1, 1).long(), 1)
        with torch.no_grad():
            outputs_u = model(inputs_u)
            outputs_u2 = model(inputs_u2)
            p = (torch.softmax(outputs_u, dim=1) + torch.softmax(outputs_u2, dim=1)) / 2
            pt = p ** (1 / T)
            targets_u = pt / pt.sum(dim=1, keepdim=True)
            targets_u = targets_u.detach()
        all_inputs = torch.cat([inputs_x, inputs_u, inputs_u2], dim=0)
        all_targets = torch.cat([targets_x, targets_u, targets_u], dim=0)
        l = max(np.random.beta(alpha, alpha), 1 - np.random.beta(alpha, alpha))
        idx = torch.randperm(all_inputs.size(0))
        mixed_input = l * all_inputs + (1 - l) * all_inputs[idx]
        mixed_target = l * all_targets + (1 - l) * all_targets[idx]
        logits = model(mixed_input)
        logits_x, logits_u = logits[:batch_size], logits[batch_size:]
        Lx, Lu, w = criterion(logits_x, mixed_target[:batch_size], logits_u, mixed_target[batch_size:], lambda_u)
        loss = Lx + w * Lu
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
