"""positive [LG006]: the example training script of a crop-type benchmark appends every training step's loss tensor, graph and all, to a list for the whole epoch and returns torch.stack of it; the caller only detaches the stack for printing, so each epoch keeps every step's graph alive until it ends."""
# Source: dl4sits/BreizhCrops at 6de796e examples/train.py (issue #35 "Query over the forward function of all models" points at these lines for the log_softmax models under CrossEntropyLoss; read as is, re-typed, names renamed; get_dataloader, get_model, metrics and the argument parser are cut, the model is chosen among eight classes by name, so the log_softmax + CrossEntropyLoss pair the issue asks about is not marked)
import os

import pandas as pd
import torch
from torch.optim import Adam
from tqdm import tqdm


def train(args):
    train_loader, test_loader, meta = get_dataloader(args.datapath, args.mode, args.batchsize, args.workers, args.preload_ram, args.level)

    n_classes = meta["num_classes"]
    n_dims = meta["ndims"]
    seq_len = meta["sequencelength"]

    device = torch.device(args.device)
    model = get_model(args.model, n_dims, n_classes, seq_len, device, **args.hyperparameter)
    optimizer = Adam(model.parameters(), lr=args.learning_rate, weight_decay=args.weight_decay)
    model.modelname += f"_learning-rate={args.learning_rate}_weight-decay={args.weight_decay}"
    print(f"Initialized {model.modelname}")

    logdir = os.path.join(args.logdir, model.modelname)
    os.makedirs(logdir, exist_ok=True)

    criterion = torch.nn.CrossEntropyLoss(reduction="mean")

    log = list()
    for epoch in range(args.epochs):
        train_loss = train_epoch(model, optimizer, criterion, train_loader, device)
        test_loss, y_true, y_pred, *_ = test_epoch(model, criterion, test_loader, device)
        scores = metrics(y_true.cpu(), y_pred.cpu())
        msg = ", ".join([f"{k}={v:.2f}" for (k, v) in scores.items()])
        test_loss = test_loss.cpu().detach().numpy()[0]
        train_loss = train_loss.cpu().detach().numpy()[0]
        print(f"epoch {epoch}: trainloss {train_loss:.2f}, testloss {test_loss:.2f} " + msg)

        scores["epoch"] = epoch
        scores["trainloss"] = train_loss
        scores["testloss"] = test_loss
        log.append(scores)

        frame = pd.DataFrame(log).set_index("epoch")
        frame.to_csv(os.path.join(logdir, "trainlog.csv"))


def train_epoch(model, optimizer, criterion, loader, device):
    model.train()
    losses = list()
    with tqdm(enumerate(loader), total=len(loader), leave=True) as iterator:
        for idx, batch in iterator:
            optimizer.zero_grad()
            x, y_true, _ = batch
            loss = criterion(model.forward(x.to(device)), y_true.to(device))
            loss.backward()
            optimizer.step()
            iterator.set_description(f"train loss={loss:.2f}")
            losses.append(loss)  # expect: LG006
    return torch.stack(losses)


def test_epoch(model, criterion, loader, device):
    model.eval()
    with torch.no_grad():
        losses = list()
        y_true_list = list()
        y_pred_list = list()
        y_score_list = list()
        field_ids_list = list()
        with tqdm(enumerate(loader), total=len(loader), leave=True) as iterator:
            for idx, batch in iterator:
                x, y_true, field_id = batch
                logprobs = model.forward(x.to(device))
                loss = criterion(logprobs, y_true.to(device))
                iterator.set_description(f"test loss={loss:.2f}")
                losses.append(loss)
                y_true_list.append(y_true)
                y_pred_list.append(logprobs.argmax(-1))
                y_score_list.append(logprobs.exp())
                field_ids_list.append(field_id)
        return torch.stack(losses), torch.cat(y_true_list), torch.cat(y_pred_list), torch.cat(y_score_list), torch.cat(field_ids_list)
