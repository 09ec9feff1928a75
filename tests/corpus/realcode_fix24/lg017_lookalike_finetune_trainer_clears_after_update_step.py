"""look-alike [LG017]: the same fine-tuning trainer at the fix: the clear runs after the step, under the update step's test, so each step applies every batch accumulated since the last."""

# Source: Nerogar/OneTrainer@ab0c165872 modules/trainer/FineTuneTrainer.py (the fix commit; cut, renamed)
import os
from datetime import datetime

import torch
from torch import nn
from torch.cuda.amp import GradScaler
from tqdm import tqdm

from modules.trainer.BaseTrainer import BaseTrainer
from modules.util.enum.TimeUnit import TimeUnit
from modules.util.TrainProgress import TrainProgress


class FineTuneTrainer(BaseTrainer):
    def __init__(self, args):
        super(FineTuneTrainer, self).__init__(args=args)

    def start(self):
        self.model_loader = self.create_model_loader()
        self.model_setup = self.create_model_setup()
        self.model = self.model_loader.load(self.args.base_model_name, self.args.model_type)
        self.data_loader = self.create_data_loader(self.model, self.model_setup.get_train_progress(self.model, self.args))

    def __needs_backup(self, train_progress: TrainProgress):
        return self.action_needed("backup", self.args.backup_after, self.args.backup_after_unit, train_progress)

    def __is_update_step(self, train_progress: TrainProgress) -> bool:
        return self.action_needed("update_step", self.args.gradient_accumulation_steps, TimeUnit.STEP, train_progress)

    def backup(self):
        path = os.path.join(self.args.backup_dir, datetime.now().strftime("%Y-%m-%d_%H-%M-%S"))
        self.model_saver.save(self.model, path)

    def train(self):
        parameters = self.model_setup.create_parameters(self.model, self.args)
        train_progress = self.model_setup.get_train_progress(self.model, self.args)
        optimizer = torch.optim.AdamW(parameters, lr=self.args.learning_rate)
        scaler = GradScaler()

        for epoch in tqdm(range(train_progress.epoch, self.args.epochs, 1), desc="epoch"):
            for epoch_step, batch in enumerate(tqdm(self.data_loader.dl, desc="step")):
                if self.__needs_backup(train_progress):
                    self.backup()

                with torch.autocast(self.args.train_device.type, dtype=self.args.train_dtype):
                    predicted, target = self.model_setup.predict(self.model, batch, self.args, train_progress)
                    loss = nn.functional.mse_loss(predicted.float(), target.float())

                scaler.scale(loss).backward()

                if self.__is_update_step(train_progress):
                    scaler.unscale_(optimizer)
                    nn.utils.clip_grad_norm_(parameters, 1)
                    scaler.step(optimizer)
                    scaler.update()
                    optimizer.zero_grad()

                train_progress.next_step(self.args.batch_size)

            train_progress.next_epoch()
