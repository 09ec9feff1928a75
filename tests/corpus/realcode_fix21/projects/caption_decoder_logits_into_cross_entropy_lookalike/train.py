"""part of look-alike project [LG001, LG011]: the script star-imports the models and the solver and hands the solver a CrossEntropyLoss."""

# Source: daveredrum/3d-captioning@4dfc5ee5e2 train.py (the second fix commit; cut, renamed)
import numpy as np
import pandas
import torch
import torch.nn as nn
import torch.optim as optim
from torch.utils.data import DataLoader

from data import *
from models import *
from solver import *


def main():
    captions = Caption(pandas.read_csv("captions.tablechair.csv").iloc[:200])
    captions.preprocess()
    train_dl = DataLoader(PipelineDataset(captions.transformed.iloc[:100]), batch_size=50)
    valid_dl = DataLoader(PipelineDataset(captions.transformed.iloc[100:200]), batch_size=50)
    dataloader = {"train": train_dl, "valid": valid_dl}
    encoder = torch.load("data/encoder.pth").cuda()
    decoder = Decoder(len(captions.dict_word2idx) + 1, 512, 2).cuda()
    params = list(decoder.parameters()) + list(encoder.conv_layer.parameters()) + list(encoder.fc_layer.parameters())
    optimizer = optim.Adam(params, lr=0.001)
    criterion = nn.CrossEntropyLoss()
    solver = EncoderDecoderSolver(optimizer, criterion)
    solver.train(encoder, decoder, dataloader, 2000, 10)
    np.save("data/decoder_log.npy", solver.log)


if __name__ == "__main__":
    main()
