"""part of look-alike project [LG002, LG006, LG016]: the shared engine builds torch.nn.BCELoss and trains one batch at a time on the model's (already sigmoid) output flattened with .view(-1); train_single_batch returns loss.item(), so the epoch total sums floats."""
# Source: Orca0917/Recsys-PyTorch-Implementation at c2959334 (read as is), NeuMF/engine.py; re-typed, identifiers
# renamed; the hit-ratio / NDCG evaluation shortened and checkpoint saving cut. util.py and metrics.py are not included.
import torch

from metrics import MetronAtK
from util import use_optimizer


class RecEngine(object):
    def __init__(self, config):
        self.config = config
        self._metron = MetronAtK(top_k=10)
        self.opt = use_optimizer(self.model, config)
        self.crit = torch.nn.BCELoss()

    def train_single_batch(self, users, items, ratings):
        if self.config["use_cuda"] is True:
            users, items, ratings = users.cuda(), items.cuda(), ratings.cuda()
        self.opt.zero_grad()
        ratings_pred = self.model(users, items)
        loss = self.crit(ratings_pred.view(-1), ratings)
        loss.backward()
        self.opt.step()
        loss = loss.item()
        return loss

    def train_an_epoch(self, train_loader, epoch_id):
        self.model.train()
        total_loss = 0
        for batch_id, batch in enumerate(train_loader):
            user, item, rating = batch[0], batch[1], batch[2]
            rating = rating.float()
            loss = self.train_single_batch(user, item, rating)
            print(f"[Training Epoch {epoch_id}] Batch {batch_id}, Loss {loss}")
            total_loss += loss

    def evaluate(self, evaluate_data, epoch_id):
        self.model.eval()
        with torch.no_grad():
            test_users, test_items = evaluate_data[0], evaluate_data[1]
            negative_users, negative_items = evaluate_data[2], evaluate_data[3]
            test_scores = self.model(test_users, test_items)
            negative_scores = self.model(negative_users, negative_items)
            self._metron.subjects = [
                test_users.data.view(-1).tolist(),
                test_items.data.view(-1).tolist(),
                test_scores.data.view(-1).tolist(),
                negative_users.data.view(-1).tolist(),
                negative_items.data.view(-1).tolist(),
                negative_scores.data.view(-1).tolist(),
            ]
        hit_ratio, ndcg = self._metron.cal_hit_ratio(), self._metron.cal_ndcg()
        print(f"[Evaluating Epoch {epoch_id}] HitRatio = {hit_ratio:.4f}, NDCG = {ndcg:.4f}")
        return hit_ratio, ndcg
