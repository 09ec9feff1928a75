"""part of positive project [LG003]: the example script trains DKT on ASSISTments 2009 tensors loaded from .npy files, saves, reloads and reports AUC."""
# Source: bigdata-ustc/EduKTM at f16620e1 (the parent of ac05f9f0 "[fix] fix DKT loss", which answers issue #15 "An error in the implementation of DKT!!"), examples/DKT/DKT.py;
# re-typed, identifiers renamed.
import logging

import numpy as np
import torch
import torch.utils.data as Data

from EduKTM import DKT

NUM_QUESTIONS = 123
BATCH_SIZE = 64
HIDDEN_SIZE = 10
NUM_LAYERS = 1


def get_data_loader(data_path, batch_size, shuffle=False):
    data = torch.FloatTensor(np.load(data_path))
    return Data.DataLoader(data, batch_size=batch_size, shuffle=shuffle)


train_loader = get_data_loader('../../data/2009_skill_builder_data_corrected/train_data.npy', BATCH_SIZE, True)
test_loader = get_data_loader('../../data/2009_skill_builder_data_corrected/test_data.npy', BATCH_SIZE, False)
logging.getLogger().setLevel(logging.INFO)

dkt = DKT(NUM_QUESTIONS, HIDDEN_SIZE, NUM_LAYERS)
dkt.train(train_loader, epoch=2)
dkt.save("dkt.params")
dkt.load("dkt.params")
auc = dkt.eval(test_loader)
print("auc: %.6f" % auc)
