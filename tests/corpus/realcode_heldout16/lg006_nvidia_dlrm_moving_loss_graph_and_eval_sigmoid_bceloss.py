"""positive [LG006, LG016]: the DLRM training script adds each step's loss tensor, returned un-detached from forward_backward, to a GPU running sum that is reset only every print_freq steps (about 500 by default), keeping every step's graph; its evaluation applies torch.sigmoid to the gathered scores and hands them to nn.BCELoss in the same function."""
# Source: NVIDIA/DeepLearningExamples at 729963dd (read as is), PyTorch/Recommendation/DLRM/dlrm/scripts/main.py;
# re-typed, identifiers renamed; flag definitions, the CUDA-graph wrapper's capture/replay, data loading, checkpointing,
# the inference benchmark and the distributed padding of the last test batch cut. FLAGS and the helpers are module-level
# names of the script, as in the source.
import itertools
import sys
from time import time

import torch
import torch.distributed as dist

from dlrm.utils import distributed as dist_utils
import dlrm.scripts.utils as utils


class StepRunner:
    def __init__(self, model, step_fn, clear_fn):
        self.model = model
        self._step_fn = step_fn
        self._clear_fn = clear_fn
        self.loss = None

    def train_step(self, *args):
        self._clear_fn(self.model)
        self.loss = self._step_fn(self.model, *args)
        return self.loss


def train(model, mlp_optimizer, embedding_optimizer, scaler, loader_train, loader_test, device, batch_sizes_per_gpu,
          batch_indices, rank):
    loss_fn = torch.nn.BCEWithLogitsLoss(reduction="mean")
    print_freq = 16384 * 2000 // FLAGS.batch_size if FLAGS.print_freq is None else FLAGS.print_freq
    steps_per_epoch = len(loader_train) - 1
    test_freq = FLAGS.test_freq if FLAGS.test_freq is not None else steps_per_epoch - 2
    metric_logger = utils.MetricLogger(delimiter="  ")

    # Accumulating loss on GPU to avoid memcpyD2H every step
    moving_loss = torch.zeros(1, device=device)

    def clear_grads(net):
        if FLAGS.Adam_embedding_optimizer or FLAGS.Adam_MLP_optimizer:
            net.zero_grad()
        else:
            for group in itertools.chain(embedding_optimizer.param_groups, mlp_optimizer.param_groups):
                for p in group['params']:
                    p.grad = None

    def forward_backward(net, dense, sparse, click):
        with torch.cuda.amp.autocast(enabled=FLAGS.amp):
            out = net(dense, sparse, batch_sizes_per_gpu).squeeze()
            loss = loss_fn(out, click[batch_indices[rank]: batch_indices[rank + 1]])
        scaler.scale(loss).backward()
        return loss

    def weight_update():
        if not FLAGS.freeze_mlps:
            scaler.step(mlp_optimizer)
        if not FLAGS.freeze_embeddings:
            scaler.unscale_(embedding_optimizer)
            embedding_optimizer.step()
        scaler.update()

    runner = StepRunner(model, forward_backward, clear_grads)
    best_auc = 0
    start = time()
    for epoch in range(FLAGS.epochs):
        batches = iter(loader_train)
        for step in range(len(loader_train)):
            dense, sparse, click = next(batches)
            global_step = steps_per_epoch * epoch + step
            if click.shape[0] != FLAGS.batch_size:
                continue
            loss = runner.train_step(dense, sparse, click)
            weight_update()
            moving_loss += loss  # expect: LG006

            if step % print_freq == 0 and step > 0:
                if torch.any(torch.isnan(loss)):
                    print('NaN loss encountered.')
                    break
                metric_logger.update(loss=moving_loss.item() / print_freq, lr=mlp_optimizer.param_groups[0]["lr"])
                metric_logger.print(header=f"Epoch:[{epoch}/{FLAGS.epochs}] [{step}/{steps_per_epoch}]")
                moving_loss = 0.

            if global_step % test_freq == 0 and global_step > 0:
                auc, val_loss = dist_evaluate(runner.model, loader_test)
                if auc is None:
                    continue
                print(f"Epoch {epoch} step {step}. auc {auc:.6f}")
                if auc > best_auc:
                    best_auc = auc
                if FLAGS.auc_threshold and auc >= FLAGS.auc_threshold:
                    print(f"Hit target accuracy AUC {FLAGS.auc_threshold} in {int(time() - start)}s.")
                    sys.exit()


def dist_evaluate(model, loader):
    model.eval()
    world_size = dist.get_world_size()
    per_gpu = [FLAGS.test_batch_size // world_size for _ in range(world_size)]
    with torch.no_grad():
        y_true = []
        y_score = []
        bce = torch.nn.BCELoss(reduction="mean")
        for step, (dense, sparse, click) in enumerate(loader):
            with torch.cuda.amp.autocast(enabled=FLAGS.amp):
                out = model(dense, sparse, per_gpu).squeeze().float()
            if FLAGS.auc_device == "CPU":
                click = click.cpu()
                out = out.cpu()
            y_true.append(click)
            y_score.append(out)
        if dist_utils.is_main_process():
            y_true = torch.cat(y_true)
            y_score = torch.sigmoid(torch.cat(y_score)).float()
            auc = utils.roc_auc_score(y_true, y_score)
            loss = bce(y_score, y_true).item()  # expect: LG016
            print(f'test loss: {loss:.8f}', )
        else:
            auc = None
            loss = None
    model.train()
    return auc, loss
