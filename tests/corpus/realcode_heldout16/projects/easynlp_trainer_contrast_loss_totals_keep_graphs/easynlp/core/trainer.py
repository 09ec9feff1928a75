"""part of positive project [LG006]: the NLP toolkit's trainer, when contrast learning is on (CKBERT pre-training), adds each step's loss tensor and contrastive-loss tensor to running totals after backward and only resets them every ten steps, so each total holds up to ten steps' graphs."""
# Source: alibaba/EasyNLP at a4ee956 (read as is; the totals came with c886639 "feat: add ckbert"),
# easynlp/core/trainer.py; re-typed, identifiers renamed; distributed and torchacc set-up, checkpoint export,
# evaluation inside after_iter, the knowledge-label branch and logging cut.
import contextlib
import time

import torch

from easynlp.utils import get_args
from easynlp.utils.logger import logger


class Trainer(object):
    def __init__(self, model, train_dataset, evaluator, **kwargs):
        self.args = get_args()
        self._model = model
        self.model_module = model
        self.evaluator = evaluator
        self.contrast_learning_flag = kwargs.get('contrast_learning_flag', False)
        self._train_loader = self.build_loader(train_dataset)
        self._optimizer, self._lr_scheduler = self.build_optimizer()
        self._scaler = torch.cuda.amp.GradScaler() if self.args.use_amp else None
        self._device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')
        self._start_epoch = 0
        self._global_step = 0
        self._start_global_step = 0
        self._epoch_tr_loss = 0.0
        self._epoch_n_tr_steps = 0

    def autocast_context_manager(self):
        if self.args.use_amp:
            return torch.cuda.amp.autocast()
        return contextlib.nullcontext()

    def contrast_learning_process(self, examples):
        shape = examples.size()
        flat = examples.view(-1, shape[-1])
        nonzero = torch.nonzero(torch.sum(flat, dim=-1))
        picked = flat[nonzero]
        hidden = self._model({"input_ids": picked.squeeze(1)})['hidden_states']
        hshape = hidden.size()
        flat = flat.unsqueeze(-1).repeat(1, 1, hshape[-1]).float()
        flat[nonzero.squeeze(-1)] = hidden
        return flat.view(shape[0], shape[1], shape[2], shape[3], hshape[-1])

    def train(self):
        args = self.args
        for epoch in range(self._start_epoch, int(args.epoch_num)):
            self.before_epoch(epoch)
            loss_total = 0
            pn_loss_total = 0
            for step, batch in enumerate(self._train_loader):
                if self._global_step + 1 < self._start_global_step:
                    if (step + 1) % args.gradient_accumulation_steps == 0:
                        self._global_step += 1
                    continue
                batch = {k: v.to(self._device) if isinstance(v, torch.Tensor) else v for k, v in batch.items()}
                label_ids = batch.pop('label_ids', None)
                examples = batch.pop('positive_negative_examples', None)
                with self.autocast_context_manager():
                    if label_ids is not None:
                        outputs = self._model(batch)
                        if self.contrast_learning_flag:
                            example_states = self.contrast_learning_process(examples)
                    else:
                        outputs, label_ids = self._model(batch)
                    if self.contrast_learning_flag:
                        losses = self.model_module.compute_loss(
                            outputs, label_ids, constrast_learning_flag=self.contrast_learning_flag,
                            positive_negative_results=example_states)
                    else:
                        losses = self.model_module.compute_loss(outputs, label_ids)

                step_loss = losses['loss']
                if self.contrast_learning_flag:
                    step_loss = losses['loss'] + losses['cl_loss']
                if args.n_gpu > 1:
                    step_loss = step_loss.mean()
                if args.gradient_accumulation_steps > 1:
                    step_loss = step_loss / args.gradient_accumulation_steps

                if self.args.use_amp:
                    self._scaler.scale(step_loss).backward()
                else:
                    step_loss.backward()

                if self.contrast_learning_flag:
                    loss_total += step_loss  # expect: LG006
                    pn_loss_total += losses['cl_loss']  # expect: LG006
                    if step % 10 == 0:
                        logger.info(f"total loss: {loss_total/10}\t knowledge loss: {(loss_total - pn_loss_total)/10}\t contrast loss: {pn_loss_total/10}")
                        loss_total = 0
                        pn_loss_total = 0

                self.after_iter(step, epoch, losses)
            self.after_epoch()

    def after_iter(self, step, epoch, losses):
        args = self.args
        self.pred_loss = losses['loss'].item()
        self._epoch_tr_loss += self.pred_loss
        self._epoch_n_tr_steps += 1
        if (step + 1) % args.gradient_accumulation_steps == 0:
            self.optimizer_step()
            self._global_step += 1

    def optimizer_step(self):
        if self._lr_scheduler:
            torch.nn.utils.clip_grad_norm_(self.model_module.parameters(), self.args.max_grad_norm)
        if self.args.use_amp:
            self._scaler.step(self._optimizer)
            self._scaler.update()
        else:
            if self._lr_scheduler:
                self._optimizer.step()
        if self._lr_scheduler:
            self._lr_scheduler.step()
        self._optimizer.zero_grad()

    def before_epoch(self, epoch):
        self._epoch_tr_loss = 0.0
        self._epoch_n_tr_steps = 0
        self._start_time = time.time()

    def after_epoch(self):
        logger.info('epoch loss %.4f' % (self._epoch_tr_loss / max(self._epoch_n_tr_steps, 1)))
