"""part of positive project [LG001]: the training step hands the model's output, softmax probabilities, to the `CrossEntropyLoss` that `main.py` passes in as `loss_fn`."""

# Source: kennyleung-su/cs231n-sl-classification@f94cab0fc3 trainer/train_utils.py (cut, renamed)
import logging


def train_epoch(model, dataloader, loss_fn, optimizer, epoch, use_cuda=False):
    model.train()
    total_loss = 0
    count = 0
    for batch_idx, (X, y) in enumerate(dataloader):
        if use_cuda:
            X["X"] = X["X"].cuda()
            y = y.cuda(non_blocking=True)
        predictions = model(X)
        count += predictions.shape[0]
        loss = loss_fn(predictions, y)  # expect: LG001
        total_loss += loss.item()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    total_loss /= count
    logging.info("Train Epoch: {} \tLoss: {:.6f}".format(epoch, total_loss))


def validate(model, dataloader, use_cuda=False):
    model.eval()
    correct, seen = 0, 0
    for X, y in dataloader:
        if use_cuda:
            X["X"] = X["X"].cuda()
            y = y.cuda(non_blocking=True)
        predictions = model(X)
        correct += (predictions.argmax(dim=1) == y).sum().item()
        seen += y.size(0)
    return 100.0 * correct / max(seen, 1)
