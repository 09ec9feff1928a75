"""positive [LG001, LG009]: a repository that publishes its KD and JSD losses as README snippets: both take torch.log(F.softmax(x / T, dim=1)) as the student's log-probabilities, score them with nn.KLDivLoss() (default reduction, the element mean) and add F.cross_entropy on the same log-probabilities (redundant log-softmax, reported as info)."""
# Source: seominseok0429/Pytorch-KLD-JSD-Implementation at 7a6317d7, README.md (the three code blocks, in order);
# re-typed, identifiers renamed; the two-line loss expressions (continued with "+ /", a typo for a backslash, in the KD
# block and with a backslash in the JSD block) written inside parentheses so that the file compiles and the markers can
# sit on their lines. As in the README: only torch and torch.nn.functional are imported (the blocks
# call nn.KLDivLoss without importing torch.nn as nn), the JSD block reads teacher_outputs and outputs, which it does not
# define, and the loop block stops after backward().
import torch
import torch.nn.functional as F


def kd_loss(student_out, labels, teacher_out):
    alpha = 0.9
    T = 5
    student_out = F.softmax(student_out / T, dim=1)
    student_out = torch.log(student_out)
    teacher_out = F.softmax(teacher_out / T, dim=1)
    loss = (nn.KLDivLoss()(student_out, teacher_out) * (alpha * T * T)  # expect: LG009
            + F.cross_entropy(student_out, labels) * (1. - alpha))  # expect: LG001
    return loss


def jsd_loss(out_a, labels, out_b):
    alpha = 0.9
    T = 5
    out_a = F.softmax(out_a / T, dim=1)
    out_a = torch.log(out_a)
    out_b = F.softmax(out_b / T, dim=1)
    out_b = torch.log(out_b)
    mix = 0.5 * (F.softmax(teacher_outputs / T, dim=1) + F.softmax(outputs / T, dim=1))
    loss = (0.5 * (nn.KLDivLoss()(out_a, mix) + nn.KLDivLoss()(out_b, mix)) * (alpha * T * T)  # expect: LG009
            + 0.5 * (F.cross_entropy(out_a, labels) + F.cross_entropy(out_b, labels)) * (1. - alpha))  # expect: LG001
    return loss


for batch_idx, (inputs, targets) in enumerate(trainloader):
    inputs, targets = inputs.to(device), targets.to(device)
    optimizer.zero_grad()
    out_1 = net_1(inputs)
    out_2 = net_2(inputs)
    loss = kd_loss(out_1, targets, out_2)
    loss.backward()
