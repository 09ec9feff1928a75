"""part of positive project [LG005]: training_step scores the Linear(1, 1) column output against the (N,) label vector with MSELoss inside objective()."""
# Source: xmindfulx/pytorch-lightning-tutorial at f3bb3998a42d539e9e15215a802b676ea3f42388 linear_regression/standard/network/models.py (section comments shortened; the plotting helper cut to its call)
import torch
import torch.nn as nn
import matplotlib.pyplot as plt
from pytorch_lightning import LightningModule


class LineFit(LightningModule):
    def __init__(self, params):
        super().__init__()
        self.logger_choice = params["logger_choice"]
        self.max_epochs = params["num_epochs"]
        self.learning_rate = params["learning_rate"]
        self.regressor = nn.Linear(1, 1)

    def objective(self, preds, labels):
        labels = labels.type(preds.type())
        cost = nn.MSELoss()
        loss = cost(preds, labels)  # expect: LG005
        self.log("loss", loss, on_step=True, on_epoch=True)
        return loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.learning_rate)

    def forward(self, samples):
        return self.regressor(samples)

    def training_step(self, batch, batch_idx):
        samples, labels = batch
        preds = self(samples)
        loss = self.objective(preds, labels)
        return loss

    def validation_step(self, batch, batch_idx):
        samples, labels = batch
        preds = self(samples)
        return samples, labels, preds

    def validation_epoch_end(self, val_step_outputs):
        all_samples, all_labels, all_preds = [], [], []
        for group in val_step_outputs:
            samples, labels, preds = group
            all_labels.append(labels)
            all_samples.append(samples)
            all_preds.append(preds.detach())
        all_preds = torch.cat(all_preds)
        all_labels = torch.cat(all_labels)
        all_samples = torch.cat(all_samples)
        self.plot_fit(all_samples, all_labels, all_preds, self.current_epoch)

    def plot_fit(self, samples, labels, preds, epoch):
        preds = torch.squeeze(preds)
        samples = torch.squeeze(samples)
        fig = plt.figure(figsize=(15, 11))
        ax = fig.add_subplot()
        ax.scatter(samples, labels, c="blue")
        ax.plot(samples, preds, c="red")
        self.logger.experiment.add_figure(str(epoch).zfill(4) + ".png", plt.gcf())
