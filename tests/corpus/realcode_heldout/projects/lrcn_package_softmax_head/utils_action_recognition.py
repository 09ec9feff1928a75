"""part of positive project [LG001]: foward_step(model, images, labels, criterion) computes criterion(model(images), labels); train_model passes its own model and criterion parameters down."""
# Source: https://github.com/doronharitan/human_activity_recognition_LRCN utils_action_recognition.py at
# efce680e0bae17eff4b7fc4b4508d0995cee4dac; re-typed, names changed, reduced.
import torch


def foward_step(model, images, labels, criterion, mode=""):
    model.Lstm.reset_hidden_state()
    if mode == "test":
        with torch.no_grad():
            output = model(images)
    else:
        output = model(images)
    loss = criterion(output, labels)  # expect: LG001
    predicted_labels = output.detach().argmax(dim=1)
    acc = (predicted_labels == labels).cpu().numpy().sum()
    return loss, acc, predicted_labels.cpu()


def train_model(model, dataloader, device, optimizer, criterion):
    train_loss, train_acc = 0.0, 0.0
    model.train()
    for local_images, local_labels, ___ in dataloader:
        local_images, local_labels = local_images.to(device), local_labels.to(device)
        optimizer.zero_grad()
        loss, acc, ___ = foward_step(model, local_images, local_labels, criterion, mode="train")
        train_loss += loss.item()
        train_acc += acc
        loss.backward()
        optimizer.step()
    return train_loss / len(dataloader), train_acc
