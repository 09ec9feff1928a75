"""positive [LG002]: a bug report registers an nn.Linear(1, 1) model and nn.BCELoss() with Ray's TrainingOperator, which computes criterion(model(x), y) itself; the answer is that the Linear output is not a probability (BCELoss's "all elements of input should be between 0 and 1")."""
# Source: https://github.com/ray-project/ray/issues/17117 "RuntimeError: all elements of input should be between 0 and 1" (the description's code as posted, up to where the text read ends)
import torch
import torch.nn as nn
from torch.utils.data import DataLoader

from ray.util.sgd.torch import TrainingOperator
from ray.util.sgd.torch.examples.train_example import LinearDataset

class MyTrainingOperator(TrainingOperator):
    def setup(self, config):

        train_dataset, val_dataset = LinearDataset(2, 5), LinearDataset(2,
                                                                        5)
        train_loader = DataLoader(train_dataset,
                                  batch_size=config["batch_size"])
        val_loader = DataLoader(val_dataset,
                                batch_size=config["batch_size"])

        model = nn.Linear(1, 1)

        optimizer = torch.optim.SGD(model.parameters(), lr=config.get("lr", 1e-4))

        criterion = torch.nn.BCELoss()

        scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=5, gamma=0.9)


        self.model, self.optimizer, self.criterion, self.scheduler = \
            self.register(models=model, optimizers=optimizer,  # expect: LG002
                          criterion=criterion,
                          schedulers=scheduler)
        self.register_data(train_loader=train_loader, validation_loader=val_loader)



import ray

ray.init()

from ray.util.sgd import TorchTrainer
