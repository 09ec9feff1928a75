"""part of positive project [LG007, LG011]: Transformer classifier ending in nn.Softmax() (no dim); the loss is installed from train.py through add_loss_op and called as self.loss_op(self.__call__(x), y)."""
# Source: https://github.com/AnubhavGupta3377/Text-Classification-Models-Pytorch Model_Transformer/model.py
# at b572d960c1450c6c25c5b57aeabc10656699b64d (issue #9: softmax output into NLLLoss); re-typed, names changed, reduced.
import numpy as np
import torch
import torch.nn as nn


class Transformer(nn.Module):
    def __init__(self, config, src_vocab):
        super(Transformer, self).__init__()
        self.config = config
        self.src_embed = nn.Embedding(src_vocab, config.d_model)
        layer = nn.TransformerEncoderLayer(config.d_model, config.h, config.d_ff, config.dropout)
        self.encoder = nn.TransformerEncoder(layer, config.N)
        self.fc = nn.Linear(self.config.d_model, self.config.output_size)
        self.softmax = nn.Softmax()  # expect: LG011

    def forward(self, x):
        embedded = self.src_embed(x.permute(1, 0))
        encoded = self.encoder(embedded)
        last = encoded[:, -1, :]
        out = self.fc(last)
        return self.softmax(out)

    def add_optimizer(self, optimizer):
        self.optimizer = optimizer

    def add_loss_op(self, loss_op):
        self.loss_op = loss_op

    def run_epoch(self, train_iterator, epoch):
        losses = []
        for i, batch in enumerate(train_iterator):
            self.optimizer.zero_grad()
            x = batch.text
            y = (batch.label - 1).type(torch.LongTensor)
            y_pred = self.__call__(x)
            loss = self.loss_op(y_pred, y)  # expect: LG007
            loss.backward()
            losses.append(loss.data.cpu().numpy())
            self.optimizer.step()
        return np.mean(losses)
