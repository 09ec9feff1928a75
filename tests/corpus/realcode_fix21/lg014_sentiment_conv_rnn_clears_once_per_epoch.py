"""positive [LG014]: the sentiment conv-RNN trainer clears the gradients once per epoch, before its batch loop, which back-propagates, clips and steps every batch (the fix, "Fix misplaced zero_grad()", clears inside the batch loop)."""

# Source: castorini/Castor@8fd1ddcb4c conv_rnn/train.py, fixed in 7957dc7638 (cut, renamed)
import torch
import torch.nn as nn
from torch import utils

import data
import model


def train(**kwargs):
    mbatch_size = kwargs["mbatch_size"]
    n_epochs = kwargs["n_epochs"]
    gradient_clip = kwargs["gradient_clip"]
    conv_rnn = model.ConvRNNModel(kwargs["word_model"], **kwargs)
    conv_rnn.train()
    criterion = nn.CrossEntropyLoss()
    parameters = list(filter(lambda p: p.requires_grad, conv_rnn.parameters()))
    optimizer = torch.optim.Adadelta(parameters, lr=kwargs["lr"], weight_decay=kwargs["weight_decay"])
    train_set, dev_set, test_set = data.SSTDataset.load_sst_sets("data")
    train_loader = utils.data.DataLoader(train_set, shuffle=True, batch_size=mbatch_size, collate_fn=conv_rnn.convert_dataset)
    dev_loader = utils.data.DataLoader(dev_set, batch_size=len(dev_set), collate_fn=conv_rnn.convert_dataset)

    def evaluate(loader, dev=True):
        conv_rnn.eval()
        for m_in, m_out in loader:
            scores = conv_rnn(m_in)
            loss = criterion(scores, m_out)
            accuracy = (torch.max(scores, 1)[1].view(m_in.size(0)).data == m_out.data).sum() / m_in.size(0)
            if dev and accuracy > evaluate.best_dev:
                evaluate.best_dev = accuracy
                torch.save(conv_rnn, kwargs["output_file"])
            print("{} set accuracy: {}, loss: {}".format("dev" if dev else "test", accuracy, loss.cpu().data[0]))
        conv_rnn.train()

    evaluate.best_dev = 0
    for epoch in range(n_epochs):
        optimizer.zero_grad()
        i = 0
        for j, (train_in, train_out) in enumerate(train_loader):
            scores = conv_rnn(train_in)
            loss = criterion(scores, train_out)
            loss.backward()
            torch.nn.utils.clip_grad_norm(parameters, gradient_clip)
            optimizer.step()  # expect: LG014
            i += mbatch_size
            if i % (mbatch_size * 256) == 0:
                evaluate(dev_loader)
    return evaluate.best_dev
