"""look-alike [LG006]: an issue's "memory leak" trainer: a step's losses appended to a list made anew each step and back-propagated together; the running sums read .data."""

# Source: sunsmarterjie/SDL-Skeleton#6 ("memory leak during training"; GPU memory grew until out of memory) at
# 8d254cb2b5e265c2fcb0f68eea2badbb8fa1dba7, engines/trainer_AdaLSN.py, Trainer.train, re-typed, renamed and cut (the
# learning-rate schedule, logging and checkpoints left out). The list holds one step's `iter_size` losses and is
# rebuilt every step; the sums take `.data[0]` (a number in the torch of its time). The thread's fix changed how
# backward is called, to need less memory per step: no graph is kept across steps.
import numpy as np
import torch
from torch.autograd import Variable


class Trainer(object):
    def __init__(self, network, optimizer, dataloader, args):
        self.args = args
        self.network = network
        self.optimizer = optimizer
        self.dataloader = dataloader

    def train(self):
        total_acc = 0.0
        fuse_acc = 0.0
        self.network.eval()  # if backbone has BN layers, freeze them
        batches = iter(self.dataloader)
        for step in range(self.args.resume_iter, self.args.max_step):
            losses = []
            for _ in range(self.args.iter_size):
                try:
                    data, target = next(batches)
                except StopIteration:
                    batches = iter(self.dataloader)
                    data, target = next(batches)

                data, target = data.cuda(self.args.gpu_id), target.cuda(self.args.gpu_id)
                data, target = Variable(data, requires_grad=False), Variable(target, requires_grad=False)

                loss, fuse_loss = self.network(data, target)
                if np.isnan(float(loss.data[0])):
                    raise ValueError("loss is nan while training")
                losses.append(loss)
                total_acc += loss.data[0]
                fuse_acc += fuse_loss.data[0]

            step_loss = torch.mean(torch.cat(losses))
            self.optimizer.zero_grad()
            step_loss.backward()
            self.optimizer.step()
        return total_acc / self.args.disp_interval / self.args.iter_size
