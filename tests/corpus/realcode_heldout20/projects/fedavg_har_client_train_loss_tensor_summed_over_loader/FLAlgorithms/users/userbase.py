"""part of positive project [LG006]: the federated client's train_error_and_loss evaluates the model over its whole training loader (eval mode, but no torch.no_grad) and adds each batch's CrossEntropyLoss tensor to loss, keeping every batch's graph; it returns that tensor to the server."""
# Source: cheng-haha/ProtoHAR at fb5e8b7f (read as is), FLAlgorithms/users/userbase.py; re-typed, identifiers
# renamed; the test/metrics methods, the personalised-model variants and the batch iterators cut. Issue #2 of the
# repository ("The type of loss is tensor causing GPU out of memory", 2024-10-04) reports the out-of-memory error.
import copy

import torch
import torch.nn as nn
from torch.optim import SGD
from torch.utils.data import DataLoader


class User:
    def __init__(self, args, id, model, train_data, test_data):
        n_cls = {'ucihar': 6, 'pamap2': 12, 'wisdm': 6, 'unimib': 17, 'hhar': 6, 'uschad': 12, 'harbox': 5}
        self.device = args.device
        self.model = copy.deepcopy(model)
        self.id = id
        self.train_samples = len(train_data)
        self.test_samples = len(test_data)
        self.batch_size = args.batch_size
        self.learning_rate = args.learning_rate
        self.num_classes = n_cls[args.dataset]
        self.local_epochs = args.local_epochs
        self.trainloader = DataLoader(train_data, self.batch_size, shuffle=True)
        self.testloader = DataLoader(test_data, self.batch_size)
        self.init_loss_fn()
        self.optimizer = SGD(self.model.parameters(), lr=self.learning_rate, momentum=args.momentum)

    def init_loss_fn(self):
        self.loss = nn.CrossEntropyLoss()
        self.dist_loss = nn.MSELoss()
        self.ensemble_loss = nn.KLDivLoss(reduction="batchmean")

    def set_parameters(self, model):
        for old, new in zip(self.model.parameters(), model.parameters()):
            old.data = new.data.clone()

    def train_error_and_loss(self):
        self.model.eval()
        correct = 0
        loss = 0
        for x, y in self.trainloader:
            x, y = x.to(self.device), y.to(self.device)
            out = self.model(x)['output']
            correct += (torch.sum(torch.argmax(out, dim=1) == y)).item()
            loss += self.loss(out, y)  # expect: LG006
        return correct, loss, self.train_samples
