"""part of positive project [LG006]: single_epoch_train creates loss_ = torch.tensor([0], requires_grad=False) and, after each batch's backward() and step(), adds the batch loss tensor to it (loss_ += loss), so every batch's graph is kept until the epoch ends; loss_.item() is read only after the loop."""
# Source: ruoyxue/semantic-segmentation-pytorch at a5019da3 (read as is; the same `loss_ += loss` since the commit
# 315d89e of 2021-12-10), code/trainer.py; re-typed, identifiers renamed; checkpoint loading and saving, the
# tensorboard graph, config dumping and the stitched validation shortened.
import logging
import os

import torch
from tqdm import tqdm

from utils import ComposedLoss


class Trainer:
    def __init__(self, args):
        self.args = args
        self.start_epoch = 1
        self.best_iou, self.best_epoch = 0, 1
        self.loader, self.criterion, self.evaluator, self.optimizer, self.scheduler = None, None, None, None, None
        self.init_elements()
        self.train()

    def init_elements(self):
        self.args.model.to(self.args.device)
        self.loader = make_train_loader(os.path.join(self.args.train_data_path, "image"),
                                        os.path.join(self.args.train_data_path, "gt"),
                                        batch_size=self.args.batch_size, chip_size=self.args.chip_size)
        self.criterion = ComposedLoss(n_class=self.args.n_class, weight=torch.tensor([0.0431, 0.9569]), ignore_index=0)
        self.criterion.to(self.args.device)
        self.evaluator = SegEvaluator(true_label=torch.arange(self.args.n_class))
        self.optimizer = torch.optim.Adam(self.args.model.parameters(), lr=self.args.lr, betas=(0.9, 0.999),
                                          eps=1e-08, weight_decay=1e-5)
        self.scheduler = PlateauScheduler(self.optimizer, mode="min", lr_factor=0.5, patience=8, min_lr=1e-6)

    def train(self):
        self.args.model.train()
        n_batches = int(len(self.loader) / self.args.batch_size)
        for epoch in range(self.start_epoch, self.args.epochs + 1):
            loss, metrics = self.single_epoch_train(epoch, n_batches)
            with torch.no_grad():
                valid = self.validation()
                if valid["iou"] > self.best_iou:
                    self.best_iou, self.best_epoch = valid["iou"], epoch
            logging.info("train loss %.5f, train iou %.4f", loss, metrics["iou"])
            self.evaluator.clear()

    def single_epoch_train(self, epoch, n_batches):
        logging.info(f"epoch {epoch}")
        loss_ = torch.tensor([0], dtype=torch.float32, device=self.args.device, requires_grad=False)
        with tqdm(total=n_batches, unit=" batch") as pbar:
            for i, (images, gts) in enumerate(self.loader):
                images = images.to(self.args.device)
                gts = gts.to(self.args.device)
                self.optimizer.zero_grad()
                preds = self.args.model(images)
                loss = self.criterion(preds, gts)
                loss.backward()
                self.optimizer.step()
                loss_ += loss  # expect: LG006
                self.evaluator.accumulate(torch.argmax(preds, dim=1), gts)
                pbar.update()
        self.evaluator.compute_mean()
        loss_ /= n_batches
        metrics = self.evaluator.get_metrics()
        logging.info("train_loss:{}  train_iou: {}".format(round(loss_.item(), 5), metrics["iou"]))
        self.scheduler.step(loss_, epoch)
        return loss_.item(), metrics

    def validation(self):
        self.args.model.eval()
        evaluator = SegEvaluator(true_label=torch.arange(self.args.n_class))
        for data, gt in make_valid_loader(self.args.valid_data_path, self.args.batch_size):
            preds = self.args.model(data.to(self.args.device))
            evaluator.accumulate(torch.argmax(preds, dim=1), gt.to(self.args.device))
        evaluator.compute_mean()
        self.args.model.train()
        return evaluator.get_metrics()
