"""look-alike [LG006, LG014]: the subgraph link-prediction trainer adds each batch's loss tensor to an epoch total, but inside torch.no_grad() after the step, so the total holds no graph; gradients are cleared at the top of every batch."""
# Source: BUPT-GAMMA/OpenHGNN at efc3923c (read as is), openhgnn/trainerflow/Grail_trainer.py; re-typed,
# identifiers renamed; the ranking evaluation, early stopping on validation AUC and the dataset bookkeeping cut.
# At HEAD the epoch loop reads range(1, 1) (it never runs; the flow goes straight to ranking); written here with
# the configured epoch count so that train_epoch is reached.
import time

import torch
import torch.nn as nn
import torch.optim as optim
from sklearn import metrics
from torch.utils.data import DataLoader

from openhgnn.models import build_model
from . import BaseFlow, register_flow
from ..utils.Grail_utils import collate_dgl, move_batch_to_device_dgl


@register_flow('Grail_trainer')
class SubgraphLinkTrainer(BaseFlow):
    def __init__(self, args):
        super(SubgraphLinkTrainer, self).__init__(args)
        self.trainset = self.task.dataset.train
        self.args.num_rels = self.trainset.num_rels
        self.args.inp_dim = self.trainset.n_feat_dim
        self.args.collate_fn = collate_dgl
        self.args.move_batch_to_device = move_batch_to_device_dgl
        self.model = build_model(self.model).build_model_from_args(self.args, self.task.dataset.relation2id).to(
            self.device)
        params = list(self.model.parameters())
        if self.args.optimizer == "SGD":
            self.optimizer = optim.SGD(params, lr=self.args.lr, momentum=self.args.momentum, weight_decay=self.args.l2)
        if self.args.optimizer == "Adam":
            self.optimizer = optim.Adam(params, lr=self.args.lr, weight_decay=self.args.l2)
        self.criterion = nn.MarginRankingLoss(self.args.margin, reduction='sum')
        self.steps = 0

    def train_epoch(self):
        total_loss = 0
        labels_seen = []
        scores_seen = []
        loader = DataLoader(self.trainset, batch_size=self.args.batch_size, shuffle=True,
                            num_workers=self.args.num_workers, collate_fn=self.args.collate_fn)
        self.model.train()
        params = list(self.model.parameters())
        for b_idx, batch in enumerate(loader):
            pos, pos_y, neg, neg_y = self.args.move_batch_to_device(batch, self.args.device)
            self.optimizer.zero_grad()
            s_pos = self.model(pos)
            s_neg = self.model(neg)
            loss = self.criterion(s_pos.squeeze(), s_neg.view(len(s_pos), -1).mean(dim=1),
                                  torch.Tensor([1]).to(device=self.args.device))
            loss.backward()
            self.optimizer.step()
            self.steps += 1
            with torch.no_grad():
                scores_seen += s_pos.squeeze().detach().cpu().tolist() + s_neg.squeeze().detach().cpu().tolist()
                labels_seen += pos_y.tolist() + neg_y.tolist()
                total_loss += loss
        auc = metrics.roc_auc_score(labels_seen, scores_seen)
        auc_pr = metrics.average_precision_score(labels_seen, scores_seen)
        weight_norm = sum(map(lambda x: torch.norm(x), params))
        return total_loss, auc, auc_pr, weight_norm

    def train(self):
        for epoch in range(1, self.args.num_epochs + 1):
            t0 = time.time()
            loss, auc, auc_pr, weight_norm = self.train_epoch()
            self.logger.info(f'Epoch {epoch} loss {loss} auc {auc} auc_pr {auc_pr} in {time.time() - t0}')
