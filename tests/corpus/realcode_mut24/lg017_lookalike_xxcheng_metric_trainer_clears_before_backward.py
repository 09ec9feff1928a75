"""lookalike: a metric-learning trainer whose optimizers are parameters defaulting to None clears both optimizers
before backward() and steps them after it (the original order; the metric loss has parameters of its own, so
its optimizer is optional)."""

# Source: xxcheng0708/pytorch-metric-learning-template@e2daf10321 train.py (train), trainer_model.py (the call);
# re-typed; the prefetcher, mixup, the cross-batch memory switch, validation, the metric evaluation and the
# checkpoints cut
import torch


def train(model, train_iter, loss_funcs, epochs, optimizer=None, loss_optimizer=None, miner=None, writer=None, every=10):
    loss_func = loss_funcs[0]
    for epoch in range(epochs):
        model.train()
        loss_sum = 0.0
        seen = 0
        for step, (images, labels) in enumerate(train_iter):
            embeddings = model(images)
            if miner:
                pairs = miner(embeddings, labels)
                loss = loss_func(embeddings, labels, pairs)
            else:
                loss = loss_func(embeddings, labels)
            loss = torch.mean(loss)

            optimizer.zero_grad()
            if loss_optimizer:
                loss_optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if loss_optimizer:
                loss_optimizer.step()

            loss_sum += loss.item()
            seen += labels.shape[0]
            if step % every == 0 and writer is not None:
                writer.add_scalar("loss/iter", loss.item(), epoch * len(train_iter) + step)
        print(epoch, loss_sum / max(seen, 1))
