"""part of positive project [LG006, LG008]: train_kd sums each batch's loss tensor into train_loss and returns it; the teacher runs without no_grad."""
# Source: zhuangzi926/KnowledgeDistillation-pytorch at 4785bd9afa5d79a744c127851e316caf8469a10e hinton_kd.py (logging setup shortened; train_kd, test and the __main__ block kept; `nets`/`utils` are the repository's packages, cut here)
import logging
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import nets
import utils
import losses
import settings


def train_kd(epoch_idx, dataloader, teacher, student, optimizer):
    teacher.eval()
    student.train()

    train_loss = 0.0

    for batch_idx, (data, target) in enumerate(dataloader):
        data, target = data.to(device), target.to(device)

        optimizer.zero_grad()

        student_logits = student(data)
        teacher_logits = teacher(data)

        loss = losses.loss_kd(student_logits, teacher_logits, target)
        train_loss += loss  # expect: LG006

        loss.backward()
        optimizer.step()

    train_loss /= len(dataloader.dataset)

    return train_loss


def test(dataloader, model):
    model.eval()

    test_loss = 0.0
    correct = 0

    with torch.no_grad():
        for batch_idx, (data, target) in enumerate(dataloader):
            data, target = data.to(device), target.to(device)
            output = model(data)
            test_loss += F.cross_entropy(output, target, reduction="sum").item()
            pred = output.argmax(dim=1, keepdim=True)
            correct += pred.eq(target.view_as(pred)).sum().item()

    test_loss /= len(dataloader.dataset)
    test_acc = correct / len(dataloader.dataset)

    return (test_loss, test_acc)


if __name__ == "__main__":
    device = utils.config_gpu()
    (root_dir, log_dir, model_dir, data_dir, cur_time) = utils.config_paths()
    utils.config_logging(log_dir, cur_time)
    (dataloader_train, dataloader_test) = utils.get_dataloader(data_dir)

    teacher = nets.resnet.resnet50().to(device)
    teacher.load_state_dict(torch.load(os.path.join(model_dir, settings.LOAD_FILENAME)))

    student = nets.resnet.resnet18().to(device)

    optimizer = torch.optim.SGD(student.parameters(), lr=settings.INITIAL_LR, momentum=0.9, weight_decay=5e-4)
    scheduler = torch.optim.lr_scheduler.MultiStepLR(optimizer, milestones=settings.EPOCH_BOUNDARIES, gamma=0.1)

    best_acc = 0.0
    student_filepath = os.path.join(model_dir, settings.SAVE_FILENAME)

    for epoch_idx in range(settings.NUM_EPOCHS):
        train_loss = train_kd(epoch_idx, dataloader_train, teacher, student, optimizer)
        logging.info("Average train loss of hinton-style kd: {:.6f}".format(train_loss))
        (test_loss, test_acc) = test(dataloader_test, student)
        scheduler.step()
        if test_acc > best_acc:
            best_acc = test_acc
            torch.save(student.state_dict(), student_filepath)
