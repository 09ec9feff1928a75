"""part of look-alike project [LG006, LG012, LG014]: the script imports CTCLoss from warpctc_pytorch (raw activations in, softmax inside), builds the captcha model and Adam, and sums the float losses CTCtrain / CTCevaluate return over each epoch."""
# Source: airaria/CaptchaRecognition at 48df533d (read as is), ctcmain.py;
# re-typed, identifiers renamed; the plotting after training cut. data_utils_torch.load_dataset is not included.
import os

import numpy as np
import torch
from torch import optim
from torch.autograd import Variable
from warpctc_pytorch import CTCLoss

from ctcmodel import CTCModel, CTCevaluate, CTCtrain
from data_utils_torch import load_dataset

if __name__ == "__main__":
    BATCH_SIZE = 64
    HIDDEN_SIZE = 128
    NUM_RNN_LAYERS = 1
    DROPOUT = 0.2
    LR = 0.0003
    CLIP = 10.
    NUM_EPOCHS = 100
    PRINT_EVERY = 100
    TEST_SIZE = 8192

    USE_CUDA = torch.cuda.is_available()
    dl_train, dl_test, vocab = load_dataset(batch_size=BATCH_SIZE, test_size=TEST_SIZE, total_size=None)

    END = vocab["token2id"]["$"]
    VOCAB_SIZE = len(vocab["token2id"]) - 2  # "^" is the blank

    net = CTCModel(output_size=VOCAB_SIZE, num_rnn_layers=NUM_RNN_LAYERS, rnn_hidden_size=HIDDEN_SIZE, dropout=DROPOUT)
    if USE_CUDA:
        net.cuda()

    params = list(filter(lambda p: p.requires_grad, net.parameters()))
    optimizer = optim.Adam(params, lr=LR)
    criterion = CTCLoss()

    epoch_train_loss = []
    batch_train_loss = []
    test_loss = []
    for epoch in range(1, NUM_EPOCHS + 1):
        loss = accuracy = 0
        recent_loss = recent_acc = 0
        for it, (x, y) in enumerate(dl_train):
            vx = Variable(x)
            y = y[:, 1:].type(torch.IntTensor)
            vy = Variable(y[y < END - 1].contiguous())
            lens = Variable(torch.from_numpy((np.where(y.numpy() == END)[1]).astype(np.int32)))

            step_loss, step_acc = CTCtrain(vx, vy, lens, net, optimizer, criterion, CLIP, use_cuda=USE_CUDA)
            loss += step_loss
            accuracy += step_acc
            recent_loss += step_loss
            recent_acc += step_acc
            if (it + 1) % PRINT_EVERY == 0:
                recent_loss /= PRINT_EVERY
                recent_acc /= PRINT_EVERY
                print("recent batches:\nloss {}\naccuracy {}".format(recent_loss, recent_acc))
                batch_train_loss.append(recent_loss)
                recent_loss = recent_acc = 0

        epoch_train_loss.append(loss / len(dl_train))

        loss = accuracy = 0
        for it, (x, y) in enumerate(dl_test):
            vx = Variable(x)
            y = y[:, 1:].type(torch.IntTensor)
            vy = Variable(y[y < END - 1].contiguous())
            lens = Variable(torch.from_numpy((np.where(y.numpy() == END)[1]).astype(np.int32)))
            step_loss, step_acc, decoded = CTCevaluate(vx, vy, lens, net, criterion, CLIP, use_cuda=USE_CUDA)
            loss += step_loss
            accuracy += step_acc
        test_loss.append(loss / len(dl_test))
        print("test loss: {}".format(test_loss[-1]))
