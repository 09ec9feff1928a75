"""part of look-alike project [LG006]: the worker's helper computes the loss and stores it into the statistics collector it is given."""
# Source: IBM/mi-prometheus@d585f9a2d5 ("Fixes #111") miprometheus/workers/worker.py (re-typed: predict_evaluate_collect only)


class Worker(object):
    def __init__(self, name):
        self.name = name

    def predict_evaluate_collect(self, model, problem, data_dict, stat_col, episode, epoch=None):
        logits = model(data_dict)
        loss = problem.evaluate_loss(data_dict, logits)
        if ("epoch" in stat_col) and (epoch is not None):
            stat_col["epoch"] = epoch
        stat_col["episode"] = episode
        # Collect loss as float.
        stat_col["loss"] = loss.item()
        problem.collect_statistics(stat_col, data_dict, logits)
        model.collect_statistics(stat_col, data_dict, logits)
        return logits, loss
