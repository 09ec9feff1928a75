"""positive [LG006]: a TextCNN training script sums each step's MultiLabelSoftMarginLoss Variable into loss_sum, reset only every ten steps to log it (the fix adds loss.data[0])."""

# Source: Cheneng/TextCNN@225b3e3146 main.py, fixed in 16d91a0630 (cut, renamed)
import torch
import torch.nn as nn
import torch.optim as optim
from torch import autograd

from config import Config
from model import TextCNN

config = Config()
training_iter = torch.utils.data.DataLoader(dataset=None, batch_size=config.batch_size, num_workers=2)

model = TextCNN(config)
embeds = nn.Embedding(config.word_num, config.word_embedding_dimension)
if config.cuda and torch.cuda.is_available():
    model.cuda()
    embeds = embeds.cuda()

criterion = nn.MultiLabelSoftMarginLoss()
optimizer = optim.SGD(model.parameters(), lr=config.lr)

loss_sum = 0
count = 0
loss_table = []

for epoch in range(config.epoch):
    for data, label in training_iter:
        if config.cuda and torch.cuda.is_available():
            data = data.cuda()
        optimizer.zero_grad()
        input_data = embeds(autograd.Variable(data))
        input_data = input_data.unsqueeze(1)
        out = model(input_data)
        if config.cuda:
            loss = criterion(out, autograd.Variable(label.float()).cuda())
        else:
            loss = criterion(out, autograd.Variable(label.float()))

        loss_sum += loss  # expect: LG006
        count += 1
        if count >= 10:
            loss_table.append((loss_sum / (count * config.batch_size)).data[0])
            print("epoch", epoch, "The loss is: %.9f" % (loss_sum / (count * config.batch_size)).data[0])
            loss_sum = 0
            count = 0

        loss.backward()
        optimizer.step()
