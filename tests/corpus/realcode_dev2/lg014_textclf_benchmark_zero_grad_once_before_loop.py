"""positive [LG014]: the text-classification benchmark script calls optimizer.zero_grad() once before training; inside the loop F.cross_entropy, backward, gradient clipping and optimizer.step() run with no zero_grad."""
# Source: https://github.com/FreedomIntelligence/TextClassificationBenchmark main.py at
# b5ac116c74493c28f2af2541f21385df7c73ef93 (issue #20 "why donot use optimizer.zero_grad in each training step?",
# fixed later); re-typed, names changed, reduced.
import time

import torch
import torch.nn.functional as F
import torch.optim as optim

import dataHelper
import models
import opts
import utils

from_torchtext = False
opt = opts.parse_opt()
train_iter, test_iter = dataHelper.loadData(opt)
opt.lstm_layers = 2
model = models.setup(opt)
model.train()
optimizer = optim.Adam(filter(lambda p: p.requires_grad, model.parameters()), lr=opt.learning_rate)
optimizer.zero_grad()
loss_fun = F.cross_entropy
for i in range(opt.max_epoch):
    for epoch, batch in enumerate(train_iter):
        start = time.time()
        text = batch.text[0] if from_torchtext else batch.text
        predicted = model(text)
        loss = loss_fun(predicted, batch.label)
        loss.backward()
        utils.clip_gradient(optimizer, opt.grad_clip)
        optimizer.step()  # expect: LG014
        if epoch % 100 == 0:
            print("%d iteration %d epoch with loss : %.5f in %.4f seconds" % (i, epoch, loss.data.numpy()[0], time.time() - start))
    percision = utils.evaluation(model, test_iter, from_torchtext)
    print("%d iteration with percision %.4f" % (i, percision))
