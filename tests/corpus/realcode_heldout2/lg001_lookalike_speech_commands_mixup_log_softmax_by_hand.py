"""look-alike [LG001, LG006, LG013]: speech-commands training: with mixup the loss is a hand-written soft-target cross-entropy (log of softmax(dim=1) times one-hot mixtures), otherwise CrossEntropyLoss on the logits; running_loss adds loss.data[0]."""
# Source: https://github.com/tugstugi/pytorch-speech-commands train_speech_commands.py and mixup.py at
# 36f3cd9e0d2b2d50cf4b023c9af1544fdfeeb886; re-typed, names changed, reduced (the `.cuda(async=True)` calls,
# a syntax error since Python 3.7, are left out). Correct code.
import numpy as np
import torch
from torch.autograd import Variable


def mixup_cross_entropy_loss(input, target, size_average=True):
    assert input.size() == target.size()
    input = torch.log(torch.nn.functional.softmax(input, dim=1).clamp(1e-5, 1))
    loss = -torch.sum(input * target)
    return loss / input.size()[0] if size_average else loss


def onehot(targets, num_classes):
    assert isinstance(targets, torch.LongTensor)
    return torch.zeros(targets.size()[0], num_classes).scatter_(1, targets.view(-1, 1), 1)


def mixup(inputs, targets, num_classes, alpha=2):
    s = inputs.size()[0]
    weight = torch.Tensor(np.random.beta(alpha, alpha, s))
    index = np.random.permutation(s)
    x1, x2 = inputs, inputs[index, :, :, :]
    y1, y2 = onehot(targets, num_classes), onehot(targets[index,], num_classes)
    weight = weight.view(s, 1, 1, 1)
    inputs = weight * x1 + (1 - weight) * x2
    weight = weight.view(s, 1)
    targets = weight * y1 + (1 - weight) * y2
    return inputs, targets


def train(model, train_dataloader, optimizer, args, classes):
    criterion = torch.nn.CrossEntropyLoss()
    model.train()
    running_loss = 0.0
    it = 0
    for batch in train_dataloader:
        inputs = batch["input"]
        inputs = torch.unsqueeze(inputs, 1)
        targets = batch["target"]
        if args.mixup:
            inputs, targets = mixup(inputs, targets, num_classes=len(classes))
        inputs = Variable(inputs, requires_grad=True)
        targets = Variable(targets, requires_grad=False)
        outputs = model(inputs)
        if args.mixup:
            loss = mixup_cross_entropy_loss(outputs, targets)
        else:
            loss = criterion(outputs, targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        it += 1
        running_loss += loss.data[0]
    return running_loss / it
