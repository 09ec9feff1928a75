"""part of positive project [LG006]: the trainer calls model.train_one_epoch each epoch, logs the returned loss to CometML and evaluates NDCG for early stopping."""
# Source: khanhnamle1994/transfer-rec at b5e36cb5 (read as is), Autoencoders-Experiments/CDAE-PyTorch/Trainer.py;
# re-typed, identifiers renamed, docstrings cut.
import time

import torch


class Trainer:
    def __init__(self, dataset, model, evaluator, logger, conf):
        self.dataset = dataset
        self.model = model
        self.evaluator = evaluator
        self.logger = logger
        self.conf = conf
        self.num_epochs = conf.num_epochs
        self.lr = conf.learning_rate
        self.batch_size = conf.batch_size
        self.test_batch_size = conf.test_batch_size
        self.early_stop = conf.early_stop
        self.patience = conf.patience
        self.endure = 0
        self.best_epoch = -1
        self.best_score = None

    def train(self, experiment):
        if len(list(self.model.parameters())) > 0:
            optimizer = torch.optim.Adam(self.model.parameters(), self.lr)
        else:
            optimizer = None
        for epoch in range(1, self.num_epochs + 1):
            epoch_start = time.time()
            loss = self.model.train_one_epoch(self.dataset, optimizer, self.batch_size, False)
            experiment.log_metric("loss", loss, step=epoch)
            score = self.evaluator.evaluate(self.model, self.dataset, self.test_batch_size, experiment, epoch)
            self.logger.info('[Epoch %3d/%3d, time: %.2f] loss = %.4f' % (epoch, self.num_epochs, time.time() - epoch_start, loss))
            if self.best_score is None or score['NDCG@100'] >= self.best_score['NDCG@100']:
                self.best_epoch = epoch
                self.best_score = score
                self.endure = 0
            else:
                self.endure += 1
                if self.early_stop and self.endure >= self.patience:
                    break
