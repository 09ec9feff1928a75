"""positive [LG001]: one training function serves every distillation experiment, each script passing its own name and criteria; in the branch for expt == 'hinton-kd' the hard-label term gives softmax probabilities to that script's CrossEntropyLoss. The same branch's log-softmax for the KL divergence is not another script's CrossEntropyLoss input: that script passes expt='attention-kd'."""

# Source: IvLabs/stagewise-knowledge-distillation@6e5bd8fc82 image_classification/experiments/trainer.py (train),
# hinton_kd.py and attention_transfer_kd.py; re-typed, identifiers renamed; the stage-wise branches, fastai data
# bunch, comet logging, validation and checkpointing cut, the two scripts written as two functions of one file
# Mutation: none (the repository's own hard-label term)
import torch
import torch.nn as nn
import torch.nn.functional as F


def fit(student, teacher, loader, criterion, criterion2, optimizer, params, expt=None):
    student.train()
    if teacher is not None:
        teacher.eval()
    seen = []
    for images, labels in loader:
        images, labels = images.to(params["gpu"]).float(), labels.to(params["gpu"])
        logits = student(images)
        if teacher is not None:
            teacher_out = teacher(images)
        if teacher is None:
            loss = criterion(logits, labels)
        elif expt == "hinton-kd":
            temp, alpha = params["temperature"], params["alpha"]
            soft = F.softmax(teacher_out / temp, dim=1)
            loss = criterion(F.log_softmax(logits / temp, dim=1), soft) * (1 - alpha) * temp * temp
            loss += criterion2(F.softmax(logits, dim=1), labels) * alpha  # expect: LG001
        elif expt == "attention-kd":
            loss = criterion(logits, labels) + criterion2(teacher_out.detach(), logits)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        seen.append(loss.item())
    return sum(seen) / len(seen)


def hinton_script(student, teacher, loader, params):
    optimizer = torch.optim.SGD(student.parameters(), lr=params["lr"], momentum=0.9)
    criterion = nn.KLDivLoss(reduction="batchmean")
    criterion2 = nn.CrossEntropyLoss()
    for epoch in range(params["epochs"]):
        fit(student, teacher, loader, criterion, criterion2, optimizer, params, expt="hinton-kd")


def attention_script(student, teacher, loader, params):
    optimizer = torch.optim.Adam(student.parameters(), lr=params["lr"])
    criterion2 = nn.MSELoss()
    criterion = nn.CrossEntropyLoss()
    for epoch in range(params["epochs"]):
        fit(student, teacher, loader, criterion, criterion2, optimizer, params, expt="attention-kd")


def plain_script(student, loader, params):
    optimizer = torch.optim.Adam(student.parameters(), lr=params["lr"])
    for epoch in range(params["epochs"]):
        fit(student, None, loader, nn.CrossEntropyLoss(), None, optimizer, params)
