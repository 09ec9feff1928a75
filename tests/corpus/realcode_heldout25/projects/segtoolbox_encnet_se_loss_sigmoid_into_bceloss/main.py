"""part of positive project [LG016]: the training script builds SegLosses from the YAML config (se_loss/aux flags), unpacks the model's outputs into the pixel scores and the extra heads, zeroes, computes the loss tuple, back-propagates and steps; logged values go through .item()."""
# Source: Wanger-SJTU/SegToolbox.Pytorch at d2ad07ca (read as is), main.py; re-typed, identifiers renamed; config parsing, warm-up, label remasking,
# tensorboard images and the validation loop shortened.
import math

import torch
import tqdm

from lib.utils.criteria import SegLosses


def train(cfg, model, optim, train_loader, writer):
    seg_loss = SegLosses(nclass=cfg.MODEL.NUM_CLASSES, ignore_index=cfg.DATASET.IGNOREIDX, **cfg.TRAIN.LOSS)
    epochs = math.ceil(cfg.SOLVER.MAX_ITER / len(train_loader))
    for epoch in range(epochs):
        for idx, item in enumerate(tqdm.tqdm(train_loader, leave=False)):
            img = item[0].cuda()
            lbl = item[1].long().cuda()
            outputs = model(img)
            probs, *others = [outputs, ] if isinstance(outputs, torch.Tensor) else outputs
            optim.zero_grad()
            loss, *loss_detail = seg_loss(probs, others, lbl)
            loss.backward()
            optim.step()
            writer.add_scalar("train/loss", loss.data.detach().item())
            if writer.global_step > cfg.SOLVER.MAX_ITER:
                break
            writer.addStep()
