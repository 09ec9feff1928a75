"""look-alike [LG016, LG003]: the Siamese network's epoch function after the fix: the raw pair score goes to the BCEWithLogitsLoss the script builds, and the sigmoid is applied only to round the score for the accuracy."""

# Source: bubbliiiing/Siamese-pytorch@4f8931d069 utils/utils_fit.py, train.py (the fix of 646205de3c; cut, renamed)
import torch
import torch.nn as nn
import torch.optim as optim
from tqdm import tqdm


def fit_one_epoch(model_train, loss, optimizer, epoch, epoch_step, epoch_step_val, gen, genval, n_epochs, cuda, fp16, scaler):
    total_loss = 0
    val_loss = 0
    pbar = tqdm(total=epoch_step, desc=f"Epoch {epoch + 1}/{n_epochs}", postfix=dict)
    model_train.train()
    for iteration, batch in enumerate(gen):
        if iteration >= epoch_step:
            break
        images, targets = batch[0], batch[1]
        with torch.no_grad():
            if cuda:
                images = images.cuda()
                targets = targets.cuda()
        optimizer.zero_grad()
        if not fp16:
            outputs = model_train(images)
            output = loss(outputs, targets)
            output.backward()
            optimizer.step()
        else:
            from torch.cuda.amp import autocast

            with autocast():
                outputs = model_train(images)
                output = loss(outputs, targets)
            scaler.scale(output).backward()
            scaler.step(optimizer)
            scaler.update()
        with torch.no_grad():
            accuracy = torch.mean(torch.eq(torch.round(nn.Sigmoid()(outputs)), targets).float())
        total_loss += output.item()
        pbar.set_postfix(**{"total_loss": total_loss / (iteration + 1), "acc": accuracy.item()})
        pbar.update(1)
    pbar.close()
    model_train.eval()
    for iteration, batch in enumerate(genval):
        if iteration >= epoch_step_val:
            break
        images_val, targets_val = batch[0], batch[1]
        with torch.no_grad():
            outputs = model_train(images_val)
            output = loss(outputs, targets_val)
        val_loss += output.item()
    print("Total Loss: %.3f || Val Loss: %.3f " % (total_loss / epoch_step, val_loss / epoch_step_val))


if __name__ == "__main__":
    Cuda = True
    fp16 = False
    scaler = None
    if fp16:
        from torch.cuda.amp import GradScaler

        scaler = GradScaler()
    model = nn.Sequential(nn.Flatten(), nn.Linear(2 * 105 * 105, 512), nn.ReLU(), nn.Linear(512, 1))
    loss = nn.BCEWithLogitsLoss()
    optimizer = optim.Adam(model.parameters(), 1e-4)
    gen, gen_val = None, None
    for epoch in range(100):
        fit_one_epoch(model.train(), loss, optimizer, epoch, 100, 10, gen, gen_val, 100, Cuda, fp16, scaler)
