"""part of look-alike project [LG001, LG003, LG006, LG014, LG017]: the VRD training loop accumulates gradients over `iterations` minibatches (zero_grad before the loop and after each step), divides the summed loss dictionary before backward, and logs only floats: a detached clone of the total and the dictionary converted with float(v.item())."""
# Source: mesnico/pytorch-retinanet at 13a4465e (read as is; the relationship and attribute heads this fork adds for the
# OpenImages 2019 challenge), train_vrd.py; re-typed, identifiers renamed; argument parsing, the datasets, the detector
# creation and checkpoint resume shortened (parser, dataloader_train, dataset_train, detector, logger, save_checkpoint
# as defined by the cut part).
from collections import Counter

import torch
import torch.optim as optim
import tqdm

from models.vrd import VRD


def clone_tensor_dict(d):
    return {k: float(v.item()) for k, v in d.items()}


def main():
    model = VRD(detector, dataset=dataset_train, train_relationships=parser.train_rel,
                train_attributes=parser.train_attr, finetune_detector=parser.finetune_detector)
    model = torch.nn.DataParallel(model.cuda()).cuda()
    optimizer = optim.Adam(model.parameters(), lr=parser.lr)
    scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=parser.lr_step_size)
    for epoch_num in tqdm.trange(0, parser.epochs):
        model.train()
        log_losses_mean = {}
        running_loss_sum = 0
        progress = tqdm.tqdm(dataloader_train)
        optimizer.zero_grad()
        for minibatch_idx, (images, targets) in enumerate(progress):
            images = list(image.cuda().float() for image in images)
            targets = [{k: v.cuda() for k, v in t.items()} for t in targets]
            loss_dict = model(images, targets)
            loss = sum(loss for loss in loss_dict.values())
            monitor_loss = loss.clone().detach()
            loss /= parser.iterations
            running_loss_sum += float(loss.item())
            loss.backward()
            if len(log_losses_mean) == 0:
                log_losses_mean = clone_tensor_dict(loss_dict)
                log_losses_mean['total_loss'] = float(monitor_loss.item())
            else:
                loss_dict['total_loss'] = monitor_loss
                log_losses_mean = Counter(clone_tensor_dict(loss_dict)) + Counter(log_losses_mean)
            if (minibatch_idx + 1) % parser.iterations == 0:
                progress.set_postfix(dict(it=minibatch_idx // parser.iterations, loss=running_loss_sum))
                optimizer.step()
                optimizer.zero_grad()
                running_loss_sum = 0
            if (minibatch_idx + 1) % (parser.log_interval * parser.iterations) == 0:
                log_losses_mean = {k: v / (parser.log_interval * parser.iterations) for k, v in log_losses_mean.items()}
                logger.add_scalars("logs/losses", log_losses_mean, epoch_num * len(dataloader_train) + minibatch_idx)
                log_losses_mean = {}
            if (minibatch_idx + 1) % (parser.checkpoint_interval * parser.iterations) == 0:
                save_checkpoint({'optimizer': optimizer.state_dict(), 'scheduler': scheduler.state_dict(),
                                 'epoch': epoch_num}, parser.experiment_fld, overwrite=True)
        scheduler.step()


if __name__ == '__main__':
    main()
