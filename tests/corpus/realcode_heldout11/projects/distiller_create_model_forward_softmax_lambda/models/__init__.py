"""part of positive project [LG001]: create_model builds a torchvision or CIFAR-10 classifier by name, then replaces its forward with a lambda that applies nn.Softmax(dim=1) to the original forward's logits."""
# Source: IntelLabs/distiller@d181923edb3549129f921ec7d8181ea122450d17 models/__init__.py (the parent of 7221c3cc "Bug fix: remove softmax layer from model loading code": "CrossEntropyLoss implicitly computes softmax on the logits it receives"; re-typed, identifiers renamed, the docstring and the log messages shortened)
import logging

import torch
import torchvision.models as torch_models
import models.cifar10 as cifar10_models
import models.imagenet as imagenet_extra_models

msglogger = logging.getLogger()

IMAGENET_MODEL_NAMES = sorted(name for name in torch_models.__dict__
                              if name.islower() and not name.startswith("__")
                              and callable(torch_models.__dict__[name]))
CIFAR10_MODEL_NAMES = sorted(name for name in cifar10_models.__dict__
                             if name.islower() and not name.startswith("__")
                             and callable(cifar10_models.__dict__[name]))
ALL_MODEL_NAMES = sorted(set(IMAGENET_MODEL_NAMES + CIFAR10_MODEL_NAMES))


def create_model(pretrained, dataset, arch, parallel=True, device_ids=None):
    net = None
    if dataset == 'imagenet':
        if arch in torch_models.__dict__:
            net = torch_models.__dict__[arch](pretrained=pretrained)
        else:
            assert not pretrained, "Model %s (ImageNet) does not have a pretrained model" % arch
            net = imagenet_extra_models.__dict__[arch]()
    elif dataset == 'cifar10':
        assert arch in cifar10_models.__dict__, "Model %s is not supported for dataset CIFAR10" % arch
        assert not pretrained, "Model %s (CIFAR10) does not have a pretrained model" % arch
        net = cifar10_models.__dict__[arch]()
    else:
        print("FATAL ERROR: create_model does not support models for dataset %s" % dataset)
        exit()

    if (arch.startswith('alexnet') or arch.startswith('vgg')) and parallel:
        net.features = torch.nn.DataParallel(net.features, device_ids=device_ids)
    elif parallel:
        net = torch.nn.DataParallel(net, device_ids=device_ids)

    # add a softmax layer, handy when exporting to ONNX
    net.original_forward = net.forward
    softmax = torch.nn.Softmax(dim=1)
    net.forward = lambda x: softmax(net.original_forward(x))
    net.cuda()
    return net
