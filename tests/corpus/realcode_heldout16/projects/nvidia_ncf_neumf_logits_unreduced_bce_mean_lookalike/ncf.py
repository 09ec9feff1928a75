"""part of look-alike project [LG003, LG015, LG016, LG014, LG006]: the NCF script trains on the logits with a traced BCEWithLogitsLoss(reduction='none') averaged with torch.mean before the scaled backward, accumulates gradients over micro-batches and clears them by setting .grad to None after each step; validation asks the model for sigmoid outputs and scores them with F.binary_cross_entropy under no_grad, keeping the per-batch losses in a list."""
# Source: NVIDIA/DeepLearningExamples at 729963dd (read as is), PyTorch/Recommendation/NCF/ncf.py; re-typed,
# identifiers renamed; argument parsing, DLLogger set-up, checkpointing, the hit-rate/NDCG computation and the
# distributed reductions cut.
import torch
import torch.nn as nn
from apex.optimizers import FusedAdam

import dataloading
from neumf import NeuMF


def val_epoch(model, loader, k):
    model.eval()
    with torch.no_grad():
        scores = []
        labels_seen = []
        losses = []
        for batch in loader.get_epoch_data():
            users, items, labels = batch["user"], batch["item"], batch["label"]
            probs = model(users, items, sigmoid=True).detach()
            batch_loss = torch.nn.functional.binary_cross_entropy(input=probs.reshape([-1]), target=labels)
            losses.append(batch_loss)
            scores.append(probs)
            labels_seen.append(labels)
        val_loss = torch.mean(torch.stack(losses, dim=0))
    return scores, labels_seen, val_loss


def main(args, train_loader, test_loader, nb_users, nb_items):
    model = NeuMF(nb_users=nb_users, nb_items=nb_items, mf_dim=args.factors, mlp_layer_sizes=args.layers,
                  dropout=args.dropout)
    optimizer = FusedAdam(model.parameters(), lr=args.learning_rate, betas=(args.beta1, args.beta2), eps=args.eps)
    criterion = nn.BCEWithLogitsLoss(reduction='none')  # use torch.mean() with dim later to avoid copy to host
    model = model.cuda()
    criterion = criterion.cuda()
    local_batch = args.batch_size // args.world_size
    traced_criterion = torch.jit.trace(criterion.forward, (torch.rand(local_batch, 1), torch.rand(local_batch, 1)))
    scaler = torch.cuda.amp.GradScaler(enabled=args.amp)

    for epoch in range(args.epochs):
        batches = train_loader.get_epoch_data()
        n = len(batches)
        for i in range(n // args.grads_accumulated):
            for j in range(args.grads_accumulated):
                batch = batches[args.grads_accumulated * i + j]
                users, items, labels = batch["user"], batch["item"], batch["label"]
                with torch.cuda.amp.autocast(enabled=args.amp):
                    logits = model(users, items)
                    loss = traced_criterion(logits, labels.view(-1, 1))
                    loss = torch.mean(loss.float().view(-1), 0)
                scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
            for p in model.parameters():
                p.grad = None
        del batches
        scores, labels_seen, val_loss = val_epoch(model, test_loader, args.topk)
        print('epoch {} train loss {:.5f} val loss {:.5f}'.format(epoch, loss.item(), val_loss.item()))
