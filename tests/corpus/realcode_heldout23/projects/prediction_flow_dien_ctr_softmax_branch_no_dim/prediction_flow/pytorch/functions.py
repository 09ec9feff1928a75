"""part of positive project [LG011]: the library's fit(): zero_grad, model(batch) (a tuple with the auxiliary loss for DIEN), loss(pred, label) plus auxiliary_loss_rate times the auxiliary loss, backward, step; the running means use .item(), validation under torch.no_grad."""
# Source: GitHub-HongweiZhang/prediction-flow at cad8aa1f (read as is), prediction_flow/pytorch/functions.py;
# re-typed, identifiers renamed; the progress bars and predict() cut.
import torch


def _to_device(device, batch):
    for key, tensor in batch.items():
        batch[key] = tensor.to(device)


def fit(epochs, model, loss, optimizer, train_loader, valid_loader=None, notebook=False, auxiliary_loss_rate=0.0):
    use_cuda = torch.cuda.is_available()
    device = torch.device("cuda:0" if use_cuda else "cpu")
    if use_cuda:
        model = model.to(device)
    losses = []
    for epoch in range(epochs):
        model.train()
        running_loss = 0
        aux_running = 0
        for index, batch in enumerate(train_loader):
            if use_cuda:
                _to_device(device, batch)
            label = batch["label"]
            optimizer.zero_grad()
            pred = model(batch)
            if isinstance(pred, tuple):
                pred, auxiliary_loss = pred
                if auxiliary_loss:
                    aux_running += (auxiliary_loss.item() - aux_running) / (index + 1)
            loss_t = loss(pred, label)
            if isinstance(pred, tuple):
                if auxiliary_loss:
                    loss_t += auxiliary_loss_rate * auxiliary_loss
            running_loss += (loss_t.item() - running_loss) / (index + 1)
            loss_t.backward()
            optimizer.step()
        train_loss = running_loss
        valid_loss = 0
        if valid_loader:
            model.eval()
            running_loss = 0
            with torch.no_grad():
                for index, batch in enumerate(valid_loader):
                    if use_cuda:
                        _to_device(device, batch)
                    pred = model(batch)
                    if isinstance(pred, tuple):
                        pred, _ = pred
                    loss_t = loss(pred, batch["label"])
                    running_loss += (loss_t.item() - running_loss) / (index + 1)
            valid_loss = running_loss
        losses.append({"train_loss": train_loss, "valid_loss": valid_loss})
    return losses
