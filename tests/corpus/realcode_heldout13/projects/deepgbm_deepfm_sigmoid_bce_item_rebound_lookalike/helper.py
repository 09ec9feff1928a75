"""part of look-alike project [LG002, LG006, LG016]: the training loop clears gradients, back-propagates true_loss, steps, then rebinds loss_val = loss_val.item() before adding it to the epoch and log sums; evaluation sums .item() under no_grad."""
# Source: motefly/DeepGBM@6926d35bdcc3249befc127973d313e3c061f2bb2 helper.py (read as is; re-typed, identifiers renamed, cut to EvalTestset and TrainWithLog; the AdamW subclass, the joint-loss branch of DeepGBM and the metric printing shortened)
import math
import time

import numpy as np
import scipy.sparse
import torch

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')


def eval_testset(test_x, test_y, model, bs):
    n = test_x.shape[0]
    n_batch = math.ceil(n / bs)
    sum_loss = 0.0
    preds = []
    model.eval()
    with torch.no_grad():
        for j in range(n_batch):
            st = j * bs
            ed = min(n, st + bs)
            inputs = torch.from_numpy(test_x[st:ed].astype(np.float32)).to(device)
            outputs = model(inputs)
            targets = torch.from_numpy(test_y[st:ed]).to(device)
            if isinstance(outputs, tuple):
                outputs = outputs[0]
            preds.append(outputs)
            loss_tst = model.true_loss(outputs, targets).item()
            sum_loss += (ed - st) * loss_tst
    return sum_loss / n, preds


def train_with_log(args, train_x, train_y, test_x, test_y, model, opt, epoch, batch_size):
    if isinstance(test_x, scipy.sparse.csr_matrix):
        test_x = test_x.todense()
    n = train_x.shape[0]
    global_iter = 0
    n_batch = math.ceil(n / batch_size)
    min_loss = float("Inf")
    for epoch in range(epoch):
        order = np.random.permutation(np.arange(train_x.shape[0]))
        loss_epoch = 0.0
        loss_log = 0.0
        log_st = 0
        for it in range(n_batch):
            st = it * batch_size
            ed = min(n, st + batch_size)
            bx = train_x[order[st:ed]]
            if isinstance(bx, scipy.sparse.csr_matrix):
                bx = bx.todense()
            inputs = torch.from_numpy(bx.astype(np.float32)).to(device)
            targets = torch.from_numpy(train_y[order[st:ed], :]).to(device)
            model.train()
            outputs = model(inputs)
            opt.zero_grad()
            if isinstance(outputs, tuple):
                loss_val = model.true_loss(outputs[0], targets)
                loss_val.backward()
            else:
                loss_val = model.true_loss(outputs, targets)
                loss_val.backward()
            opt.step()
            loss_val = loss_val.item()
            global_iter += 1
            loss_epoch += (ed - st) * loss_val
            loss_log += (ed - st) * loss_val
            if global_iter % args.log_freq == 0:
                print("Epoch-{:0>3d} Step {:>6d}, Training Loss: {:>9.6f}".format(epoch, global_iter, loss_log / (ed - log_st)))
                log_st = ed
                loss_log = 0.0
            if global_iter % args.test_freq == 0 or it == n_batch - 1:
                test_loss, pred_y = eval_testset(test_x, test_y, model, args.test_batch_size)
                min_loss = min(min_loss, test_loss)
    return min_loss
