"""part of look-alike project [LG001, LG006, LG013]: the epoch runner applies the given criterion to the raw ENet maps and the long masks, clears the gradients every step and sums loss.item()."""
# Source: davidtvs/PyTorch-ENet@e17d404e2f649a3476eabe39f8a05e5eb77c55fd train.py (read as is; re-typed, identifiers renamed, docstrings left out)


class EpochTrainer:

    def __init__(self, model, data_loader, optim, criterion, metric, device):
        self.model = model
        self.data_loader = data_loader
        self.optim = optim
        self.criterion = criterion
        self.metric = metric
        self.device = device

    def run_epoch(self, iteration_loss=False):
        self.model.train()
        epoch_loss = 0.0
        self.metric.reset()
        for step, batch_data in enumerate(self.data_loader):
            inputs = batch_data[0].to(self.device)
            labels = batch_data[1].to(self.device)
            outputs = self.model(inputs)
            loss = self.criterion(outputs, labels)
            self.optim.zero_grad()
            loss.backward()
            self.optim.step()
            epoch_loss += loss.item()
            self.metric.add(outputs.detach(), labels.detach())
            if iteration_loss:
                print("[Step: %d] Iteration loss: %.4f" % (step, loss.item()))
        return epoch_loss / len(self.data_loader), self.metric.value()
