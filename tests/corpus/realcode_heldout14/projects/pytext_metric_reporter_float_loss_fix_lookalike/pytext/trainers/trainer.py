"""part of look-alike project [LG006]: the base trainer zeroes gradients, backpropagates and steps; its own run_epoch hands loss.item() to the reporter."""
# Source: facebookresearch/pytext at the fix 33027b3d ("Fix loss reporting"),
# pytext/trainers/trainer.py; re-typed; distributed, fp16 and checkpoint handling cut.
from pytext.common.constants import Stage


class Trainer(object):
    def __init__(self, config):
        self.config = config

    def zero_grads(self, state):
        if state.stage != Stage.TRAIN:
            return
        state.optimizer.zero_grad()

    def backprop(self, state, loss):
        if state.stage != Stage.TRAIN:
            return
        loss.backward()
        state.optimizer.step()
        state.scheduler.step_batch()

    def run_epoch(self, state, data, metric_reporter):
        report_metric = state.stage != Stage.TRAIN or self.config.report_train_metrics
        model = state.model
        for batch_id, (inputs, targets, context) in enumerate(data):
            self.zero_grads(state)
            model.contextualize(context)
            logits = model(*inputs)
            loss = model.get_loss(logits, targets, context)
            self.backprop(state, loss)
            if report_metric:
                preds, scores = model.get_pred(logits, targets, context, state.stage, *inputs)
                metric_reporter.add_batch_stats(batch_id, preds, targets, scores, loss.item(), inputs, **context)

        metrics = None
        if report_metric:
            metrics = metric_reporter.report_metric(model, state.stage, state.epoch)
        else:
            metric_reporter._reset()
        return metrics
