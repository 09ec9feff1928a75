"""positive [LG016]: a report comparing BCELoss and BCEWithLogitsLoss feeds BCELoss an explicit F.sigmoid of the score (BCEWithLogitsLoss on the raw score is the stable form, and the second half of the report)."""
# Source: https://github.com/pytorch/pytorch/issues/2298 (the code the user posted, in the pytorch/pytorch tracker; re-typed, renamed, Variable dropped)
import torch
import torch.nn as nn
import torch.nn.functional as F


def compare():
    criterion = nn.BCELoss()
    w = torch.tensor([0.0], requires_grad=True)
    x = torch.tensor([1.0], requires_grad=True)
    s = w * x
    loss = criterion(F.sigmoid(s), torch.tensor([0.0]))  # expect: LG016
    loss.backward()
    print("BCELoss", loss.item(), w.grad)

    criterion = nn.BCEWithLogitsLoss()
    w = torch.tensor([0.0], requires_grad=True)
    x = torch.tensor([1.0], requires_grad=True)
    s = w * x
    loss = criterion(s, torch.tensor([0.0]))
    loss.backward()
    print("BCEWithLogitsLoss", loss.item(), w.grad)
