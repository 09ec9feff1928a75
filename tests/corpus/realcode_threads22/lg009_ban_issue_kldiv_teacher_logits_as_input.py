"""positive [LG009]: a born-again distillation step adds a default-reduction KLDivLoss of the teacher's raw scores (as the input) against the student's raw scores (as the target) to the cross-entropy."""

# Source: thread https://github.com/CuriousCat-7/born-again-neural-network/issues/1 (the line the issue quotes, with the
# training function around it, from trian.py at f20dbdf; re-typed and renamed; the network, loaders and config module
# are not in the excerpt and stay undefined). The thread concluded that the call is wrong: KLDivLoss wants
# log_softmax(student) as its input and softmax(teacher) as its target, and the arguments are swapped. Neither raw scores
# as the input nor the swapped order is a catalog rule; the default reduction='mean' is (LG009).
import torch
import torch.nn as nn
import torch.optim as optim

criterion = nn.CrossEntropyLoss()
distill = nn.KLDivLoss()  # expect: LG009


def train_one_epoch(epoch):
    student.train()
    running = 0
    opt = optim.SGD(student.parameters(), lr=schedule(base_lr, epoch), momentum=0.9, weight_decay=5e-4)
    for step, (images, labels) in enumerate(train_loader):
        images, labels = images.cuda(), labels.cuda()
        opt.zero_grad()
        scores = student(images)
        loss = criterion(scores, labels)
        if use_teacher:
            with torch.no_grad():
                teacher_scores = teacher(images)
            loss += distill(teacher_scores, scores)
        loss.backward()
        opt.step()
        running += loss.data[0]
