"""part of positive project [LG006]: the Tang-poetry training loop: shifted character targets, CrossEntropyLoss on the flattened logits, the loss tensor added to total_loss before backward() and step(), the running mean printed and total_loss reset every 20 batches; a checkpoint per epoch."""
# Source: goodboyyes2009/Pytorch_Study at 2cfdbfa5, rnn/chinese_poetry_rnn/main.py; re-typed, identifiers renamed; the generation functions, the
# commented-out sampling block and the command-line entry cut; config.py, data.py and utils.py not reproduced.
import os

import torch
import torch.nn as nn
from torch.autograd import Variable
from torch.utils.data import DataLoader

from rnn.chinese_poetry_rnn.config import Config
from rnn.chinese_poetry_rnn.data import Tokenization
from rnn.chinese_poetry_rnn.model import PoetryLSTM
from rnn.chinese_poetry_rnn.utils import *

conf = Config()
device = get_device()


def train(**kwargs):
    for k, v in kwargs.items():
        setattr(conf, k, v)
    tokenizer = Tokenization(conf)
    data = torch.from_numpy(tokenizer.encode())
    word2index = tokenizer.word2index
    loader = DataLoader(data, batch_size=conf.batch_size, shuffle=True)

    model = PoetryLSTM(len(word2index), embedding_dim=128, hidden_dim=256)
    optimizer = torch.optim.Adam(model.parameters(), lr=conf.lr)
    criterion = nn.CrossEntropyLoss()
    if conf.model_path and os.path.isfile(conf.model_path):
        model.load_state_dict(torch.load(conf.model_path))
    if conf.use_gpu:
        model.to(device)
        criterion.to(device)

    cnt = 0
    total_loss = 0
    for epoch in range(conf.epoch):
        for ii, batch in enumerate(loader):
            batch = batch.long().transpose(1, 0).contiguous()
            if conf.use_gpu:
                batch = batch.to(device)
            optimizer.zero_grad()
            input_, target = Variable(batch[:-1, :]), Variable(batch[1:, :])
            output, _ = model(input_)
            loss = criterion(output, target=target.view(-1))
            total_loss += loss  # expect: LG006
            loss.backward()
            optimizer.step()
            cnt += 1
            if (1 + ii) % 20 == 0:
                print("epoch: {}, loss: {}".format(epoch, (total_loss / cnt)))
                cnt = 0
                total_loss = 0
        torch.save(model.state_dict(), '%s_%s.pth' % (conf.model_checkpoint_path, epoch))
