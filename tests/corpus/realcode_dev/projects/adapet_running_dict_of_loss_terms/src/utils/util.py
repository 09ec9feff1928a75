"""part of positive project [LG006]: the helper adds each new batch's dict of loss terms (tensors that still hold their graphs) into the running dict the training loop keeps between evaluations."""
# Source: https://github.com/huggingface/setfit scripts/adapet/ADAPET/src/utils/util.py at
# 0f8e322ce7c62eeb7b2d113f88f1b1fc37777692 (update_dict_val_store, get_avg_dict_val_store); re-typed, names changed, reduced.


def add_to_running(running, update, accumulation):
    if running is None:
        running = update
    else:
        for k in running.keys():
            running[k] += update[k] / accumulation  # expect: LG006
    return running


def average_running(running, num_batches=100):
    averages = {}
    for k in running.keys():
        averages[k] = float("%.3f" % (running[k].detach().cpu().item() / num_batches))
    return averages
