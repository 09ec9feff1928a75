"""look-alike [LG013, LG005]: the recipe one-hot encodes the class column (OneHotEncoder, stored as torch.long) and casts the (B, 4) one-hot rows to torch.FloatTensor before F.cross_entropy on (B, 4) logits: class-probability targets, which cross_entropy accepts since PyTorch 1.10."""
# Source: PacktPublishing/Deep-Learning-for-Time-Series-Data-Cookbook at d6a51dad (read as is),
# Chapter_8/8.3_cnn_tsc.py; re-typed, identifiers renamed; the evaluation loop after trainer.fit and the confusion-matrix
# plot cut (Chapter_8/8.4_resnet_tsc.py casts the same one-hot targets with y.type(torch.FloatTensor) too).
import lightning.pytorch as pl
import pandas as pd
import torch
import torch.nn.functional as F
from lightning.pytorch.callbacks import EarlyStopping
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder
from torch import nn
from torch.utils.data import DataLoader, Dataset

folder = "assets/datasets/Car"
train = pd.read_table(f"{folder}/Car_TRAIN.tsv", header=None)
test = pd.read_table(f"{folder}/Car_TEST.tsv", header=None)


class SeriesSet(Dataset):
    def __init__(self, xs, ys):
        self.xs = xs
        self.ys = ys

    def __getitem__(self, i):
        return self.xs[i], self.ys[i]

    def __len__(self):
        return len(self.xs)


class SeriesModule(pl.LightningDataModule):
    def __init__(self, train_df, test_df, batch_size=1):
        super().__init__()
        self.train_df = train_df
        self.test_df = test_df
        self.batch_size = batch_size
        self.scaler = MinMaxScaler()
        self.encoder = OneHotEncoder(categories="auto", sparse_output=False)
        self.train = None
        self.validation = None
        self.test = None

    def setup(self, stage=None):
        y_tr = self.encoder.fit_transform(self.train_df.iloc[:, 0].values.reshape(-1, 1))
        y_te = self.encoder.transform(self.test_df.iloc[:, 0].values.reshape(-1, 1))
        x_tr = self.scaler.fit_transform(train.iloc[:, 1:])
        x_te = self.scaler.transform(test.iloc[:, 1:])
        x_tr, x_va, y_tr, y_va = train_test_split(x_tr, y_tr, test_size=0.2, stratify=y_tr)
        x_tr, x_va, x_te = [torch.tensor(a, dtype=torch.float).unsqueeze(1) for a in [x_tr, x_va, x_te]]
        y_tr, y_va, y_te = [torch.tensor(a, dtype=torch.long) for a in [y_tr, y_va, y_te]]
        self.train = SeriesSet(x_tr, y_tr)
        self.validation = SeriesSet(x_va, y_va)
        self.test = SeriesSet(x_te, y_te)

    def train_dataloader(self):
        return DataLoader(self.train, batch_size=self.batch_size)

    def val_dataloader(self):
        return DataLoader(self.validation, batch_size=self.batch_size)

    def test_dataloader(self):
        return DataLoader(self.test, batch_size=self.batch_size)


class ConvNet1d(nn.Module):
    def __init__(self, n_in, n_out=1):
        super(ConvNet1d, self).__init__()
        self.c1 = nn.Conv1d(in_channels=n_in, out_channels=64, kernel_size=3, stride=1, padding=1)
        self.c2 = nn.Conv1d(in_channels=64, out_channels=32, kernel_size=3, stride=1, padding=1)
        self.c3 = nn.Conv1d(in_channels=32, out_channels=16, kernel_size=3, stride=1, padding=1)
        self.pool = nn.MaxPool1d(kernel_size=3)
        self.fc1 = nn.Linear(in_features=336, out_features=32)
        self.fc2 = nn.Linear(in_features=32, out_features=n_out)

    def forward(self, x):
        x = self.pool(F.relu(self.c1(x)))
        x = self.pool(F.relu(self.c2(x)))
        x = self.pool(F.relu(self.c3(x)))
        x = x.view(x.size(0), -1)
        x = self.fc1(x)
        return self.fc2(x)


class SeriesClassifier(pl.LightningModule):
    def __init__(self, n_out):
        super().__init__()
        self.net = ConvNet1d(n_in=1, n_out=n_out)

    def forward(self, x):
        x = x.type(torch.FloatTensor)
        return self.net(x)

    def training_step(self, batch, batch_idx):
        x, y = batch
        logits = self.forward(x)
        loss = F.cross_entropy(logits, y.type(torch.FloatTensor))
        self.log("train_loss", loss)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        loss = F.cross_entropy(logits, y.type(torch.FloatTensor))
        self.log("val_loss", loss)
        return loss

    def test_step(self, batch, batch_idx):
        x, y = batch
        logits = self(x)
        loss = F.cross_entropy(logits, y.type(torch.FloatTensor))
        self.log("test_loss", loss)

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=0.01)


dm = SeriesModule(train_df=train, test_df=test, batch_size=8)
model = SeriesClassifier(n_out=4)
stopper = EarlyStopping(monitor="val_loss", min_delta=1e-4, patience=10, verbose=False, mode="min")
trainer = pl.Trainer(max_epochs=30, accelerator="cpu", log_every_n_steps=2, enable_model_summary=True,
                     callbacks=[stopper])
trainer.fit(model, dm)
