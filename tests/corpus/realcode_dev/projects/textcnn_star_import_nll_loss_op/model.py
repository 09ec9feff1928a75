"""part of positive project [LG007, LG011]: TextCNN ends in self.softmax = nn.Softmax() (no dim); the loss is installed later through add_loss_op and called as self.loss_op(self.__call__(x), y) in run_epoch."""
# Source: https://github.com/AnubhavGupta3377/Text-Classification-Models-Pytorch Model_TextCNN/model.py at
# 3e53e7c4bdb850374a7d5ba06331f6923f9bb4c5 (the same bug as issue #9 in the repository's Transformer model); re-typed,
# names changed, reduced.
import numpy as np
import torch
from torch import nn


class TextCNN(nn.Module):
    def __init__(self, config, vocab_size, word_embeddings):
        super(TextCNN, self).__init__()
        self.config = config
        self.embeddings = nn.Embedding(vocab_size, self.config.embed_size)
        self.embeddings.weight = nn.Parameter(word_embeddings, requires_grad=False)
        self.conv1 = nn.Conv2d(self.config.in_channels, self.config.num_channels, kernel_size=(3, self.config.embed_size))
        self.activation1 = nn.ReLU()
        self.max_out1 = nn.MaxPool1d(self.config.max_sen_len - 3 + 1)
        self.dropout = nn.Dropout(self.config.dropout_keep)
        self.fc = nn.Linear(self.config.num_channels, self.config.output_size)
        self.softmax = nn.Softmax()  # expect: LG011

    def forward(self, x):
        embedded_sent = self.embeddings(x).permute(1, 0, 2).unsqueeze(1)
        conv_out1 = self.conv1(embedded_sent).squeeze(3)
        max_out1 = self.max_out1(self.activation1(conv_out1)).squeeze(2)
        final_feature_map = self.dropout(max_out1)
        final_out = self.fc(final_feature_map)
        return self.softmax(final_out)

    def add_optimizer(self, optimizer):
        self.optimizer = optimizer

    def add_loss_op(self, loss_op):
        self.loss_op = loss_op

    def run_epoch(self, train_iterator, val_iterator, epoch):
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
