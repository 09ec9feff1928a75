"""part of look-alike project [LG003, LG006, LG016]: training helpers: a class-balanced cross entropy written by hand on clamped probabilities, an inverted-Gaussian L1 penalty on the lateral weights, and CombinedLoss, which applies torch.sigmoid to the predictions when its sigmoid_predictions flag is set and then calls the criterion it was given."""
# Source: salkhan23/contour_integration_pytorch at d2906f0d ("turn off double sigmoid"), train_utils.py; re-typed, identifiers renamed; plotting, the attention
# variant of the class-balanced loss, the weight-norm penalties and the Gaussian kernel helper shortened.
import torch

import utils


class ClassBalancedCE(torch.nn.Module):
    def __init__(self):
        super(ClassBalancedCE, self).__init__()

    def forward(self, outputs, targets):
        outputs = torch.clamp(outputs, 1e-6, 1 - 1e-6)
        n_total = targets.shape[0] * targets.shape[1] * targets.shape[2] * targets.shape[3]
        n_non_contours = torch.nonzero(targets).shape[0]
        alpha = n_non_contours / n_total
        pos = -targets * alpha * torch.log(outputs)
        neg = (targets - 1) * (1 - alpha) * torch.log(1 - outputs)
        return torch.sum(pos + neg) / outputs.shape[0]


class GaussianMaskL1(torch.nn.Module):
    def __init__(self, e_mask_size, i_mask_size, mask_width):
        super(GaussianMaskL1, self).__init__()
        self.register_buffer('mask_e', torch.from_numpy(1 - utils.get_2d_gaussian_kernel(e_mask_size, mask_width)))
        self.register_buffer('mask_i', torch.from_numpy(1 - utils.get_2d_gaussian_kernel(e_mask_size, mask_width)))

    def forward(self, weight_e, weight_i):
        return (self.mask_e * weight_e).abs().sum() + (self.mask_i * weight_i).abs().sum()


class CombinedLoss(torch.nn.Module):
    def __init__(self, criterion=torch.nn.BCEWithLogitsLoss, sigmoid_predictions=False, sparsity_loss_fcn=None,
                 sparsity_loss_weight=0):
        super(CombinedLoss, self).__init__()
        if isinstance(criterion, ClassBalancedCE) and not sigmoid_predictions:
            raise Exception("{} requires sigmoided outputs but sigmoid_predictions is False".format(type(criterion)))
        if sparsity_loss_fcn is not None and sparsity_loss_weight == 0:
            raise Exception("Sparsity Loss function specified without providing loss weight")
        self.criterion = criterion
        self.sigmoid_predictions = sigmoid_predictions
        self.sparsity_loss_fcn = sparsity_loss_fcn
        self.sparsity_loss_weight = sparsity_loss_weight

    def forward(self, label_out, label, weight_e=None, weight_i=None):
        if self.sigmoid_predictions:
            label_out = torch.sigmoid(label_out)
        criteria_loss = self.criterion(label_out, label)
        sparsity_loss = 0
        if self.sparsity_loss_fcn is not None:
            sparsity_loss = self.sparsity_loss_weight * self.sparsity_loss_fcn(weight_e, weight_i)
        return criteria_loss + sparsity_loss
