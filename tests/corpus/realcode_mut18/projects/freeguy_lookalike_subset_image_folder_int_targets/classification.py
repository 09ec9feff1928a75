"""part of look-alike project [LG013]: the training epoch, in its own file, under autocast."""

# Source: nkdatascientist/pyfreeguy@5f4fe091bd freeguy/cerebral/classification.py (train_model, re-typed; the meters and summary writer cut)

import torch


def train_model(epoch, model, train_dataloader, criterion, device, optimizer):
    model.train()
    for index, (images, targets) in enumerate(train_dataloader):
        images, targets = images.to(device), targets.to(device)
        with torch.cuda.amp.autocast():
            output = model(images)
            loss = criterion(output, targets)
        if index % 100 == 99:
            print(f"Epoch: {epoch} Iteration: [{index}/{len(train_dataloader)}] Loss: {loss.item()}")
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
