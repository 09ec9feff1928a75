"""positive [LG006]: the YOLOv4-tiny training epoch adds each step's summed head losses, a tensor with its graph, to `total_loss` and reads it back with .item() only for the progress bar, so every step's graph is kept until the epoch ends; the validation sum runs under no_grad and keeps nothing."""

# Source: bubbliiiing/yolov4-tiny-pytorch@725ecfad80 train.py, fixed in d52479b997 (cut, renamed)
import numpy as np
import torch
import torch.optim as optim
from tqdm import tqdm

from nets.yolo4_tiny import YoloBody
from nets.yolo_training import YOLOLoss


def get_lr(optimizer):
    for group in optimizer.param_groups:
        return group["lr"]


def fit_one_epoch(net, head_losses, epoch, epoch_size, epoch_size_val, gen, genval, n_epochs, cuda):
    total_loss = 0
    val_loss = 0
    with tqdm(total=epoch_size, desc=f"Epoch {epoch + 1}/{n_epochs}", postfix=dict) as pbar:
        for iteration, batch in enumerate(gen):
            if iteration >= epoch_size:
                break
            images, targets = batch[0], batch[1]
            with torch.no_grad():
                images = torch.from_numpy(images).type(torch.FloatTensor)
                targets = [torch.from_numpy(ann).type(torch.FloatTensor) for ann in targets]
                if cuda:
                    images = images.cuda()
            optimizer.zero_grad()
            outputs = net(images)
            losses = []
            for i in range(2):
                loss_item = head_losses[i](outputs[i], targets)
                losses.append(loss_item[0])
            loss = sum(losses)
            loss.backward()
            optimizer.step()

            total_loss += loss  # expect: LG006
            pbar.set_postfix(**{"total_loss": total_loss.item() / (iteration + 1), "lr": get_lr(optimizer)})
            pbar.update(1)
    net.eval()
    with tqdm(total=epoch_size_val, desc=f"Epoch {epoch + 1}/{n_epochs}", postfix=dict) as pbar:
        for iteration, batch in enumerate(genval):
            if iteration >= epoch_size_val:
                break
            images_val, targets_val = batch[0], batch[1]
            with torch.no_grad():
                images_val = torch.from_numpy(images_val).type(torch.FloatTensor)
                targets_val = [torch.from_numpy(ann).type(torch.FloatTensor) for ann in targets_val]
                outputs = net(images_val)
                losses = []
                for i in range(2):
                    loss_item = head_losses[i](outputs[i], targets_val)
                    losses.append(loss_item[0])
                loss = sum(losses)
                val_loss += loss
            pbar.set_postfix(**{"total_loss": val_loss.item() / (iteration + 1)})
            pbar.update(1)
    net.train()
    print("Total Loss: %.4f || Val Loss: %.4f " % (total_loss / (epoch_size + 1), val_loss / (epoch_size_val + 1)))
    torch.save(model.state_dict(), "logs/Epoch%d-Total_Loss%.4f.pth" % ((epoch + 1), total_loss / (epoch_size + 1)))


if __name__ == "__main__":
    anchors = np.ones((2, 3, 2))
    model = YoloBody(len(anchors[0]), 20)
    net = model.train().cuda()
    head_losses = [YOLOLoss(np.reshape(anchors, [-1, 2]), 20, (416, 416), True) for _ in range(2)]
    optimizer = optim.Adam(net.parameters(), 1e-3)
    gen, gen_val = None, None
    for epoch in range(50):
        fit_one_epoch(net, head_losses, epoch, 100, 10, gen, gen_val, 50, True)
