"""positive [LG016]: the Siamese network's epoch function applies a fresh nn.Sigmoid() to the pair score and hands it to the BCELoss the training script built, on the float32 path, the mixed-precision path and in validation; BCEWithLogitsLoss on the raw score is the stable form (the fix switched to it)."""

# Source: bubbliiiing/Siamese-pytorch@646205de3c utils/utils_fit.py, train.py, fixed in 4f8931d069 (cut, renamed)
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
            outputs = nn.Sigmoid()(model_train(images))
            output = loss(outputs, targets)  # expect: LG016
            output.backward()
            optimizer.step()
        else:
            from torch.cuda.amp import autocast

            with autocast():
                outputs = nn.Sigmoid()(model_train(images))
                output = loss(outputs, targets)  # expect: LG016
            scaler.scale(output).backward()
            scaler.step(optimizer)
            scaler.update()
        total_loss += output.item()
        pbar.set_postfix(**{"total_loss": total_loss / (iteration + 1)})
        pbar.update(1)
    pbar.close()
    model_train.eval()
    for iteration, batch in enumerate(genval):
        if iteration >= epoch_step_val:
            break
        images_val, targets_val = batch[0], batch[1]
        with torch.no_grad():
            outputs = nn.Sigmoid()(model_train(images_val))
            output = loss(outputs, targets_val)  # expect: LG016
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
    loss = nn.BCELoss()
    optimizer = optim.Adam(model.parameters(), 1e-4)
    gen, gen_val = None, None
    for epoch in range(100):
        fit_one_epoch(model.train(), loss, optimizer, epoch, 100, 10, gen, gen_val, 100, Cuda, fp16, scaler)
