"""look-alike [LG014]: the same COCO trainer at the fix commit: optimizer.zero_grad() inside the batch loop, before the loss."""

# Source: yjh0410/yolov2-yolov3_PyTorch@09de5bf201 train_coco.py (the fix commit; cut, renamed)
import time

import torch
import torch.optim as optim

import tools


def adjust_lr(optimizer, base_lr, gamma, step):
    lr = base_lr * (gamma**step)
    for group in optimizer.param_groups:
        group["lr"] = lr
    return lr


def train_coco(model, dataset, collate, cfg, args, device, writer):
    model.to(device).train()
    loader = torch.utils.data.DataLoader(dataset, batch_size=args.batch_size, shuffle=True, collate_fn=collate, num_workers=args.n_cpu)
    optimizer = optim.RMSprop(model.parameters(), lr=args.lr)
    lr = args.lr
    step_index = 0
    obj_w, cls_w, box_w = 1.0, 1.0, 2.0
    iteration = 0
    for epoch in range(cfg["max_epoch"]):
        batches = iter(loader)
        if epoch in cfg["lr_epoch"]:
            step_index += 1
            lr = adjust_lr(optimizer, args.lr, args.gamma, step_index)

        # subdivision loop
        for images, targets in batches:
            iteration += 1
            targets = [label.tolist() for label in targets]
            targets = tools.gt_creator(cfg["min_dim"], model.stride, args.num_classes, targets, name="COCO")
            targets = torch.tensor(targets).float().to(device)

            t0 = time.time()
            out = model(images.to(device))

            optimizer.zero_grad()

            obj_loss, cls_loss, box_loss = tools.loss(out, targets, num_classes=args.num_classes, obj=args.obj, noobj=args.noobj)
            total_loss = obj_w * obj_loss + cls_w * cls_loss + box_w * box_loss

            writer.add_scalar("total loss", total_loss.item(), iteration)
            total_loss.backward()
            optimizer.step()
            t1 = time.time()
            if iteration % 10 == 0:
                print("timer: %.4f sec." % (t1 - t0), "loss: %.4f" % total_loss.item(), "lr: %.8f" % lr)

        if (epoch + 1) % 10 == 0:
            torch.save(model.state_dict(), args.save_folder + "/yolo_v2_" + repr(epoch + 1) + ".pth")
