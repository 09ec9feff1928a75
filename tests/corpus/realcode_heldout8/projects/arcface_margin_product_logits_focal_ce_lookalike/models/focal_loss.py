"""part of look-alike project [LG001, LG013]: models/focal_loss.py of arcface-pytorch."""
# Source: ronghuaiyang/arcface-pytorch@47ace80b128042cd8d2efd408f55c5a3e156b032 models/focal_loss.py (read as is)
# -*- coding: utf-8 -*-
"""
Created on 18-6-7 上午10:11

@author: ronghuaiyang
"""

import torch
import torch.nn as nn


class FocalLoss(nn.Module):

    def __init__(self, gamma=0, eps=1e-7):
        super(FocalLoss, self).__init__()
        self.gamma = gamma
        self.eps = eps
        self.ce = torch.nn.CrossEntropyLoss()

    def forward(self, input, target):
        logp = self.ce(input, target)
        p = torch.exp(-logp)
        loss = (1 - p) ** self.gamma * logp
        return loss.mean()
