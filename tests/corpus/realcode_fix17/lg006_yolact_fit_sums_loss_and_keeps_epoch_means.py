"""positive [LG006]: the YOLACT epoch function adds each step's summed loss terms, a tensor with its graph, to `total_loss`, and hands `total_loss / epoch_step` to the loss history, whose list keeps that tensor (and so the last step's graph) for every epoch; the validation sum runs under no_grad."""

# Source: bubbliiiing/yolact-pytorch@ee9863fcce utils/utils_fit.py, utils/callbacks.py, train.py, fixed in f5bc883d07 (cut, renamed)
import os

import torch
import torch.optim as optim
from tqdm import tqdm

from nets.yolact import Yolact
from nets.yolact_training import Multi_Loss


class LossHistory:
    def __init__(self, log_dir):
        self.save_path = os.path.join(log_dir, "loss")
        self.losses = []
        self.val_loss = []
        os.makedirs(self.save_path)

    def append_loss(self, loss, val_loss):
        self.losses.append(loss)  # expect: LG006
        self.val_loss.append(val_loss)
        with open(os.path.join(self.save_path, "epoch_loss.txt"), "a") as f:
            f.write(str(loss))
            f.write("\n")


def fit_one_epoch(model_train, model, multi_loss, loss_history, optimizer, epoch, epoch_step, epoch_step_val, gen, gen_val, n_epochs, cuda):
    total_loss = 0
    val_loss = 0
    model_train.train()
    with tqdm(total=epoch_step, desc=f"Epoch {epoch + 1}/{n_epochs}", postfix=dict) as pbar:
        for iteration, batch in enumerate(gen):
            if iteration >= epoch_step:
                break
            images, targets, masks_gt, num_crowds = batch[0], batch[1], batch[2], batch[3]
            with torch.no_grad():
                if cuda:
                    images = images.cuda()
                    targets = [ann.cuda() for ann in targets]
                    masks_gt = [mask.cuda() for mask in masks_gt]
            optimizer.zero_grad()
            outputs = model_train(images)
            losses = multi_loss(outputs, targets, masks_gt, num_crowds)
            losses = {k: v.mean() for k, v in losses.items()}
            loss = sum([losses[k] for k in losses])
            loss.backward()
            optimizer.step()
            total_loss += loss  # expect: LG006
            pbar.set_postfix(**{"total_loss": total_loss.item() / (iteration + 1)})
            pbar.update(1)
    model_train.eval()
    with tqdm(total=epoch_step_val, desc=f"Epoch {epoch + 1}/{n_epochs}", postfix=dict) as pbar:
        for iteration, batch in enumerate(gen_val):
            if iteration >= epoch_step_val:
                break
            images, targets, masks_gt, num_crowds = batch[0], batch[1], batch[2], batch[3]
            with torch.no_grad():
                outputs = model_train(images)
                losses = multi_loss(outputs, targets, masks_gt, num_crowds)
                losses = {k: v.mean() for k, v in losses.items()}
                loss = sum([losses[k] for k in losses])
                val_loss += loss
                pbar.set_postfix(**{"total_loss": val_loss.item() / (iteration + 1)})
                pbar.update(1)
    loss_history.append_loss(total_loss / epoch_step, val_loss / epoch_step_val)
    print("Total Loss: %.3f || Val Loss: %.3f " % (total_loss / epoch_step, val_loss / epoch_step_val))
    torch.save(model.state_dict(), "logs/ep%03d-loss%.3f.pth" % (epoch + 1, total_loss / epoch_step))


if __name__ == "__main__":
    model = Yolact(81)
    model_train = model.train()
    multi_loss = Multi_Loss(81, None, 0.5, 0.4, 3)
    loss_history = LossHistory("logs/")
    optimizer = optim.Adam(model_train.parameters(), 1e-4, weight_decay=5e-4)
    gen, gen_val = None, None
    for epoch in range(50):
        fit_one_epoch(model_train, model, multi_loss, loss_history, optimizer, epoch, 100, 10, gen, gen_val, 50, True)
