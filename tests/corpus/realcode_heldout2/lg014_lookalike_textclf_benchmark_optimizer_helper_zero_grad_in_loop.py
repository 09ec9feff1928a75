"""look-alike [LG014, LG006]: the text-classification benchmark after its fix: the optimizer comes from a utils.getOptimizer helper and zero_grad runs at the top of every iteration, before F.cross_entropy, backward, clipping and step."""
# Source: https://github.com/FreedomIntelligence/TextClassificationBenchmark main.py at
# c3dfd2622794e6f9d7d91e75506795ceb31f57b9 (after issue #20); re-typed, names changed, reduced. Correct code.
import time

import torch
import torch.nn.functional as F

import models
import opts
import utils


def train(opt, train_iter, test_iter, verbose=True):
    logger = utils.getLogger()
    model = models.setup(opt)
    params = [param for param in model.parameters() if param.requires_grad]
    model.train()
    optimizer = utils.getOptimizer(params, name=opt.optimizer, lr=opt.learning_rate, scheduler=utils.get_lr_scheduler(opt.lr_scheduler))
    loss_fun = F.cross_entropy
    percisions = []
    for i in range(opt.max_epoch):
        for epoch, batch in enumerate(train_iter):
            optimizer.zero_grad()
            start = time.time()
            text = batch.text[0] if opt.from_torchtext else batch.text
            predicted = model(text)
            loss = loss_fun(predicted, batch.label)
            loss.backward()
            utils.clip_gradient(optimizer, opt.grad_clip)
            optimizer.step()
            if verbose:
                logger.info("%d iteration %d epoch with loss : %.5f in %.4f seconds" % (i, epoch, loss.cpu().data.numpy(), time.time() - start))
        percision = utils.evaluation(model, test_iter, opt.from_torchtext)
        percisions.append(percision)
    return max(percisions)


if __name__ == "__main__":
    opt = opts.parse_opt()
    import dataHelper

    train_iter, test_iter = dataHelper.loadData(opt)
    train(opt, train_iter, test_iter)
