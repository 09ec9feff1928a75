"""part of positive project [LG010]: the crowd-counting course code's LossFunction builds nn.MSELoss(size_average=self.size_average) for every image of the batch (True by default, set to False for CSRNet, VGG and the other dilated nets), sums the per-image losses and divides by 2 * batch size; SANet adds an SSIM term."""
# Source: FDU-VTS/CVCode at e9576dfb (read as is), Deep-Learning/Crowd-Count/src/utils/utils.py;
# re-typed, identifiers renamed; weights_normal_init shortened. src.utils.ssim is not included.
import torch
import torch.nn as nn

from src.utils.ssim import SSIM


class LossFunction:
    def __init__(self, model):
        self.size_average = True
        self.model = model

    def _sa_loss(self, output, ground_truth):
        loss = self._get_loss(output, ground_truth)
        ground_truth = torch.unsqueeze(ground_truth, 0)
        ssim_loss = SSIM()
        loss += 0.001 * (1 - ssim_loss(output, ground_truth))
        return loss

    def _get_loss(self, output, ground_truth):
        number = len(output)
        loss_function = nn.MSELoss(size_average=self.size_average)  # expect: LG010
        loss = 0.0
        for i in range(number):
            loss += loss_function(output[i], ground_truth[i])
        return loss / (2 * number)

    def _get_test_loss(self, output, ground_truth):
        sum_output = torch.sum(output)
        sum_gt = torch.sum(ground_truth)
        mae = abs(sum_output - sum_gt)
        mse = (sum_output - sum_gt) * (sum_output - sum_gt)
        return mae, mse

    def __call__(self, output, ground_truth):
        if self.model == "sa_net":
            return self._sa_loss(output, ground_truth)
        elif self.model == "test":
            return self._get_test_loss(output, ground_truth)
        elif self.model in ["csr_net", "vgg", "rfb_net", "cbam_net", "big_net"]:
            self.size_average = False
            return self._get_loss(output, ground_truth)
        else:
            return self._get_loss(output, ground_truth)


def weights_normal_init(model, dev=0.01):
    if isinstance(model, list):
        for m in model:
            weights_normal_init(m, dev)
    else:
        for m in model.modules():
            if isinstance(m, nn.Conv2d):
                m.weight.data.normal_(0.0, dev)
    return model
