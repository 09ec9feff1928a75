"""positive [LG016]: a comment on a numerical-stability issue measures BCELoss(sigmoid(x)) against BCEWithLogitsLoss(x) over random tensors without gradients; the sigmoid-then-BCELoss term is the fragile form the rule reports (info), and the lists of losses hold no graph."""
# Source: pytorch/pytorch issue #24933 "BCELossWithLogits(input) != BCELoss(Sigmoid(input))" (the comparison function from a comment, as posted, two-space indentation kept; re-typed, names renamed; cut where the post's text read ends, after the two torch.tensor conversions)
import torch
import torch.nn as nn

def compare_bce_sigmoid_vs_logits(device):
  use_grad = False
  sizes = [2**exponent for exponent in range(10, 15)]

  print("tensor_size (x,y): mean_logits_loss, mean_sigmoid_loss, mean_loss_diff")
  print("---------")
  for rows in sizes:
    for cols in sizes:
      with_logits = []
      with_sigmoid = []
      for _ in range(5):
        goal = torch.rand(cols, rows, requires_grad=use_grad, dtype=torch.float32, device=device)
        pre = goal - 0.5

        with_logits.append(nn.BCEWithLogitsLoss()(pre, goal))
        with_sigmoid.append(nn.BCELoss()(torch.sigmoid(pre), goal))  # expect: LG016

      with_logits = torch.tensor(with_logits, device=device)
      with_sigmoid = torch.tensor(with_sigmoid, device=device)
