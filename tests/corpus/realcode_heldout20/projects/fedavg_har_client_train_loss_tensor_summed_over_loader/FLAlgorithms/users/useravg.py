"""part of positive project [LG006]: the FedAvg client's local training loop (zero_grad, loss from self.loss, backward, clipping, step) is correct; the retention is in the evaluation helpers."""
# Source: cheng-haha/ProtoHAR at fb5e8b7f (read as is), FLAlgorithms/users/useravg.py; re-typed, identifiers renamed;
# set_grads cut.
import torch.nn as nn

from FLAlgorithms.users.userbase import User


class UserAVG(User):
    def __init__(self, args, id, model, train_data, test_data):
        super().__init__(args, id, model, train_data, test_data)

    def train(self, epochs, lr_decay=True):
        LOSS = 0
        self.model.train()
        for epoch in range(1, self.local_epochs + 1):
            self.model.train()
            for X, y in self.trainloader:
                X, y = X.to(self.device), y.to(self.device)
                self.optimizer.zero_grad()
                out = self.model(X)['output']
                loss = self.loss(out, y)
                loss.backward()
                nn.utils.clip_grad_norm_(self.model.parameters(), 100)
                self.optimizer.step()
        return LOSS
