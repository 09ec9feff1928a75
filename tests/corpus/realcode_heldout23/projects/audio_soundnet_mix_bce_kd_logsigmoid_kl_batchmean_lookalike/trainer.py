"""part of look-alike project [LG003, LG006, LG008, LG009]: an audio-tagging trainer: BCEWithLogitsLoss(reduction='sum') on the SoundNet's raw scores (torch.sigmoid only for the mAP and the test predictions), distillation from a frozen teacher with F.kl_div(F.logsigmoid(pred), torch.sigmoid(pred_t), reduction='batchmean') for multi-label and log_softmax / softmax with batchmean otherwise; the metric logger gets loss_cls.item(), and the test loss is summed from .item() under torch.no_grad."""
# Source: Alibaba-MIIL/AudioClassfication at 6277e5e6 (read as is), trainer.py; re-typed, identifiers renamed; the
# argument parser, the dataset builders, DDP, EMA, checkpoint loading and the single-label test branch cut. modules,
# utils and logger are not included.
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch.utils.tensorboard import SummaryWriter

import logger
from datasets.batch_augs import BatchAugs
from utils.helper_funcs import accuracy, mAP


def create_model(args):
    from modules.soundnet import SoundNetRaw as SoundNet

    ds_fac = np.prod(np.array(args.ds_factors)) * 4
    return SoundNet(nf=args.nf, dim_feedforward=args.dim_feedforward, clip_length=args.seq_len // ds_fac,
                    embed_dim=args.emb_dim, n_layers=args.n_layers, nhead=args.n_head,
                    n_classes=args.n_classes, factors=args.ds_factors)


def train(args, train_loader, test_loader, device):
    net = create_model(args).to(device)
    net_t = None
    if args.kd_model:
        net_t = create_model(args)
        net_t.load_state_dict(torch.load(args.kd_model / Path("model.pt"), map_location=torch.device(device)))
        net_t.eval()
        net_t.to(device)
    batch_augs = BatchAugs({"fs": args.fs, "augs": args.augs, "mix_loss": args.mix_loss, "epoch_mix": args.epoch_mix,
                            "mix_ratio": args.mix_ratio})
    opt = torch.optim.AdamW(net.parameters(), lr=args.max_lr, betas=[0.9, 0.99], weight_decay=0)
    lr_scheduler = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.max_lr,
                                                       steps_per_epoch=len(train_loader), epochs=args.n_epochs)
    scaler = torch.cuda.amp.GradScaler() if args.amp else None

    if args.loss_type == "cross_entropy":
        criterion = torch.nn.CrossEntropyLoss(reduction="sum").to(device)
    elif args.loss_type == "bce":
        criterion = torch.nn.BCEWithLogitsLoss(reduction="sum").to(device)
    else:
        raise ValueError

    writer = SummaryWriter(str(args.save_path / args.run_name))
    steps = 0
    skip_scheduler = False
    net.train()
    for epoch in range(1, args.n_epochs + 1):
        metric_logger = logger.MetricLogger(delimiter="  ")
        for iterno, (x, y) in enumerate(metric_logger.log_every(train_loader, args.log_interval, f"Epoch: [{epoch}]")):
            x = x.to(device)
            if args.multilabel:
                y = [F.one_hot(torch.Tensor(y_i).long(), args.n_classes).sum(dim=0).float() for y_i in y]
                y = torch.stack(y, dim=0).contiguous().to(device)
            else:
                y = y.to(device)
            x, targets, is_mixed = batch_augs(x, y, epoch)
            with torch.cuda.amp.autocast(enabled=scaler is not None):
                pred = net(x)
                if is_mixed:
                    loss_cls = batch_augs.mix_loss(pred, targets, n_classes=args.n_classes,
                                                   pred_one_hot=args.multilabel)
                else:
                    loss_cls = criterion(pred, y)

            if args.kd_model:
                with torch.cuda.amp.autocast(enabled=scaler is not None):
                    with torch.no_grad():
                        pred_t = net_t(x)
                    if args.multilabel:
                        loss_cls += F.kl_div(F.logsigmoid(pred), torch.sigmoid(pred_t), reduction="batchmean")
                    else:
                        loss_cls += F.kl_div(pred.log_softmax(-1), pred_t.softmax(-1), reduction="batchmean")

            net.zero_grad()
            if args.amp:
                scaler.scale(loss_cls).backward()
                scaler.unscale_(opt)
                torch.nn.utils.clip_grad_norm_(net.parameters(), max_norm=1)
                scaler.step(opt)
                amp_scale = scaler.get_scale()
                scaler.update()
                skip_scheduler = amp_scale != scaler.get_scale()
            else:
                loss_cls.backward()
                opt.step()
            if not skip_scheduler:
                lr_scheduler.step()

            if not args.multilabel:
                acc = accuracy(pred.detach().data, y.detach().data, topk=(1,))[0].item()
            else:
                acc = mAP(y.detach().cpu().numpy(), torch.sigmoid(pred).detach().cpu().numpy())
            metric_logger.update(acc=acc)
            metric_logger.update(loss=loss_cls.item())
            if steps % args.log_interval == 0:
                writer.add_scalar("train/acc", acc, steps)
                writer.add_scalar("train/ce", loss_cls, steps)
            steps += 1

            if steps % args.save_interval == 0:
                net.eval()
                loss = 0
                labels = np.zeros((len(test_loader.dataset), args.n_classes)).astype(np.float32)
                preds = np.zeros((len(test_loader.dataset), args.n_classes)).astype(np.float32)
                idx_start = 0
                with torch.no_grad():
                    for i, (x, y) in enumerate(test_loader):
                        x = x.to(device)
                        y = [F.one_hot(torch.Tensor(y_i).long(), args.n_classes).sum(dim=0).float() for y_i in y]
                        y = torch.stack(y, dim=0).contiguous().to(device)
                        pred = net(x)
                        loss += F.binary_cross_entropy_with_logits(pred, y).item()
                        idx_end = idx_start + y.shape[0]
                        preds[idx_start:idx_end, :] = torch.sigmoid(pred).detach().data.cpu().numpy()
                        labels[idx_start:idx_end, :] = y.detach().data.cpu().numpy()
                        idx_start = idx_end
                    loss /= len(test_loader)
                    acc = mAP(labels, preds)
                writer.add_scalar("test/acc", acc, steps)
                writer.add_scalar("test/ce", loss, steps)
                net.train()
