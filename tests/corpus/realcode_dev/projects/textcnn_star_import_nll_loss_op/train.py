"""part of positive project [LG007, LG011]: `from model import *`; under __main__ builds TextCNN, SGD and nn.NLLLoss and installs them with add_optimizer / add_loss_op."""
# Source: https://github.com/AnubhavGupta3377/Text-Classification-Models-Pytorch Model_TextCNN/train.py at
# 3e53e7c4bdb850374a7d5ba06331f6923f9bb4c5; re-typed, names changed, reduced.
import torch
import torch.optim as optim
from config import Config
from model import *
from torch import nn
from utils import Dataset

if __name__ == "__main__":
    config = Config()
    dataset = Dataset(config)
    dataset.load_data("../data/glove.840B.300d.txt", "../data/ag_news.train", "../data/ag_news.test")
    model = TextCNN(config, len(dataset.vocab), dataset.word_embeddings)
    model.train()
    optimizer = optim.SGD(model.parameters(), lr=config.lr)
    NLLLoss = nn.NLLLoss()
    model.add_optimizer(optimizer)
    model.add_loss_op(NLLLoss)
    for i in range(config.max_epochs):
        train_loss = model.run_epoch(dataset.train_iterator, dataset.val_iterator, i)
