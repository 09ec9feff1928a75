"""part of positive project [LG007, LG011]: builds the model, an Adam optimizer and nn.NLLLoss, installs them with add_optimizer/add_loss_op and runs the epochs."""
# Source: https://github.com/AnubhavGupta3377/Text-Classification-Models-Pytorch Model_Transformer/train.py
# (issue #9); re-typed, names changed, reduced.
import torch.nn as nn
import torch.optim as optim
from model import Transformer


class Config:
    d_model, h, d_ff, N, dropout, output_size, lr, max_epochs = 256, 8, 512, 1, 0.1, 4, 3e-4, 35


if __name__ == "__main__":
    config = Config()
    train_iterator = []
    model = Transformer(config, 30000)
    optimizer = optim.Adam(model.parameters(), lr=config.lr)
    nll = nn.NLLLoss()
    model.add_optimizer(optimizer)
    model.add_loss_op(nll)
    for epoch in range(config.max_epochs):
        model.run_epoch(train_iterator, epoch)
