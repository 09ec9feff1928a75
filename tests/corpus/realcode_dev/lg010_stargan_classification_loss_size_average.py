"""positive [LG010]: StarGAN's classification_loss picks F.binary_cross_entropy_with_logits(logit, target, size_average=False) / batch for CelebA attributes or F.cross_entropy for RaFD, by a dataset argument."""
# Source: https://github.com/yunjey/stargan solver.py at 94dd002e93a2863d9b987a937b85925b80f7a19f (found by this
# survey); re-typed, names changed, reduced.
import torch
import torch.nn.functional as F


class Solver(object):
    def __init__(self, D, d_optimizer, lambda_cls=1.0, dataset="CelebA"):
        self.D = D
        self.d_optimizer = d_optimizer
        self.lambda_cls = lambda_cls
        self.dataset = dataset

    def classification_loss(self, logit, target, dataset="CelebA"):
        if dataset == "CelebA":
            return F.binary_cross_entropy_with_logits(logit, target, size_average=False) / logit.size(0)  # expect: LG010
        elif dataset == "RaFD":
            return F.cross_entropy(logit, target)

    def train_d(self, x_real, label_org):
        out_src, out_cls = self.D(x_real)
        d_loss_real = -torch.mean(out_src)
        d_loss_cls = self.classification_loss(out_cls, label_org, self.dataset)
        d_loss = d_loss_real + self.lambda_cls * d_loss_cls
        self.d_optimizer.zero_grad()
        d_loss.backward()
        self.d_optimizer.step()
        return d_loss.item()
