"""part of positive project [LG005, LG016]: the GAN zoo's loss wrappers apply the discriminator's activation inside getCriterion; the 'DCGAN' wrapper applies torch.sigmoid to the (N, 1) decision column and compares it with an (N,) reference in F.binary_cross_entropy (the 'MSE' wrapper builds an (N, 1) reference)."""
# Source: facebookresearch/pytorch_GAN_zoo@b75dee40918caabb4fe7ec561522717bf096a8cb models/loss_criterions/base_loss_criterions.py (read as is; re-typed, identifiers renamed, the docstrings shortened)
import torch
import torch.nn.functional as F


class BaseLossWrapper:
    def __init__(self, device):
        self.device = device

    def getCriterion(self, input, status):
        pass


class MSE(BaseLossWrapper):
    def __init__(self, device):
        self.generationActivation = F.tanh
        self.sizeDecisionLayer = 1
        BaseLossWrapper.__init__(self, device)

    def getCriterion(self, input, status):
        size = input.size()[0]
        value = float(status)
        reference = torch.tensor([value]).expand(size, 1).to(self.device)
        return F.mse_loss(F.sigmoid(input[:, :self.sizeDecisionLayer]), reference)


class WGANGP(BaseLossWrapper):
    def __init__(self, device):
        self.generationActivation = None
        self.sizeDecisionLayer = 1
        BaseLossWrapper.__init__(self, device)

    def getCriterion(self, input, status):
        if status:
            return -input[:, 0].sum()
        return input[:, 0].sum()


class Logistic(BaseLossWrapper):
    def __init__(self, device):
        self.generationActivation = None
        self.sizeDecisionLayer = 1
        BaseLossWrapper.__init__(self, device)

    def getCriterion(self, input, status):
        if status:
            return F.softplus(-input[:, 0]).mean()
        return F.softplus(input[:, 0]).mean()


class DCGAN(BaseLossWrapper):
    def __init__(self, device):
        self.generationActivation = F.tanh
        self.sizeDecisionLayer = 1
        BaseLossWrapper.__init__(self, device)

    def getCriterion(self, input, status):
        size = input.size()[0]
        value = int(status)
        reference = torch.tensor([value], dtype=torch.float).expand(size).to(self.device)
        return F.binary_cross_entropy(torch.sigmoid(input[:, :self.sizeDecisionLayer]), reference)  # expect: LG005, LG016
