"""part of look-alike project [LG006, LG012, LG014]: per batch the trainer calls model(**batch), merges the output dict into the batch, calls criterion(**batch), back-propagates loss/grad_acum, steps every grad_acum batches and clears the gradients at the start of each accumulation window; metrics get loss.item()."""
# Source: Torfinhell/ASR_Conformer@ce38698b54797a1dd8fd45c5fc691529296e1b32 src/trainer/trainer.py (read as is; re-typed, identifiers renamed, cut at method boundaries: the logging methods left out)
from src.metrics.tracker import MetricTracker
from src.trainer.base_trainer import BaseTrainer


class ASRTrainer(BaseTrainer):

    def process_batch(self, batch, metrics: MetricTracker, batch_id: int):
        batch = self.move_batch_to_device(batch)
        batch = self.transform_batch(batch)
        metric_funcs = self.metrics["inference"]
        if self.is_train:
            metric_funcs = self.metrics["train"]
            if batch_id % self.grad_acum == 0:
                self.optimizer.zero_grad()
        outputs = self.model(**batch)
        batch.update(outputs)

        all_losses = self.criterion(**batch)
        batch.update(all_losses)

        if self.is_train:
            scaled = batch["loss"] / self.grad_acum
            scaled.backward()
            if (batch_id + 1) % self.grad_acum == 0:
                self._clip_grad_norm()
                self.optimizer.step()
                if self.lr_scheduler is not None:
                    self.lr_scheduler.step()

        for loss_name in self.config.writer.loss_names:
            metrics.update(loss_name, batch[loss_name].item())
        for met in metric_funcs:
            metrics.update(met.name, met(**batch))
        return batch
