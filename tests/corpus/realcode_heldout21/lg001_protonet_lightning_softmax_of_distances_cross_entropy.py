"""positive [LG001]: a prototypical-network LightningModule turns query-to-prototype distances into probabilities with .softmax(-1) in calc_loss and hands them to self.loss_f = torch.nn.CrossEntropyLoss(); training, validation and test steps all go through calc_loss."""
# Source: Michedev/Prototypical-Networks-Few-Zero-Shot at 6f56c7c5 (the softmax before the cross-entropy stayed
# until 13a911e3, "add log softmax"), model.py; re-typed, identifiers renamed; the ModelSaver helper, the
# omniglot embedding and the test hooks shortened. paths.py is not included.
import pytorch_lightning as pl
import torch
from torch.nn import Conv2d, ReLU, Sequential, MaxPool2d, Flatten, GroupNorm

from paths import EMBEDDING_PATH


def conv_block(c_in):
    return Sequential(Conv2d(c_in, 64, kernel_size=3, padding=1), GroupNorm(4, 64), ReLU(), MaxPool2d(2, ceil_mode=False))


def embedding_miniimagenet():
    return Sequential(conv_block(3), conv_block(64), conv_block(64), conv_block(64), Flatten(start_dim=1))


class ProtoNet(pl.LightningModule):
    def __init__(self, train_n: int, test_n: int, supp_size: int, query_size: int, lr=10e-3, distance_f="euclidean"):
        super().__init__()
        self.lr = lr
        self.embed = embedding_miniimagenet()
        self.train_n = train_n
        self.test_n = test_n
        self.supp_size = supp_size
        self.query_size = query_size
        if distance_f == "euclidean":
            self.distance_f = lambda x, y: (x - y).norm(2, dim=-1)
        self.loss_f = torch.nn.CrossEntropyLoss()

    def forward(self, supp, y_supp, query):
        bs = supp.size(0)
        n_cls = supp.size(2)
        supp = supp.reshape(bs * supp.size(1) * supp.size(2), supp.size(3), supp.size(4), supp.size(5))
        emb_s = self.embed(supp).reshape(bs, self.supp_size, n_cls, -1)
        protos = torch.zeros(bs, n_cls, emb_s.shape[-1]).to(self.device)
        for b in range(bs):
            for s in range(self.supp_size):
                for k in range(n_cls):
                    protos[b, y_supp[b, s, k]] += emb_s[b, s, k]
        protos /= self.supp_size
        query = query.reshape(query.size(0) * query.size(1) * query.size(2), query.size(3), query.size(4), query.size(5))
        emb_q = self.embed(query).reshape(bs, self.query_size, n_cls, -1)
        return protos, emb_q

    def distances_centers(self, protos, query):
        protos = protos.unsqueeze(1)
        q = query.reshape(query.size(0), query.size(1) * query.size(2), 1, query.size(3))
        return self.distance_f(q, protos)

    def find_closest(self, protos, query):
        return self.distances_centers(protos, query).argmax(2)

    def training_step(self, batch, batch_nb):
        x_supp, x_query, y_supp, y_query = batch
        protos, query = self(x_supp, y_supp, x_query)
        loss = self.calc_loss(protos, query, y_query)
        with torch.no_grad():
            acc = self.calc_accuracy(protos.detach(), query.detach(), y_query)
        logs = {"loss/batch_train": loss, "accuracy/batch_train": acc}
        return {"loss": loss, "acc": acc, "log": logs, "progress_bar": {"acc": acc}}

    def calc_accuracy(self, protos, query, y_query):
        pred = self.find_closest(protos, query)
        y_query = y_query.flatten(1)
        return (pred == y_query).float().mean()

    def calc_loss(self, protos: torch.Tensor, query: torch.Tensor, y_query):
        dist = self.distances_centers(protos, query)
        dist = dist.reshape(dist.size(0) * dist.size(1), dist.size(2)).softmax(-1)
        y_query = y_query.flatten()
        return self.loss_f(dist, y_query)  # expect: LG001

    def training_epoch_end(self, outputs):
        torch.save(self.embed.state_dict(), EMBEDDING_PATH)
        avg_loss = sum(o["loss"] for o in outputs) / len(outputs)
        avg_acc = sum(o["acc"] for o in outputs) / len(outputs)
        print("\nTrain epoch loss:", avg_loss.item(), "Train epoch accuracy:", avg_acc.item())
        return {"train_loss": avg_loss, "train_acc": avg_acc, "log": {"loss/epoch_train": avg_loss}}

    def validation_step(self, batch, batch_nb):
        x_supp, x_query, y_supp, y_query = batch
        protos, query = self(x_supp, y_supp, x_query)
        loss = self.calc_loss(protos, query, y_query)
        acc = self.calc_accuracy(protos, query, y_query)
        return {"val_loss": loss, "val_acc": acc, "log": {"loss/val_epoch": loss}, "progress_bar": {"acc": acc}}

    def validation_epoch_end(self, outputs):
        avg_loss = torch.stack([o["val_loss"] for o in outputs]).mean()
        avg_acc = torch.stack([o["val_acc"] for o in outputs]).mean()
        print("Val epoch loss:", avg_loss.item(), "Val epoch accuracy:", avg_acc.item())
        return {"val_loss": avg_loss, "log": {"loss/epoch_val": avg_loss, "accuracy/epoch_val": avg_acc}}

    def configure_optimizers(self):
        opt = torch.optim.Adam(self.parameters(), lr=self.lr)
        half_lr = torch.optim.lr_scheduler.StepLR(opt, 2000, 0.5)
        return [opt], [half_lr]
