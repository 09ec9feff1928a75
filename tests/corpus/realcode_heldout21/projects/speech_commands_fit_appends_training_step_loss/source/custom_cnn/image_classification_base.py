"""part of positive project [LG006]: the shared base module: training_step returns (criterion(out, labels), accuracy) with the loss undetached; validation_step returns loss.detach() in a dict; accuracy runs under torch.no_grad."""
# Source: Shaveek23/cifar10-computer_vision at 60d3591a (read as is), source/custom_cnn/image_classification_base.py;
# re-typed, identifiers renamed; the recall/precision/F1 helpers and predict() cut.
import torch
import torch.nn as nn
import torch.nn.functional as F


@torch.no_grad()
def accuracy(outputs, labels):
    _, preds = torch.max(outputs, dim=1)
    return torch.tensor(torch.sum(preds == labels).item() / len(preds))


class ImageClassificationBase(nn.Module):
    def __init__(self, binary_classification=False, pos_label=1):
        super(ImageClassificationBase, self).__init__()
        self.binary_classification = binary_classification
        self.pos_label = pos_label

    def training_step(self, batch, criterion, device):
        images, labels = self.__get_inputs(batch, device)
        out = self(images)
        if len(out.shape) and out.shape[1] == 1:  # 1-d conv models
            out = torch.squeeze(out, dim=1)
        loss = criterion(out, labels)
        acc = accuracy(out, labels)
        return loss, acc

    def validation_step(self, batch, criterion, device):
        images, labels = self.__get_inputs(batch, device)
        out = self(images)
        if len(out.shape) and out.shape[1] == 1:
            out = torch.squeeze(out, dim=1)
        loss = criterion(out, labels)
        acc = accuracy(out, labels)
        return {"Loss": loss.detach(), "Accuracy": acc}

    def validation_epoch_end(self, outputs):
        epoch_loss = torch.stack([o["Loss"] for o in outputs]).mean()
        epoch_acc = torch.stack([o["Accuracy"] for o in outputs]).mean()
        return {"Loss": epoch_loss.item(), "Accuracy": epoch_acc.item()}

    def epoch_end(self, epoch, result):
        print("Epoch :", epoch + 1)
        print(f'Train Loss:{result["train_loss"]:.4f} Validation Loss:{result["Loss"]:.4f}')

    def __get_inputs(self, data, device):
        inputs, labels = data
        return inputs.to(device), labels.to(device)
