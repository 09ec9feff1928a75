"""part of positive project [LG006]: the base class of the recommenders declares forward, train_one_epoch and predict."""
# Source: khanhnamle1994/transfer-rec at b5e36cb5 (read as is), Autoencoders-Experiments/CDAE-PyTorch/BaseModel.py;
# re-typed, docstrings cut.
import torch.nn as nn


class BaseModel(nn.Module):
    def __init__(self):
        super(BaseModel, self).__init__()

    def forward(self, *input):
        pass

    def train_one_epoch(self, *input):
        pass

    def predict(self, eval_users, eval_pos, test_batch_size):
        pass
