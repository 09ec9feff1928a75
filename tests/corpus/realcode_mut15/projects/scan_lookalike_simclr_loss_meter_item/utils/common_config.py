"""part of look-alike project [LG006]: simclr_train logs loss.item() into an AverageMeter before back-propagating the loss; the criterion is the project's own SimCLRLoss picked by get_criterion(p)."""
# Source: wvangansbeke/Unsupervised-Classification@952ec31eee utils/common_config.py (get_criterion; the other factories cut)
# Mutation: none (the original)
import os
import math
import numpy as np
import torch
import torchvision.transforms as transforms
from data.augment import Augment, Cutout
from utils.collate import collate_custom

 
def get_criterion(p):
    if p['criterion'] == 'simclr':
        from losses.losses import SimCLRLoss
        criterion = SimCLRLoss(**p['criterion_kwargs'])

    elif p['criterion'] == 'scan':
        from losses.losses import SCANLoss
        criterion = SCANLoss(**p['criterion_kwargs'])

    elif p['criterion'] == 'confidence-cross-entropy':
        from losses.losses import ConfidenceBasedCE
        criterion = ConfidenceBasedCE(p['confidence_threshold'], p['criterion_kwargs']['apply_class_balancing'])

    else:
        raise ValueError('Invalid criterion {}'.format(p['criterion']))

    return criterion

