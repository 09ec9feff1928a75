"""part of positive project [LG003, LG001]: ASTModel.forward ends in torch.sigmoid (the mutation); train() picks BCEWithLogitsLoss or CrossEntropyLoss by args.loss and calls it under isinstance(loss_fn, torch.nn.CrossEntropyLoss) / else."""
# Source: YuanGongND/ast@31088be8a3 src/models/__init__.py (as is)
# Mutation: ASTModel.forward returns torch.sigmoid(self.mlp_head(x)) (was self.mlp_head(x)) in models/ast_models.py
# -*- coding: utf-8 -*-
# @Time    : 6/19/21 4:31 PM
# @Author  : Yuan Gong
# @Affiliation  : Massachusetts Institute of Technology
# @Email   : yuangong@mit.edu
# @File    : __init__.py

from .ast_models import *