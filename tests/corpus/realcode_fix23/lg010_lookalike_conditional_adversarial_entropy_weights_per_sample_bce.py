"""look-alike [LG010]: the same randomized conditional adversarial loss at the fix commit: per-sample nn.BCELoss(reduction='none') weighted by the normalised source and target entropy weights."""

# Source: thuml/CDAN@d9e88f0c05 pytorch/src/loss.py (the fix commit; cut, renamed)
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
        source_mask = torch.ones_like(entropy)
        source_mask[feature.size(0) // 2 :] = 0
        source_weight = entropy * source_mask
        target_mask = torch.ones_like(entropy)
        target_mask[0 : feature.size(0) // 2] = 0
        target_weight = entropy * target_mask
        weight = source_weight / torch.sum(source_weight).detach().item() + target_weight / torch.sum(target_weight).detach().item()
        return torch.sum(weight.view(-1, 1) * nn.BCELoss(reduction="none")(ad_out, dc_target)) / torch.sum(weight).detach().item()
    else:
        return nn.BCELoss()(ad_out, dc_target)
