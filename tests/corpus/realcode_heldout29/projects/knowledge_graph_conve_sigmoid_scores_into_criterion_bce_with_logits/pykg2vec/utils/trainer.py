"""part of positive project [LG003]: the trainer builds the optimizer named in the config; for projection models (conve, tucker, ...) train_step_projection runs the model forward for tails and heads and calls self.model.loss(pred_heads, pred_tails, tr_h, hr_t, ...); the epoch loop clears, back-propagates, steps and adds loss.item()."""
# Source: Sujit-O/pykg2vec at 492807b6, pykg2vec/utils/trainer.py; re-typed, identifiers renamed; the early stopper, evaluation,
# model saving and export, and the pairwise/pointwise steps shortened. Generator, Evaluator, Monitor and
# TrainingStrategy are the repository's (not included).
import torch
import torch.optim as optim
from tqdm import tqdm

from pykg2vec.utils.evaluator import Evaluator
from pykg2vec.data.generator import Generator
from pykg2vec.common import Monitor, TrainingStrategy


class Trainer:
    def __init__(self, model, config):
        self.model = model
        self.config = config
        self.training_results = []
        self.evaluator = None
        self.generator = None
        self.optimizer = None

    def build_model(self, monitor=Monitor.FILTERED_MEAN_RANK):
        self.evaluator = Evaluator(self.model, self.config)
        self.model.to(self.config.device)
        if self.config.optimizer == "adam":
            self.optimizer = optim.Adam(self.model.parameters(), lr=self.config.learning_rate)
        elif self.config.optimizer == "sgd":
            self.optimizer = optim.SGD(self.model.parameters(), lr=self.config.learning_rate)
        elif self.config.optimizer == "adagrad":
            self.optimizer = optim.Adagrad(self.model.parameters(), lr=self.config.learning_rate)
        else:
            raise NotImplementedError("No support for %s optimizer" % self.config.optimizer)

    def train_step_pairwise(self, pos_h, pos_r, pos_t, neg_h, neg_r, neg_t):
        pos_preds = self.model(pos_h, pos_r, pos_t)
        neg_preds = self.model(neg_h, neg_r, neg_t)
        loss = self.model.loss(pos_preds, neg_preds, self.config.margin)
        loss += self.model.get_reg(None, None, None)
        return loss

    def train_step_projection(self, h, r, t, hr_t, tr_h):
        if self.model.model_name.lower() in ["conve", "tucker", "interacte", "hyper", "acre"]:
            pred_tails = self.model(h, r, direction="tail")
            pred_heads = self.model(t, r, direction="head")
            if hasattr(self.config, 'label_smoothing'):
                loss = self.model.loss(pred_heads, pred_tails, tr_h, hr_t, self.config.label_smoothing,
                                       self.config.tot_entity)
            else:
                loss = self.model.loss(pred_heads, pred_tails, tr_h, hr_t, None, None)
        else:
            pred_tails = self.model(h, r, hr_t, direction="tail")
            pred_heads = self.model(t, r, tr_h, direction="head")
            loss = self.model.loss(pred_heads, pred_tails)
        loss += self.model.get_reg(h, r, t)
        return loss

    def train_model(self):
        self.generator = Generator(self.model, self.config)
        for epoch in range(self.config.epochs):
            self.train_model_epoch(epoch)
        self.generator.stop()

    def train_model_epoch(self, epoch_idx, tuning=False):
        acc_loss = 0
        num_batch = self.config.tot_train_triples // self.config.batch_size
        self.generator.start_one_epoch(num_batch)
        progress_bar = tqdm(range(num_batch))
        for _ in progress_bar:
            data = list(next(self.generator))
            self.model.train()
            self.optimizer.zero_grad()
            if self.model.training_strategy == TrainingStrategy.PROJECTION_BASED:
                h = torch.LongTensor(data[0]).to(self.config.device)
                r = torch.LongTensor(data[1]).to(self.config.device)
                t = torch.LongTensor(data[2]).to(self.config.device)
                hr_t = data[3].to(self.config.device)
                tr_h = data[4].to(self.config.device)
                loss = self.train_step_projection(h, r, t, hr_t, tr_h)
            elif self.model.training_strategy == TrainingStrategy.PAIRWISE_BASED:
                pos_h, pos_r, pos_t = (torch.LongTensor(d).to(self.config.device) for d in data[:3])
                neg_h, neg_r, neg_t = (torch.LongTensor(d).to(self.config.device) for d in data[3:6])
                loss = self.train_step_pairwise(pos_h, pos_r, pos_t, neg_h, neg_r, neg_t)
            else:
                raise NotImplementedError("Unknown training strategy: %s" % self.model.training_strategy)
            loss.backward()
            self.optimizer.step()
            acc_loss += loss.item()
            if not tuning:
                progress_bar.set_description('acc_loss: %f, cur_loss: %f' % (acc_loss, loss))
        self.training_results.append([epoch_idx, acc_loss])
        return acc_loss
