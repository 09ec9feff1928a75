"""part of look-alike project [LG002, LG004, LG005, LG006]: the fine-tuning trainer builds the CNN head, a torch.nn.BCELoss in _init_loss_fn and Adam, calls the step function of training_iter for every batch and sums the returned metrics (floats) per logging interval and per epoch."""
# Source: dhchoi-hs/transformer_pytorch at 4e4dfece, trainer/fine_tuning.py; re-typed, identifiers renamed; the checkpoint
# resume, TensorBoard and MLflow logging, model saving and the validation bookkeeping shortened.
import time
from functools import partial
from itertools import count
import torch
from torch.utils.data import DataLoader
from dataset_loader import tweet_disaster_dataset
from training_iter import finetune_step, run_epoch
from models.tweet_disaster_model import DisasterHeadCNN
from trainer.pre_train import PreTrainTrainer


class FineTuneTrainer(PreTrainTrainer):
    def _load_model(self):
        return DisasterHeadCNN.from_pretrained(
            self.pretrain_model_file, self.pretrain_config, self.config.unfreeze_last_layers,
            self.config.remove_last_layers, self.config.conv_filters,
            kernel_sizes=self.config.kernel_sizes, p_drop=self.config.p_dropout)

    def _load_datasets(self):
        collate = partial(tweet_disaster_dataset.collate_fn, max_seq=self.config.seq_len,
                          padding_idx=self.vocab['__PAD__'])
        train_set = tweet_disaster_dataset.DisasterTweets(
            self.config.train_dataset_file, self.config.train_dataset_label_file, self.vocab, self.config.seq_len)
        valid_set = tweet_disaster_dataset.DisasterTweets(
            self.config.valid_dataset_file, self.config.valid_dataset_label_file, self.vocab, self.config.seq_len)
        return (DataLoader(train_set, self.config.batch_size, self.config.shuffle_dataset_on_load, collate_fn=collate),
                DataLoader(valid_set, self.config.batch_size, self.config.shuffle_dataset_on_load, collate_fn=collate))

    def _init_loss_fn(self):
        loss_fn = torch.nn.BCELoss()
        loss_fn.to(device=self.device)
        return loss_fn

    def _init_optimizer(self, model):
        return torch.optim.Adam(model.parameters(), lr=self.config.learning_rate,
                                weight_decay=self.config.weight_decay)

    def _train_step(self, batch, model, criterion, optim=None):
        return finetune_step(batch, model, criterion, optim, True, self.device)

    def _valid_epoch(self, dataset, model, criterion):
        return run_epoch(dataset, model, criterion, None, False, self.device)

    def _train_loop(self, model, origin_model, train_loader, valid_loader):
        loss_fn = self._init_loss_fn()
        optim = self._init_optimizer(model)
        step = 0
        interval_loss = interval_acc = interval_f1 = .0
        epoch_loss = epoch_acc = epoch_f1 = .0
        log_every = 20
        for epoch in count(1) if self.config.epoch is None else range(1, self.config.epoch + 1):
            for batch in train_loader:
                step += 1
                model.train()
                started = time.time()
                metrics = self._train_step(batch, model, loss_fn, optim)
                interval_loss += metrics['loss']
                interval_acc += metrics['acc']
                interval_f1 += metrics['f1']
                epoch_loss += metrics['loss']
                epoch_acc += metrics['acc']
                epoch_f1 += metrics['f1']
                if step % log_every == 0:
                    print(epoch, step, interval_loss / log_every, interval_acc / log_every,
                          interval_f1 / log_every, time.time() - started)
                    interval_loss = interval_acc = interval_f1 = .0
            print('train', epoch_loss / len(train_loader), epoch_acc / len(train_loader), epoch_f1 / len(train_loader))
            epoch_loss = epoch_acc = epoch_f1 = .0
            if valid_loader is not None:
                model.eval()
                with torch.no_grad():
                    metrics = self._valid_epoch(valid_loader, model, loss_fn)
                print('valid', metrics['loss'], metrics['acc'], metrics['f1'])
