"""positive [LG007]: a CRNN distillation step in "hard" mode takes the teacher's argmax as labels and gives the student's softmax (not log_softmax) output, reshaped to (T*N, C), to NLLLoss."""

# Source: TGravel/crnn-pytorch-knowledge-distillation@708bd48c8c src/distill.py (distill_batch, teacher_as_label,
# main); re-typed, identifiers renamed; the wandb logging, the validation and the checkpointing cut
# Mutation: `torch.nn.functional.softmax(student_out, dim=2)` (was `log_softmax`)
import torch
import torch.nn.functional as F
from torch.nn import CTCLoss, MSELoss, NLLLoss


def hard_targets_loss(student_out, teacher_out, temp):
    student_probs = torch.nn.functional.softmax(student_out, dim=2)
    teacher_logp = torch.nn.functional.log_softmax(teacher_out, dim=2)
    student_flat = student_probs.permute(1, 0, 2).reshape(-1, student_probs.size(2))
    teacher_flat = teacher_logp.permute(1, 0, 2).reshape(-1, teacher_logp.size(2))
    teacher_labels = teacher_flat.argmax(dim=1)
    crit = NLLLoss()
    return crit(student_flat, teacher_labels) * temp  # expect: LG007


def soft_targets_loss(student_out, teacher_out, targets, target_lengths, ctc, batch_size, weight=0.8, temp=2.0):
    student_logp = F.log_softmax(student_out / temp, dim=2)
    teacher_logp = F.log_softmax(teacher_out / temp, dim=2)
    input_lengths = torch.LongTensor([student_out.size(0)] * batch_size)
    loss = (1 - weight) * ctc(student_logp, targets, input_lengths, torch.flatten(target_lengths))
    loss += (weight * temp * temp) * MSELoss()(student_logp, teacher_logp)
    return loss


def distill_step(student, teacher, data, optimizer, ctc, device, mode):
    student.train()
    teacher.eval()
    images, targets, target_lengths = [d.to(device) for d in data]
    student_out = student(images)
    teacher_out = teacher(images)
    if mode == "hard":
        loss = hard_targets_loss(student_out, teacher_out, 0.5)
    else:
        loss = soft_targets_loss(student_out, teacher_out, targets, target_lengths, ctc, images.size(0))
    optimizer.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(student.parameters(), 5)
    optimizer.step()
    return loss.item()


def main(student, teacher, loader, epochs, lr, device, mode="hard"):
    optimizer = torch.optim.Adam(student.parameters(), lr=lr)
    ctc = CTCLoss(reduction="sum", zero_infinity=True)
    for epoch in range(epochs):
        total = 0.0
        for data in loader:
            total += distill_step(student, teacher, data, optimizer, ctc, device, mode)
        print(epoch, total)
