"""part of look-alike project [LG006, LG001, LG005]: the epoch trainer sums loss.item() per batch (a float), squeezes the (N, 1) class-index targets to (N,) before CrossEntropyLoss on the MLP's logits, and returns the last batch's loss divided by the sample count as NumPy after the loop."""
# Source: passalis/dain at 8f1511d9 (read as is), train_utils.py; re-typed, identifiers renamed; the metrics
# helper cut. Issue #1 of the repository ("lob_epoch_trainer tiny bug", 2020-01-13) notes that the returned value
# divides the last batch's loss, not train_loss: a reporting slip, not a loss misuse. lob_loader.py is not included.
import numpy as np
import torch
from torch.autograd import Variable
from tqdm import tqdm
import torch.optim as optim
from lob_loader import get_wf_lob_loaders
from torch.nn import CrossEntropyLoss
from sklearn.metrics import precision_recall_fscore_support, cohen_kappa_score


def epoch_trainer(model, loader, lr=0.0001, optimizer=optim.RMSprop):
    model.train()
    opt = optimizer([
        {'params': model.base.parameters()},
        {'params': model.norm.mean_layer.parameters(), 'lr': lr * model.norm.mean_lr},
        {'params': model.norm.scaling_layer.parameters(), 'lr': lr * model.norm.scale_lr},
        {'params': model.norm.gating_layer.parameters(), 'lr': lr * model.norm.gate_lr},
    ], lr=lr)
    criterion = CrossEntropyLoss()
    running, seen = 0, 0
    for (x, y) in loader:
        opt.zero_grad()
        x, y = Variable(x.cuda()), Variable(y.cuda())
        y = torch.squeeze(y)
        out = model(x)
        loss = criterion(out, y)
        loss.backward()
        opt.step()
        running += loss.item()
        seen += x.size(0)
    loss = (loss / seen).cpu().data.numpy()
    return loss


def evaluator(model, loader):
    model.eval()
    gold, guess = [], []
    for (x, y) in tqdm(loader):
        x, y = x.cuda(), y.cuda()
        x, y = Variable(x, volatile=True), Variable(y)
        out = model(x)
        _, pred = torch.max(out.data, 1)
        guess.append(pred.cpu().numpy())
        gold.append(y.cpu().data.numpy())
    gold = np.squeeze(np.concatenate(gold))
    guess = np.squeeze(np.concatenate(guess))
    p, r, f1, _ = precision_recall_fscore_support(gold, guess, average='macro')
    return {'accuracy': np.sum(gold == guess) / len(gold), 'precision_avg': p, 'recall_avg': r, 'f1_avg': f1,
            'kappa': cohen_kappa_score(gold, guess)}


def train_evaluate_anchored(model, trainer=epoch_trainer, evaluate=evaluator, horizon=0, window=5,
                            batch_size=128, train_epochs=20, verbose=True, use_resampling=True,
                            learning_rate=0.0001, splits=[6, 7, 8], normalization='std'):
    results = []
    for i in splits:
        train_loader, test_loader = get_wf_lob_loaders(window=window, horizon=horizon, split=i,
                                                       batch_size=batch_size, class_resample=use_resampling,
                                                       normalization=normalization)
        net = model()
        net.cuda()
        for epoch in range(train_epochs):
            loss = trainer(model=net, loader=train_loader, lr=learning_rate)
            if verbose:
                print("Epoch ", epoch, "loss: ", loss)
        res = evaluate(net, test_loader)
        print(res)
        results.append(res)
    return results
