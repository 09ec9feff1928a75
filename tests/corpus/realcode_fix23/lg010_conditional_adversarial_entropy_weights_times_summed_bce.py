"""positive [LG010]: the randomized conditional adversarial loss weighs its domain classifier's BCE by each sample's entropy weight, but builds nn.BCELoss(size_average=False), a sum over the batch, so every weight multiplies the same scalar (the fix, titled "revised", takes nn.BCELoss(reduction='none') and normalises the per-sample weights)."""

# Source: thuml/CDAN@4d45347398 pytorch/src/loss.py, fixed in d9e88f0c05 (cut, renamed)
import numpy as np
import torch
import torch.nn as nn


def entropy_of(input_):
    epsilon = 1e-5
    entropy = -input_ * torch.log(input_ + epsilon)
    return torch.sum(entropy, dim=1)


def grl_hook(coeff):
    def fun1(grad):
        return -coeff * grad.clone()

    return fun1


def conditional_adversarial_random(input_list, ad_net, random_layer, entropy=None, coeff=None):
    softmax_output = input_list[1]
    feature = input_list[0]
    random_out_list = random_layer.forward([feature, softmax_output])
    random_out = random_out_list[0]
    for random_single_out in random_out_list[1:]:
        random_out = torch.mul(random_out, random_single_out)
    ad_out = ad_net(random_out.view(-1, random_out.size(1)))
    batch_size = softmax_output.size(0) // 2
    dc_target = torch.from_numpy(np.array([[1]] * batch_size + [[0]] * batch_size)).float().cuda()
    if entropy is not None:
        entropy.register_hook(grl_hook(coeff))
        entropy = 1.0 + torch.exp(-entropy)
        return torch.mean(entropy * nn.BCELoss(size_average=False)(ad_out, dc_target))  # expect: LG010
    else:
        return nn.BCELoss()(ad_out, dc_target)
