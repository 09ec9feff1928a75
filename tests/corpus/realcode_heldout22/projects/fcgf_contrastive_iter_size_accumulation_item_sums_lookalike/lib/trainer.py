"""part of look-alike project [LG006, LG014]: the contrastive trainer accumulates gradients over iter_size sub-batches on purpose (zero_grad once per group, backward per sub-batch with the loss divided by iter_size, one step after the group), sums loss.item() values, and validation feeds a registration-error metric named loss (computed from coordinates, not from the features' graph) to an AverageMeter."""
# Source: chrischoy/FCGF at dbc4f4c9 (read at the code issue #15, "validation torch.no_grad()", is about: the
# validation loop runs without no_grad), lib/trainer.py; re-typed, identifiers renamed, two-space indentation kept as
# four; the checkpoint resume and saving, the negative-pair sampler, the hit-ratio helpers, the logging and the other
# trainers (hardest contrastive, triplet) cut. model.load_model, lib.metrics, lib.timer, util.* and MinkowskiEngine are
# not included.
import gc
import logging

import MinkowskiEngine as ME
import numpy as np
import torch
import torch.nn.functional as F
import torch.optim as optim
from tensorboardX import SummaryWriter

import util.transform_estimation as te
from lib.metrics import corr_dist, pdist
from lib.timer import AverageMeter, Timer
from model import load_model


class AlignmentTrainer:
    def __init__(self, config, data_loader, val_data_loader=None):
        Model = load_model(config.model)
        model = Model(1, config.model_n_out, bn_momentum=config.bn_momentum,
                      normalize_feature=config.normalize_feature, conv1_kernel_size=config.conv1_kernel_size, D=3)
        self.config = config
        self.model = model
        self.max_epoch = config.max_epoch
        self.val_max_iter = config.val_max_iter
        self.val_epoch_freq = config.val_epoch_freq
        self.best_val_metric = config.best_val_metric
        self.best_val = -np.inf
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.optimizer = getattr(optim, config.optimizer)(model.parameters(), lr=config.lr,
                                                          momentum=config.momentum, weight_decay=config.weight_decay)
        self.scheduler = optim.lr_scheduler.ExponentialLR(self.optimizer, config.exp_gamma)
        self.start_epoch = 1
        self.data_loader = data_loader
        self.val_data_loader = val_data_loader
        self.test_valid = True if self.val_data_loader is not None else False
        self.iter_size = config.iter_size
        self.model = self.model.to(self.device)
        self.writer = SummaryWriter(logdir=config.out_dir)

    def train(self):
        for epoch in range(self.start_epoch, self.max_epoch + 1):
            self._train_epoch(epoch)
            self.scheduler.step()
            if self.test_valid and epoch % self.val_epoch_freq == 0:
                val_dict = self._valid_epoch()
                for k, v in val_dict.items():
                    self.writer.add_scalar(f"val/{k}", v, epoch)

    def _valid_epoch(self):
        self.model.eval()
        self.val_data_loader.dataset.reset_seed(0)
        loss_meter, rte_meter = AverageMeter(), AverageMeter()
        n_data = len(self.val_data_loader.dataset)
        if self.val_max_iter > 0:
            n_data = min(self.val_max_iter, n_data)
        it = self.val_data_loader.__iter__()
        for b in range(n_data):
            batch = it.next()
            s0 = ME.SparseTensor(batch["sinput0_F"], coords=batch["sinput0_C"]).to(self.device)
            F0 = self.model(s0).F
            s1 = ME.SparseTensor(batch["sinput1_F"], coords=batch["sinput1_C"]).to(self.device)
            F1 = self.model(s1).F

            xyz0, xyz1, T_gt = batch["pcd0"], batch["pcd1"], batch["T_gt"]
            xyz0_corr, xyz1_corr = self.find_corr(xyz0, xyz1, F0, F1, subsample_size=5000)
            T_est = te.est_quad_linear_robust(xyz0_corr, xyz1_corr)

            loss = corr_dist(T_est, T_gt, xyz0, xyz1, weight=None)
            loss_meter.update(loss)
            rte_meter.update(np.linalg.norm(T_est[:3, 3] - T_gt[:3, 3]))
            torch.cuda.empty_cache()
        return {"loss": loss_meter.avg, "rte": rte_meter.avg}


class ContrastiveLossTrainer(AlignmentTrainer):
    def __init__(self, config, data_loader, val_data_loader=None):
        if val_data_loader is not None:
            assert val_data_loader.batch_size == 1, "Val set batch size must be 1 for now."
        AlignmentTrainer.__init__(self, config, data_loader, val_data_loader)
        self.neg_thresh = config.neg_thresh
        self.pos_thresh = config.pos_thresh
        self.neg_weight = config.neg_weight

    def _train_epoch(self, epoch):
        gc.collect()
        self.model.train()
        total_loss = 0
        total_num = 0.0
        it = self.data_loader.__iter__()
        iter_size = self.iter_size
        start_iter = (epoch - 1) * (len(self.data_loader) // iter_size)

        for cur in range(len(self.data_loader) // iter_size):
            self.optimizer.zero_grad()
            batch_pos, batch_neg, batch_loss = 0, 0, 0

            for k in range(iter_size):
                batch = it.next()
                s0 = ME.SparseTensor(batch["sinput0_F"], coords=batch["sinput0_C"]).to(self.device)
                F0 = self.model(s0).F
                s1 = ME.SparseTensor(batch["sinput1_F"], coords=batch["sinput1_C"]).to(self.device)
                F1 = self.model(s1).F

                N0, N1 = batch["pcd0"].shape[0], batch["pcd1"].shape[0]
                pos_pairs = batch["correspondences"]
                neg_pairs = self.generate_rand_negative_pairs(pos_pairs, max(N0, N1), N0, N1)
                pos_pairs = pos_pairs.long().to(self.device)
                neg_pairs = torch.from_numpy(neg_pairs).long().to(self.device)

                neg0 = F0.index_select(0, neg_pairs[:, 0])
                neg1 = F1.index_select(0, neg_pairs[:, 1])
                pos0 = F0.index_select(0, pos_pairs[:, 0])
                pos1 = F1.index_select(0, pos_pairs[:, 1])

                pos_loss = (pos0 - pos1).pow(2).sum(1)
                neg_loss = F.relu(self.neg_thresh - ((neg0 - neg1).pow(2).sum(1) + 1e-4).sqrt()).pow(2)
                pos_mean = pos_loss.mean() / iter_size
                neg_mean = neg_loss.mean() / iter_size

                loss = pos_mean + self.neg_weight * neg_mean
                loss.backward()  # gradients accumulate over the iter_size group; zeroed at its start
                batch_loss += loss.item()
                batch_pos += pos_mean.item()
                batch_neg += neg_mean.item()

            self.optimizer.step()
            torch.cuda.empty_cache()

            total_loss += batch_loss
            total_num += 1.0
            if cur % self.config.stat_freq == 0:
                self.writer.add_scalar("train/loss", batch_loss, start_iter + cur)
                logging.info("Train Epoch: {} [{}/{}], Current Loss: {:.3e}".format(
                    epoch, cur, len(self.data_loader) // iter_size, batch_loss))
