"""part of look-alike project [LG002, LG006, LG016]: TrainWithLog back-propagates the model's joint or true loss, rebinds the loss name to its .item() before adding it to the epoch sums, and evaluates under torch.no_grad, keeping only the predictions."""
# Source: motefly/DeepGBM@6926d35bdcc3249befc127973d313e3c061f2bb2 experiments/helper.py (read as is; re-typed, identifiers renamed, cut at function boundaries: the metric helpers left out, the logging and evaluation reporting of TrainWithLog shortened)
import math

import numpy as np
import scipy.sparse
import torch

device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')


def EvalTestset(test_x, test_y, model, test_batch_size, test_x_opt=None):
    n = test_x.shape[0]
    n_batches = math.ceil(n / test_batch_size)
    sum_loss = 0.0
    preds = []
    model.eval()
    with torch.no_grad():
        for j in range(n_batches):
            st = j * test_batch_size
            ed = min(n, st + test_batch_size)
            x = torch.from_numpy(test_x[st:ed].astype(np.float32)).to(device)
            if test_x_opt is not None:
                x_opt = torch.from_numpy(test_x_opt[st:ed].astype(np.float32)).to(device)
                out = model(x, x_opt)
            else:
                out = model(x)
            y = torch.from_numpy(test_y[st:ed]).to(device)
            if isinstance(out, tuple):
                out = out[0]
            preds.append(out)
            batch_loss = model.true_loss(out, y).item()
            sum_loss += (ed - st) * batch_loss
    return sum_loss / n, np.concatenate(preds, 0)


def TrainWithLog(args, train_x, train_y, train_y_opt, test_x, test_y, model, opt, epoch, batch_size,
                 train_x_opt=None, test_x_opt=None):
    n = train_x.shape[0]
    n_batches = math.ceil(n / batch_size)
    step = 0
    for ep in range(epoch):
        order = np.random.permutation(np.arange(train_x.shape[0]))
        loss_epoch = 0.0
        for it in range(n_batches):
            st = it * batch_size
            ed = min(n, st + batch_size)
            bx = train_x[order[st:ed]]
            if isinstance(bx, scipy.sparse.csr_matrix):
                bx = bx.todense()
            x = torch.from_numpy(bx.astype(np.float32)).to(device)
            y = torch.from_numpy(train_y[order[st:ed], :]).to(device)
            model.train()
            if train_x_opt is not None:
                x_opt = torch.from_numpy(train_x_opt[order[st:ed]].astype(np.float32)).to(device)
                out = model(x, x_opt)
            else:
                out = model(x)
            opt.zero_grad()
            if isinstance(out, tuple) and train_y_opt is not None:
                y_inner = torch.from_numpy(train_y_opt[order[st:ed], :]).to(device)
                ratio = args.loss_init * max(0.3, args.loss_dr ** (ep // args.loss_de))
                loss_val = model.joint_loss(out[0], y, out[1], y_inner, ratio)
                loss_val.backward()
                loss_val = model.true_loss(out[0], y)
            elif isinstance(out, tuple):
                loss_val = model.true_loss(out[0], y)
                loss_val.backward()
            else:
                loss_val = model.true_loss(out, y)
                loss_val.backward()
            opt.step()
            loss_val = loss_val.item()
            step += 1
            loss_epoch += (ed - st) * loss_val
            if step % args.test_freq == 0 or it == n_batches - 1:
                test_loss, pred_y = EvalTestset(test_x, test_y, model, args.test_batch_size, test_x_opt)
                print("Epoch-{:0>3d} train {:.6f} test {:.6f}".format(ep, loss_epoch / ed, test_loss))
