"""part of look-alike project [LG001, LG006]: test_img sums F.cross_entropy(..., reduction='sum').item() of the global model's outputs over the test set."""
# Source: https://github.com/shaoxiongji/federated-learning models/test.py at 5ffe3e31cbd52ca3042d6af012b0d5fd55352e4f; re-typed, names changed.
import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader


def test_img(net_g, datatest, args):
    net_g.eval()
    test_loss = 0
    correct = 0
    data_loader = DataLoader(datatest, batch_size=args.bs)
    for idx, (data, target) in enumerate(data_loader):
        if args.gpu != -1:
            data, target = data.cuda(), target.cuda()
        log_probs = net_g(data)
        test_loss += F.cross_entropy(log_probs, target, reduction="sum").item()
        y_pred = log_probs.data.max(1, keepdim=True)[1]
        correct += y_pred.eq(target.data.view_as(y_pred)).long().cpu().sum()
    test_loss /= len(data_loader.dataset)
    accuracy = 100.00 * correct / len(data_loader.dataset)
    return accuracy, test_loss
