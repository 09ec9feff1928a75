"""positive [LG010]: F.nll_loss(..., size_average=False) in a PyTorch-0.3-era test loop, plus nn.BCELoss(size_average=True) in the same file."""
import torch
import torch.nn as nn
import torch.nn.functional as F

aux_criterion = nn.BCELoss(size_average=True)  # expect: LG010


def test(model, loader):
    model.eval()
    test_loss = 0
    correct = 0
    with torch.no_grad():
        for data, target in loader:
            output = model(data)
            test_loss += F.nll_loss(output, target, size_average=False).item()  # expect: LG010
            pred = output.max(1, keepdim=True)[1]
            correct += pred.eq(target.view_as(pred)).sum().item()
    test_loss /= len(loader.dataset)
    return test_loss, correct
