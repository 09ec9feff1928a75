"""look-alike [LG014]: a knowledge-graph training job's epoch loop back-propagates and steps on the loss of self._compute_batch_loss(...), which the base class leaves to its subclasses (raise NotImplementedError); the 1vsAll subclass's override clears the optimizer first (a refactor, bab500ecb5, later moved the clearing into the loop)."""

# Source: uma-pi1/kge@1285d2a39e kge/job/train.py (the parent of bab500ecb5, "Move zero_grad into main loop during training"; cut, renamed)
import time

import torch


class GraphTrainingJob:
    def __init__(self, config, dataset, model, loss):
        self.config = config
        self.dataset = dataset
        self.model = model
        self.loss = loss
        self.device = config.get("job.device")
        self.batch_size = config.get("train.batch_size")
        self.optimizer = torch.optim.Adagrad(model.parameters(), lr=config.get("train.lr"))
        self.epoch = 0
        self.loader = None

    def run(self):
        while self.epoch < self.config.get("train.max_epochs"):
            self.epoch += 1
            trace = self.run_epoch()
            self.config.log(str(trace))

    def run_epoch(self):
        self._prepare()
        sum_loss = 0.0
        sum_penalty = 0.0
        backward_time = 0.0
        for batch_index, batch in enumerate(self.loader):
            loss_value, batch_size, batch_prepare_time, batch_forward_time = self._compute_batch_loss(batch_index, batch)
            sum_loss += loss_value.item() * batch_size
            penalty_value = torch.zeros(1, device=self.device)
            for pv_value in self.model.penalty(epoch=self.epoch, batch_index=batch_index, num_batches=len(self.loader), batch=batch):
                penalty_value = penalty_value + pv_value
            sum_penalty += penalty_value.item()
            cost_value = loss_value + penalty_value

            batch_backward_time = -time.time()
            cost_value.backward()
            batch_backward_time += time.time()
            backward_time += batch_backward_time

            self.optimizer.step()
        return dict(avg_loss=sum_loss / len(self.loader), avg_penalty=sum_penalty / len(self.loader), backward_time=backward_time)

    def _prepare(self):
        raise NotImplementedError

    def _compute_batch_loss(self, batch_index, batch):
        "Returns loss_value (avg over batch), batch size, prepare time, forward time."
        raise NotImplementedError


class GraphTrainingJob1vsAll(GraphTrainingJob):
    def _prepare(self):
        self.loader = torch.utils.data.DataLoader(
            range(self.dataset.train.size(0)),
            collate_fn=lambda batch: {"triples": self.dataset.train[batch, :].long()},
            shuffle=True,
            batch_size=self.batch_size,
        )

    def _compute_batch_loss(self, batch_index, batch):
        batch_prepare_time = -time.time()
        triples = batch["triples"].to(self.device)
        batch_size = len(triples)
        batch_prepare_time += time.time()

        batch_forward_time = -time.time()
        self.optimizer.zero_grad()
        scores_sp = self.model.score_sp(triples[:, 0], triples[:, 1])
        loss_value = self.loss(scores_sp, triples[:, 2])
        scores_po = self.model.score_po(triples[:, 1], triples[:, 2])
        loss_value = loss_value + self.loss(scores_po, triples[:, 0])
        batch_forward_time += time.time()
        return loss_value, batch_size, batch_prepare_time, batch_forward_time
