"""part of positive project [LG003, LG010]: get_net builds the network named by --arch through importlib and hands it the criterion that loss.get_loss built."""
# Source: nv-tlabs/GSCNN@edd16c5d3f346a0ec009cec539fbcaf6d79b5111 network/__init__.py (read as is, its issue #62 "Potential bugs for edge loss" is open; re-typed, identifiers renamed)
import importlib
import logging

import torch


def get_net(args, criterion):
    model = get_model(arch=args.arch, n_classes=args.dataset_cls.num_classes,
                      criterion=criterion, trunk=args.trunk)
    n_params = sum([p.nelement() for p in model.parameters()])
    logging.info('Model params = {:2.1f}M'.format(n_params / 1000000))
    model = model.cuda()
    model = torch.nn.DataParallel(model)
    return model


def get_model(arch, n_classes, criterion, trunk):
    mod_name = arch[:arch.rfind('.')]
    cls_name = arch[arch.rfind('.') + 1:]
    module = importlib.import_module(mod_name)
    builder = getattr(module, cls_name)
    return builder(num_classes=n_classes, trunk=trunk, criterion=criterion)
