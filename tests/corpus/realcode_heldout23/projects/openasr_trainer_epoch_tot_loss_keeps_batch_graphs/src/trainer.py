"""part of positive project [LG006]: the speech Transformer's trainer sums each batch's summed token loss (the model's forward returns per-token losses with their graph) into tot_loss with tot_loss = tot_loss + batch_loss in training mode as well, so the whole epoch's graphs stay alive until the epoch returns (tot_loss / tot_token).item(); the per-token loss that is back-propagated goes through the metric summarizer, gradients accumulated over accumulate_grad_batch batches."""
# Source: by2101/OpenASR at c5213d68 (read at the code issue #12, "训练的时候存在内存泄露" (memory grows during training), points to;
# the maintainer agreed, no fix commit followed), src/trainer.py;
# re-typed, identifiers renamed; checkpointing, the learning-rate schedule set-up, tensorboard figures and the
# language-model trainer (same file, same sum) cut. utils, schedule and the model are not included.
import logging
import time

import torch
from torch.nn.utils import clip_grad_norm_

import metric
import schedule
import utils


class Trainer(object):
    def __init__(self, model, config, tr_loader, cv_loader):
        self.config = config
        self.tr_loader = tr_loader
        self.cv_loader = cv_loader
        self.model = model.cuda()
        self.num_epoch = config["num_epoch"]
        self.accumulate_grad_batch = config["accumulate_grad_batch"]
        self.grad_max_norm = config["grad_max_norm"]
        self.label_smooth = config["label_smooth"]
        self.print_inteval = config["print_inteval"]
        self.init_lr = config["init_lr"]
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=self.init_lr, betas=(0.9, 0.98), eps=1e-9)
        self.lr_scheduler = schedule.get_scheduler(config["multi_step_lr_config"])
        self.metric_summarizer = metric.MetricSummarizer()
        self.metric_summarizer.register_metric("per_token_loss", display=True, visual=True, optim=True)
        self.metric_summarizer.register_metric("avg_token_loss", display=True, visual=True, optim=False)
        self.metric_summarizer.register_metric("learning_rate", display=True, visual=True, optim=False)
        self.epoch = 0
        self.step = 0
        self.tr_loss = []
        self.cv_loss = []

    def train(self):
        while self.epoch < self.num_epoch:
            self.epoch += 1
            tr_loss = self.iter_one_epoch()
            logging.info("tr loss: {:.4f}".format(tr_loss))
            cv_loss = self.iter_one_epoch(cross_valid=True)
            self.tr_loss.append(tr_loss)
            self.cv_loss.append(cv_loss)

    def iter_one_epoch(self, cross_valid=False):
        niter = 0
        if cross_valid:
            loader = self.cv_loader
            self.model.eval()
        else:
            loader = self.tr_loader
            self.model.train()
        timer = utils.Timer()
        timer.tic()
        tot_loss = 0.
        tot_token = 0
        n_accu_batch = self.accumulate_grad_batch
        loader_iter = iter(loader)
        tot_iter_num = len(loader_iter)
        while True:
            try:
                data = next(loader_iter)
                niter += 1
            except StopIteration:
                break
            utts, padded_waveforms, wave_lengths, ids, labels, paddings = data
            if cross_valid:
                with torch.no_grad():
                    this_loss = self.model(padded_waveforms.cuda(), wave_lengths.cuda(), ids.cuda(),
                                           labels.cuda(), paddings.cuda())
            else:
                this_loss = self.model(padded_waveforms.cuda(), wave_lengths.cuda(), ids.cuda(),
                                       labels.cuda(), paddings.cuda(), label_smooth=self.label_smooth)

            batch_loss = torch.sum(this_loss)
            n_token = torch.sum(1 - paddings).float()
            tot_loss = tot_loss + batch_loss  # expect: LG006
            tot_token = tot_token + n_token

            self.metric_summarizer.reset_metrics()
            self.metric_summarizer.update_metric("per_token_loss", batch_loss, 1.0 / n_token)
            self.metric_summarizer.update_metric("avg_token_loss", tot_loss, 1.0 / tot_token)
            self.metric_summarizer.update_metric("learning_rate", list(self.optimizer.param_groups)[0]["lr"], 1.0)
            self.metric_summarizer.summarize()

            loss = self.metric_summarizer.collect_loss()
            loss = loss / self.accumulate_grad_batch
            if not cross_valid:
                if n_accu_batch == self.accumulate_grad_batch:
                    self.optimizer.zero_grad()
                loss.backward()
                n_accu_batch -= 1
                if n_accu_batch == 0 or niter == tot_iter_num:
                    self.step += 1
                    clip_grad_norm_(self.model.parameters(), self.grad_max_norm)
                    self.lr_scheduler.step()
                    self.lr_scheduler.set_lr(self.optimizer, self.init_lr)
                    self.optimizer.step()
                    n_accu_batch = self.accumulate_grad_batch
                else:
                    continue

            if niter % self.print_inteval == 0:
                shown = self.metric_summarizer.fetch_scalers(use="display")
                logging.info("Epoch {} | Step {} | Iter {}: {}".format(self.epoch, self.step, niter, shown))

        self.metric_summarizer.reset_metrics()
        torch.cuda.empty_cache()
        time.sleep(2)
        return (tot_loss / tot_token).item()
