"""look-alike [LG015]: a bug report prints the shape of F.mse_loss(..., reduction='none') on a tensor that requires grad; nothing back-propagates the unreduced loss."""
# Source: https://github.com/pytorch/pytorch/issues/10009 "mse_loss reduction='none' is ignored when required_grads is True" (the description's code example, as posted)
import torch
x = torch.zeros((4, 5, 2))
print('Good', torch.nn.functional.mse_loss(x, x, reduction='none').shape)
x.requires_grad = True
print('Bad', torch.nn.functional.mse_loss(x, x, reduction='none').shape)
