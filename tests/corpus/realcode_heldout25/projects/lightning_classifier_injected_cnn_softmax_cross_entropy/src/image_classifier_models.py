"""part of positive project [LG001]: a LightningModule that receives the network as a constructor argument (model=...), stores it on self.model and forwards to it; training_step, validation_step and test_step each give F.cross_entropy the network's output, which main() makes the softmax-ending CNN."""
# Source: TMdiesel/pytorch-implementation at e3381c67 (read as is; the only commit of pytorch_classification/, 054d85a), pytorch_classification/src/image_classifier_models.py; re-typed, identifiers renamed; the
# tensorboard graph, argument parser and the data-path helpers shortened.
import os
from pprint import pprint

import pytorch_lightning as pl
import torch
from torch.nn import functional as F

import generate_pathlist
import image_datamodule
import image_network

PROJECT_DIR = os.environ.get("PROJECT_DIR", "./")


class LitDigitClassifier(pl.LightningModule):
    def __init__(self, model=None, learning_rate=1e-3):
        super().__init__()
        self.save_hyperparameters()
        self.model = model
        self.accuracy = pl.metrics.Accuracy()

    def forward(self, x):
        return self.model(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        y_hat = self(x)
        loss = F.cross_entropy(y_hat, y)  # expect: LG001
        self.log('loss/train', loss)
        self.log('acc/train_acc', self.accuracy(y_hat, y))
        self.logger.experiment.add_scalars("loss(_same_figure)", {"train_loss": loss}, self.global_step)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        y_hat = self(x)
        loss = F.cross_entropy(y_hat, y)  # expect: LG001
        self.log('loss/val', loss)
        self.log('acc/val_acc', self.accuracy(y_hat, y))

    def test_step(self, batch, batch_idx):
        x, y = batch
        y_hat = self(x)
        loss = F.cross_entropy(y_hat, y)  # expect: LG001
        self.log('loss/test_loss', loss)

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.hparams.learning_rate)

    def training_epoch_end(self, outputs):
        avg_loss = torch.stack([x['loss'] for x in outputs]).mean()
        self.logger.experiment.add_scalar("loss(epoch)/train", avg_loss, self.current_epoch)


def main():
    pl.seed_everything(1234)
    gpus = [0] if torch.cuda.is_available() else None
    train_files, train_labels = generate_pathlist.make_datapath_list(f"{PROJECT_DIR}/_data/train_image",
                                                                     f"{PROJECT_DIR}/_data/train_label/label.pkl")
    test_files, test_labels = generate_pathlist.make_datapath_list(f"{PROJECT_DIR}/_data/test_image",
                                                                   f"{PROJECT_DIR}/_data/test_label/label.pkl")
    dm = image_datamodule.ImageDataModule(filepath_list_train=train_files, filepath_list_test=test_files,
                                          label_list_train=train_labels, label_list_test=test_labels)
    net = image_network.SmallCNN()
    model = LitDigitClassifier(model=net, learning_rate=1e-3)
    trainer = pl.Trainer(max_epochs=3, logger=pl.loggers.TensorBoardLogger(PROJECT_DIR, name="lightning_logs"),
                         gpus=gpus)
    trainer.fit(model, datamodule=dm)
    pprint(trainer.test(model, datamodule=dm))


if __name__ == '__main__':
    main()
