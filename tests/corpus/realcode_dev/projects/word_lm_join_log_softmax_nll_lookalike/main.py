"""part of look-alike project [LG007, LG001, LG006, LG014]: the model is one of two classes chosen by args.model (a join of two log_softmax outputs) into nn.NLLLoss; gradients are cleared by optimizer.zero_grad() or model.zero_grad(); total_loss adds loss.item()."""
# Source: https://github.com/pytorch/examples word_language_model/main.py at 77f55b912142e11fcfdf5b530231fb9c52f181e8;
# re-typed, names changed, reduced. Correct code.
import argparse

import torch
import torch.nn as nn
from model import RNNModel, TransformerModel

parser = argparse.ArgumentParser()
parser.add_argument("--model", type=str, default="LSTM")
parser.add_argument("--use-optimizer", action="store_true")
parser.add_argument("--lr", type=float, default=20)
parser.add_argument("--clip", type=float, default=0.25)
parser.add_argument("--bptt", type=int, default=35)
args = parser.parse_args()
device = torch.device("cpu")
ntokens = 10000
if args.model == "Transformer":
    model = TransformerModel(ntokens, 200, 2, 200, 2, 0.2).to(device)
else:
    model = RNNModel(args.model, ntokens, 200, 200, 2, 0.2).to(device)
criterion = nn.NLLLoss()
if args.use_optimizer:
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr)


def repackage_hidden(h):
    if isinstance(h, torch.Tensor):
        return h.detach()
    return tuple(repackage_hidden(v) for v in h)


def train(train_data, get_batch, batch_size):
    model.train()
    total_loss = 0.
    if args.model != "Transformer":
        hidden = model.init_hidden(batch_size)
    for batch, i in enumerate(range(0, train_data.size(0) - 1, args.bptt)):
        data, targets = get_batch(train_data, i)
        if args.use_optimizer:
            optimizer.zero_grad()
        else:
            model.zero_grad()
        if args.model == "Transformer":
            output = model(data)
            output = output.view(-1, ntokens)
        else:
            hidden = repackage_hidden(hidden)
            output, hidden = model(data, hidden)
        loss = criterion(output, targets)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip)
        if args.use_optimizer:
            optimizer.step()
        else:
            for p in model.parameters():
                p.data.add_(p.grad, alpha=-args.lr)
        total_loss += loss.item()
    return total_loss
