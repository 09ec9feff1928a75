"""look-alike [LG002, LG016, LG006]: qlib's DNN model builds its head from the same `loss` option as its loss: for "binary" the last block is nn.Sequential(Linear, Sigmoid) and get_loss uses nn.BCELoss(weight=w); for "mse" the head is a plain Linear layer and the loss a weighted squared error; the meters get .item()."""
# Source: https://github.com/microsoft/qlib qlib/contrib/model/pytorch_nn.py at 2aca74cd21ff69c84371f3529698bb652c3ae23c,
# the parent of 350fbe91c961db0a0a03eaaaabf968add19a0a07 (pull request #756 "Change BCELoss in MLP model", a change to
# BCEWithLogitsLoss for numerical stability); re-typed, names changed, reduced (logging, predict/save/load and the
# validation bookkeeping shortened).
import numpy as np
import pandas as pd
import torch
import torch.nn as nn
import torch.optim as optim
from sklearn.metrics import mean_squared_error, roc_auc_score

from ...data.dataset.handler import DataHandlerLP
from ...model.base import Model
from ...workflow import R


class DNNModelPytorch(Model):
    def __init__(self, input_dim=360, output_dim=1, layers=(256,), lr=0.001, max_steps=300, batch_size=2000,
                 early_stop_rounds=50, eval_steps=20, optimizer="gd", loss="mse", GPU=0, seed=None, weight_decay=0.0, **kwargs):
        self.layers = layers
        self.lr = lr
        self.max_steps = max_steps
        self.batch_size = batch_size
        self.early_stop_rounds = early_stop_rounds
        self.eval_steps = eval_steps
        self.loss_type = loss
        self.device = torch.device("cuda:%d" % (GPU) if torch.cuda.is_available() and GPU >= 0 else "cpu")
        self.seed = seed
        if self.seed is not None:
            np.random.seed(self.seed)
            torch.manual_seed(self.seed)
        if loss not in {"mse", "binary"}:
            raise NotImplementedError("loss {} is not supported!".format(loss))
        self._scorer = mean_squared_error if loss == "mse" else roc_auc_score

        self.dnn_model = Net(input_dim, output_dim, layers, loss=self.loss_type)
        if optimizer.lower() == "adam":
            self.train_optimizer = optim.Adam(self.dnn_model.parameters(), lr=self.lr, weight_decay=weight_decay)
        elif optimizer.lower() == "gd":
            self.train_optimizer = optim.SGD(self.dnn_model.parameters(), lr=self.lr, weight_decay=weight_decay)
        else:
            raise NotImplementedError("optimizer {} is not supported!".format(optimizer))
        self.scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(self.train_optimizer, mode="min", factor=0.5, patience=10)
        self.fitted = False
        self.dnn_model.to(self.device)

    def fit(self, dataset, evals_result=dict(), verbose=True, save_path=None):
        df_train, df_valid = dataset.prepare(["train", "valid"], col_set=["feature", "label"], data_key=DataHandlerLP.DK_L)
        x_train, y_train = df_train["feature"], df_train["label"]
        x_valid, y_valid = df_valid["feature"], df_valid["label"]
        w_train = pd.DataFrame(np.ones_like(y_train.values), index=y_train.index)
        w_valid = pd.DataFrame(np.ones_like(y_valid.values), index=y_valid.index)

        stop_steps = 0
        train_loss = 0
        best_loss = np.inf
        self.fitted = True
        x_train_values = torch.from_numpy(x_train.values).float()
        y_train_values = torch.from_numpy(y_train.values).float()
        w_train_values = torch.from_numpy(w_train.values).float()
        train_num = y_train_values.shape[0]
        x_val = torch.from_numpy(x_valid.values).float().to(self.device)
        y_val = torch.from_numpy(y_valid.values).float().to(self.device)
        w_val = torch.from_numpy(w_valid.values).float().to(self.device)

        for step in range(self.max_steps):
            if stop_steps >= self.early_stop_rounds:
                break
            loss = AverageMeter()
            self.dnn_model.train()
            self.train_optimizer.zero_grad()
            choice = np.random.choice(train_num, self.batch_size)
            x_batch = x_train_values[choice].to(self.device)
            y_batch = y_train_values[choice].to(self.device)
            w_batch = w_train_values[choice].to(self.device)

            preds = self.dnn_model(x_batch)
            cur_loss = self.get_loss(preds, w_batch, y_batch, self.loss_type)
            cur_loss.backward()
            self.train_optimizer.step()
            loss.update(cur_loss.item())
            R.log_metrics(train_loss=loss.avg, step=step)
            train_loss += loss.val

            if step % self.eval_steps == 0 or step + 1 == self.max_steps:
                stop_steps += 1
                train_loss /= self.eval_steps
                with torch.no_grad():
                    self.dnn_model.eval()
                    loss_val = AverageMeter()
                    preds = self.dnn_model(x_val)
                    cur_loss_val = self.get_loss(preds, w_val, y_val, self.loss_type)
                    loss_val.update(cur_loss_val.item())
                if loss_val.val < best_loss:
                    best_loss = loss_val.val
                    stop_steps = 0
                    torch.save(self.dnn_model.state_dict(), save_path)
                train_loss = 0
                self.scheduler.step(cur_loss_val)

    def get_loss(self, pred, w, target, loss_type):
        if loss_type == "mse":
            sqr_loss = torch.mul(pred - target, pred - target)
            loss = torch.mul(sqr_loss, w).mean()
            return loss
        elif loss_type == "binary":
            loss = nn.BCELoss(weight=w)
            return loss(pred, target)
        else:
            raise NotImplementedError("loss {} is not supported!".format(loss_type))


class AverageMeter:
    def __init__(self):
        self.reset()

    def reset(self):
        self.val = 0
        self.avg = 0
        self.sum = 0
        self.count = 0

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count


class Net(nn.Module):
    def __init__(self, input_dim, output_dim, layers=(256, 512, 768, 512, 256, 128, 64), loss="mse"):
        super(Net, self).__init__()
        layers = [input_dim] + list(layers)
        dnn_layers = []
        dnn_layers.append(nn.Dropout(0.05))
        for i, (in_dim, hidden_units) in enumerate(zip(layers[:-1], layers[1:])):
            fc = nn.Linear(in_dim, hidden_units)
            activation = nn.LeakyReLU(negative_slope=0.1, inplace=False)
            bn = nn.BatchNorm1d(hidden_units)
            dnn_layers.append(nn.Sequential(fc, bn, activation))
        dnn_layers.append(nn.Dropout(0.05))
        if loss == "mse":
            fc = nn.Linear(hidden_units, output_dim)
            dnn_layers.append(fc)
        elif loss == "binary":
            fc = nn.Linear(hidden_units, output_dim)
            sigmoid = nn.Sigmoid()
            dnn_layers.append(nn.Sequential(fc, sigmoid))
        else:
            raise NotImplementedError("loss {} is not supported!".format(loss))
        self.dnn_layers = nn.ModuleList(dnn_layers)

    def forward(self, x):
        out = x
        for i, layer in enumerate(self.dnn_layers):
            out = layer(out)
        return out
