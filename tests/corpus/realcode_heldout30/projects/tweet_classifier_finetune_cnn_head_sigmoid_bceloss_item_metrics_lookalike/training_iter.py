"""part of look-alike project [LG002, LG004, LG005, LG006]: one fine-tuning step: clear, forward, criterion(output, y) with the trainer's BCELoss on the head's probabilities, backward, step; the metrics returned are Python numbers (loss.item(), counts under no_grad)."""
# Source: dhchoi-hs/transformer_pytorch at 4e4dfece, training_iter.py; re-typed, identifiers renamed; the pre-training step
# (masked-LM cross-entropy) cut; run_epoch kept.
from collections import defaultdict
from tqdm import tqdm
import torch


def finetune_step(batch, model, criterion, optim=None, train_mode=True, device=None):
    if train_mode:
        assert optim, 'optimizer must be set in training mode.'
    x, y = batch
    x = x.to(device)
    y = y.to(device)

    if train_mode:
        optim.zero_grad()

    pad_mask = (x != model.encoder.padding_idx).unsqueeze(-2).unsqueeze(-2)
    output = model(x, pad_mask)

    loss = criterion(output, y)

    if train_mode:
        loss.backward()
        optim.step()

    with torch.no_grad():
        predicted = output >= 0.5
        hits = torch.count_nonzero(predicted == y)
        acc = hits.item() / y.size(0)
        tp = torch.count_nonzero(y[predicted == 1]).item()
        fp = torch.count_nonzero(y[predicted == 1] == 0).item()
        fn = torch.count_nonzero(y[predicted == 0]).item()
        precision = tp / (tp + fp)
        recall = tp / (tp + fn)
        f1 = 2 * (precision * recall) / (precision + recall)

    return {'loss': loss.item(), 'acc': acc, 'f1': f1}


def run_epoch(dataset, model, criterion, optim=None, train_mode=True, device=None):
    pbar = tqdm(dataset)
    sums = defaultdict(float)
    for batch in pbar:
        metrics = finetune_step(batch, model, criterion, optim, train_mode, device)
        for name, value in metrics.items():
            sums[name] += value
    return {name: value / len(dataset) for name, value in sums.items()}
