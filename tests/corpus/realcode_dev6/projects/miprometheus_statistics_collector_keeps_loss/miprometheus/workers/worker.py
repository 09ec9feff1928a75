"""part of positive project [LG006]: the worker's helper computes the loss and stores it into the statistics collector it is given."""
# Source: IBM/mi-prometheus@0cfa852df5 (the parent of d585f9a2, "Fixes #111", which stores loss.item()) miprometheus/workers/worker.py (re-typed: predict_evaluate_collect only)


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
        stat_col["loss"] = loss
        problem.collect_statistics(stat_col, data_dict, logits)
        model.collect_statistics(stat_col, data_dict, logits)
        return logits, loss
