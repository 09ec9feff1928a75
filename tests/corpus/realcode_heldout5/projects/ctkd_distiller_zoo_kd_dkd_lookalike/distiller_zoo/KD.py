"""part of look-alike project [LG006, LG008, LG009]: DistillKL starts KD_loss = 0 and adds nn.KLDivLoss(reduction='batchmean')(F.log_softmax(y_s/T), F.softmax(y_t/T)) * T * T inside forward, once."""
# Source: zhengli97/CTKD@7d5252241259ae70d38a832371fed9697d15fc14 distiller_zoo/KD.py
# at the commit read (issue #4: why the student gets log_softmax and the teacher softmax; answered with KLDivLoss's convention).
from __future__ import print_function

import torch
import torch.nn as nn
import torch.nn.functional as F


class DistillKL(nn.Module):
    """Distilling the Knowledge in a Neural Network"""
    def __init__(self):
        super(DistillKL, self).__init__()

    def forward(self, y_s, y_t, temp):
        T = temp.cuda()
        
        KD_loss = 0
        KD_loss += nn.KLDivLoss(reduction='batchmean')(F.log_softmax(y_s/T, dim=1),
                                F.softmax(y_t/T, dim=1)) * T * T
        
        return KD_loss
