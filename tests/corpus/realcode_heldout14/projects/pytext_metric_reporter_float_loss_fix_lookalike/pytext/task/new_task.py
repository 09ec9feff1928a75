"""part of look-alike project [LG006]: the new-task trainer passes the metric data of train_batch, loss tensor included, to the reporter every batch."""
# Source: facebookresearch/pytext at the fix 33027b3d ("Fix loss reporting"),
# pytext/task/new_task.py; re-typed; the task class and the scheduler check cut.
from pytext.common.constants import Stage
from pytext.trainers.trainer import Trainer


class NewTaskTrainer(Trainer):
    def run_epoch(self, state, data, metric_reporter):
        report_metric = state.stage != Stage.TRAIN or self.config.report_train_metrics
        model = state.model

        for batch_id, batch in enumerate(data):
            self.zero_grads(state)
            loss, metric_data = model.train_batch(batch)
            self.backprop(state, loss)
            if report_metric:
                metric_reporter.add_batch_stats(batch_id, *metric_data, **metric_reporter.batch_context(batch))

        metrics = None
        if report_metric:
            metrics = metric_reporter.report_metric(model, state.stage, state.epoch, print_to_channels=(state.rank == 0))
        else:
            metric_reporter._reset()
        return metrics

    def train(self, training_data, eval_data, state, metric_reporter):
        for epoch in range(1, self.config.epochs + 1):
            state.epoch = epoch
            state.stage = Stage.TRAIN
            state.model.train()
            self.run_epoch(state, training_data, metric_reporter)
