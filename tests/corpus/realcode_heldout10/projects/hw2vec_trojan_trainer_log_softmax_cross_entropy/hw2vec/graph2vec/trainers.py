"""part of positive project [LG001]: GraphTrainer builds its CrossEntropyLoss in __init__ (either branch, nn from the models star import) and feeds it F.log_softmax of the graph head, in the training step and in the inference step."""
# Source: AICPS/hw2vec@545dd5947124ca2d99680508f8e7d55d60fb20d2 hw2vec/graph2vec/trainers.py (read as is; issue #23 of the repository reports the double log-softmax; re-typed, cut at class boundaries: PairwiseGraphTrainer and Evaluator, and BaseTrainer's embedding and metric helpers, left out)
import os, sys
sys.path.append(os.path.dirname(sys.path[0]))

import torch
import torch.nn.functional as F
import torch.optim as optim
import numpy as np

from tqdm import tqdm

from hw2vec.graph2vec.models import *


class BaseTrainer:
    def __init__(self, cfg):
        self.config = cfg
        self.min_test_loss = np.Inf
        self.model = None
        np.random.seed(self.config.seed)
        torch.manual_seed(self.config.seed)

    def build(self, model, path=None):
        self.model = model
        self.optimizer = optim.Adam(model.parameters(), lr=self.config.learning_rate, weight_decay=5e-4)


class GraphTrainer(BaseTrainer):
    def __init__(self, cfg, class_weights=None):
        super().__init__(cfg)
        self.task = "TJ"
        if class_weights.shape[0] < 2:
            self.loss_func = nn.CrossEntropyLoss()
        else:
            self.loss_func = nn.CrossEntropyLoss(weight=class_weights.float().to(cfg.device))

    def train(self, data_loader, valid_data_loader):
        bar = tqdm(range(self.config.epochs))
        for epoch_idx in bar:
            self.model.train()
            running = 0
            for data in data_loader:
                self.optimizer.zero_grad()
                data.to(self.config.device)
                loss_train = self.train_step(data)
                loss_train.backward()
                self.optimizer.step()
                running += loss_train.detach().cpu().numpy()
            bar.set_description('Epoch: {:04d}, loss_train: {:.4f}'.format(epoch_idx, running))
            if epoch_idx % self.config.test_step == 0:
                self.evaluate(epoch_idx, data_loader, valid_data_loader)

    def train_step(self, data):
        out, _ = self.model.embed_graph(data.x, data.edge_index, data.batch)
        out = self.model.mlp(out)
        out = F.log_softmax(out, dim=1)

        loss_train = self.loss_func(out, data.label)  # expect: LG001
        return loss_train

    def inference_step(self, data):
        out, attn = self.model.embed_graph(data.x, data.edge_index, data.batch)
        out = self.model.mlp(out)
        out = F.log_softmax(out, dim=1)

        loss = self.loss_func(out, data.label)  # expect: LG001
        return loss, out, attn

    def inference(self, data_loader):
        labels = []
        outs = []
        total = 0
        with torch.no_grad():
            self.model.eval()
            for data in data_loader:
                data.to(self.config.device)
                loss, out, _ = self.inference_step(data)
                total += loss.detach().cpu().numpy()
                outs.append(out.cpu())
                labels += np.split(data.label.cpu().numpy(), len(data.label.cpu().numpy()))
            outs = torch.cat(outs).reshape(-1, 2).detach()
        return total / len(data_loader), torch.LongTensor(labels), outs

    def evaluate(self, epoch_idx, data_loader, valid_data_loader):
        train_loss, _, _ = self.inference(data_loader)
        test_loss, _, _ = self.inference(valid_data_loader)
        if self.min_test_loss >= test_loss:
            self.min_test_loss = test_loss
            torch.save(self.model.state_dict(), str(self.config.model_path_obj / "model.pth"))
