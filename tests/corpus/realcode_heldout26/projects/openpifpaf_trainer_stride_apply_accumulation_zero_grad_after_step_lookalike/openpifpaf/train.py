"""part of look-alike project [LG006, LG014, LG017]: the training entry point builds the network, the optimizer and learning-rate schedule, the composite head loss and the loaders from the command line, then runs Trainer.loop with stride_apply."""
# Source: openpifpaf/openpifpaf at fe27168e (read as is; issue #123 asks about the order backward, step, zero_grad), openpifpaf/train.py;
# re-typed, identifiers renamed; the augmentation pipeline, base-net freezing and pre-training epochs shortened
# (cli, nets, optimize, losses, encoder, datasets as in the source's modules).
import torch

from . import datasets, encoder, losses, nets, optimize
from .network import Trainer


def main():
    args = cli()
    net_cpu, start_epoch = nets.factory_from_args(args)
    net = net_cpu.to(device=args.device)
    if not args.disable_cuda and torch.cuda.device_count() > 1:
        net = torch.nn.DataParallel(net)
    optimizer, lr_scheduler = optimize.factory(args, net.parameters())
    loss = losses.factory_from_args(args)
    target_transforms = encoder.factory(args, net_cpu.io_scales())
    train_loader, val_loader, pre_train_loader = datasets.train_factory(args, None, target_transforms)
    trainer = Trainer(
        net, loss, optimizer, args.output,
        lr_scheduler=lr_scheduler,
        device=args.device,
        fix_batch_norm=not args.update_batchnorm_runningstatistics,
        stride_apply=args.stride_apply,
        ema_decay=args.ema,
        model_meta_data={'args': vars(args)},
    )
    trainer.loop(train_loader, val_loader, args.epochs, start_epoch=start_epoch)


if __name__ == '__main__':
    main()
