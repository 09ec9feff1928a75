"""part of look-alike project [LG006, LG015, LG014]: the adversarial-training Trainer builds CrossEntropyLoss/MSELoss with reduction='none', weights the per-sample losses and takes their mean before returning; the loop back-propagates, rebinds loss to loss.item() and adds that float to its running totals; gradients are cleared after each accumulated step."""
# Source: QData/TextAttack at f800c2c0 (read as is), textattack/trainer.py; re-typed, identifiers renamed; adversarial
# example generation, evaluation, checkpointing and logging backends cut.
import logging

import torch
import tqdm
import transformers

import textattack

logger = logging.getLogger(__name__)


class Trainer:
    def __init__(self, model_wrapper, task_type="classification", attack=None, train_dataset=None,
                 eval_dataset=None, training_args=None):
        self.model_wrapper = model_wrapper
        self.task_type = task_type
        self.attack = attack
        self.train_dataset = train_dataset
        self.eval_dataset = eval_dataset
        self.training_args = training_args
        if self.task_type == "regression":
            self.loss_fct = torch.nn.MSELoss(reduction="none")
        else:
            self.loss_fct = torch.nn.CrossEntropyLoss(reduction="none")
        self._global_step = 0

    def training_step(self, model, tokenizer, batch):
        texts, targets, is_adv = batch
        raw_targets = targets
        targets = targets.to(textattack.shared.utils.device)

        if isinstance(model, transformers.PreTrainedModel) or (
            isinstance(model, torch.nn.DataParallel) and isinstance(model.module, transformers.PreTrainedModel)
        ):
            ids = tokenizer(texts, padding=True, return_tensors="pt", truncation=True)
            ids.to(textattack.shared.utils.device)
            logits = model(**ids)[0]
        else:
            ids = tokenizer(texts)
            if not isinstance(ids, torch.Tensor):
                ids = torch.tensor(ids)
            ids = ids.to(textattack.shared.utils.device)
            logits = model(ids)

        if self.task_type == "regression":
            loss = self.loss_fct(logits.squeeze(), targets.squeeze())
            preds = logits
        else:
            loss = self.loss_fct(logits, targets)
            preds = logits.argmax(dim=-1)

        weights = torch.ones(is_adv.size(), device=textattack.shared.utils.device)
        weights[is_adv] *= self.training_args.alpha
        loss = loss * weights
        loss = torch.mean(loss)
        preds = preds.cpu()
        return loss, preds, raw_targets

    def train(self):
        model = self.model_wrapper.model
        tokenizer = self.model_wrapper.tokenizer
        optimizer, scheduler = self.get_optimizer_and_scheduler(model, self.training_args.num_epochs)
        model.to(textattack.shared.utils.device)
        self._total_loss = 0.0
        self._current_loss = 0.0
        self._last_log_step = 0

        for epoch in range(1, self.training_args.num_epochs + 1):
            loader = self.get_train_dataloader(self.train_dataset, None, self.training_args.per_device_train_batch_size)
            model.train()
            all_preds = []
            all_targets = []
            bar = tqdm.tqdm(loader, desc="Iteration", position=0, leave=True, dynamic_ncols=True)
            for step, batch in enumerate(bar):
                loss, preds, targets = self.training_step(model, tokenizer, batch)
                if isinstance(model, torch.nn.DataParallel):
                    loss = loss.mean()
                loss = loss / self.training_args.gradient_accumulation_steps
                loss.backward()
                loss = loss.item()
                self._total_loss += loss
                self._current_loss += loss

                all_preds.append(preds)
                all_targets.append(targets)

                if (step + 1) % self.training_args.gradient_accumulation_steps == 0:
                    optimizer.step()
                    if scheduler:
                        scheduler.step()
                    optimizer.zero_grad()
                    self._global_step += 1

                if self._global_step > 0:
                    bar.set_description(f"Loss {self._total_loss / self._global_step:.5f}")
            logger.info(f"Epoch {epoch}: loss {self._total_loss:.5f}")
