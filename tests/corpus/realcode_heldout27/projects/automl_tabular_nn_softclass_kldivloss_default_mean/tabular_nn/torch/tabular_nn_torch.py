"""part of positive project [LG009]: the tabular network model picks its default loss by problem type: L1Loss for regression, CrossEntropyLoss for classification and, for soft-class targets, torch.nn.KLDivLoss() at its default 'mean' reduction (divided by batch times classes, not the KL divergence); _train_net clears, back-propagates and steps per batch and sums loss.item()."""
# Source: autogluon/autogluon at f34ebb4f, tabular/src/autogluon/tabular/models/tabular_nn/torch/tabular_nn_torch.py; re-typed, identifiers
# renamed; the preprocessing, the time-limit estimates, early stopping, learning curves, compilation and
# checkpointing shortened.
import time

import torch

from autogluon.core.constants import BINARY, MULTICLASS, REGRESSION, SOFTCLASS
from autogluon.core.models.abstract.abstract_nn_model import AbstractNeuralNetworkModel


class TabularNeuralNetTorchModel(AbstractNeuralNetworkModel):
    def _get_default_loss_function(self):
        if self.problem_type == REGRESSION:
            return torch.nn.L1Loss()
        elif self.problem_type in [BINARY, MULTICLASS]:
            return torch.nn.CrossEntropyLoss()
        elif self.problem_type == SOFTCLASS:
            return torch.nn.KLDivLoss()  # expect: LG009

    def _get_net(self, train_dataset, params):
        from .torch_network_modules import EmbedNet

        self.model = EmbedNet(problem_type=self.problem_type, num_net_outputs=self._get_num_net_outputs(),
                              quantile_levels=self.quantile_levels, train_dataset=train_dataset, device=self.device,
                              **params)
        self.model = self.model.to(self.device)

    def _init_optimizer(self, optimizer, learning_rate, weight_decay):
        if optimizer == "sgd":
            optimizer = torch.optim.SGD(params=self.model.parameters(), lr=learning_rate, weight_decay=weight_decay)
        elif optimizer == "adam":
            optimizer = torch.optim.Adam(params=self.model.parameters(), lr=learning_rate, weight_decay=weight_decay)
        elif optimizer == "adamw":
            optimizer = torch.optim.AdamW(params=self.model.parameters(), lr=learning_rate, weight_decay=weight_decay)
        else:
            raise ValueError(f"Unknown optimizer specified: {optimizer}")
        return optimizer

    def _fit(self, X, y, params, loss_kwargs, optimizer_kwargs, batch_size, num_epochs):
        train_dataset = self._generate_dataset(X, y)
        self._get_net(train_dataset, params=params)
        self.optimizer = self._init_optimizer(**optimizer_kwargs)
        self._train_net(train_dataset=train_dataset, loss_kwargs=loss_kwargs, batch_size=batch_size,
                        num_epochs=num_epochs)

    def _train_net(self, train_dataset, loss_kwargs: dict, batch_size: int, num_epochs: int):
        self.model.init_params()
        train_dataloader = train_dataset.build_loader(batch_size, self.num_dataloading_workers, is_test=False)
        if isinstance(loss_kwargs.get("loss_function", "auto"), str) and \
                loss_kwargs.get("loss_function", "auto") == "auto":
            loss_kwargs["loss_function"] = self._get_default_loss_function()
        epoch = 0
        while epoch < num_epochs:
            start = time.time()
            total_train_loss = 0.0
            total_train_size = 0.0
            for batch_idx, data_batch in enumerate(train_dataloader):
                loss = self.model.compute_loss(data_batch, **loss_kwargs)
                total_train_loss += loss.item()
                total_train_size += 1
                self.optimizer.zero_grad()
                loss.backward()
                self.optimizer.step()
            epoch += 1
            print(f"epoch {epoch}: train loss {total_train_loss / total_train_size:.4f} ({time.time() - start:.1f}s)")
