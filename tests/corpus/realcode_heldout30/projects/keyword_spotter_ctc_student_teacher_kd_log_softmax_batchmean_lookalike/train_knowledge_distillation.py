"""part of look-alike project [LG006, LG008, LG009, LG012]: the distillation run: the teacher's scores under no_grad, the student's CTC loss on log_softmax(dim=-1) transposed to time-major, the distillation criterion on the raw scores, a weighted sum back-propagated after one clear and stepped; the epoch sums use .item()."""
# Source: YunyangZeng/CTC-based-Keyword-Spotter at 32ed4bd3, train_knowledge_distillation.py; re-typed, identifiers renamed; the configuration class, the
# dataset, the CTC beam-search decoder and the phoneme-error bookkeeping, checkpoint loading and saving shortened.
import torch
from tqdm import tqdm

from kd_loss import DistillLoss
from model import PhoneNet


def run_epoch(config, teacher, student, optimizer, kd_criterion, ctc_criterion, loader, device, training=True):
    epoch_ctc = 0.0
    epoch_kd = 0.0
    for i, batch in enumerate(tqdm(loader)):
        if training:
            optimizer.zero_grad()
        x, t, l_x, l_t = batch
        x, t, l_x, l_t = x.to(device), t.to(device), l_x.cpu(), l_t.cpu()

        student_logits = student(x, l_x)
        with torch.no_grad():
            teacher_logits = teacher(x, l_x)
        log_probs = torch.nn.functional.log_softmax(student_logits, dim=-1)
        ctc = ctc_criterion(log_probs.transpose(1, 0), t, l_x, l_t)
        epoch_ctc += ctc.item()
        kd = kd_criterion(student_logits, teacher_logits)

        total = config.kd_weight * kd + config.ctc_weight * ctc
        epoch_kd += kd.item()

        if training:
            total.backward()
            optimizer.step()
    return epoch_ctc / len(loader)


def main(config, train_loader, valid_loader, n_tokens, blank_index, device):
    teacher = PhoneNet(hidden_size=config.teacher_hidden_size, output_size=n_tokens).to(device)
    teacher = load_teacher(teacher, config.teacher_model_path)
    student = PhoneNet(hidden_size=config.student_hidden_size, output_size=n_tokens).to(device)
    optimizer = torch.optim.AdamW(student.parameters(), lr=config.learning_rate)
    ctc_criterion = torch.nn.CTCLoss(reduction="mean", zero_infinity=True, blank=blank_index)
    kd_criterion = DistillLoss(loss_type=config.kd_loss_mode, temperature=config.kd_loss_temperature)
    scheduler = torch.optim.lr_scheduler.MultiplicativeLR(optimizer, lr_lambda=lambda epoch: 0.99)
    for epoch in range(1, config.num_epochs + 1):
        student.train()
        train_loss = run_epoch(config, teacher, student, optimizer, kd_criterion, ctc_criterion, train_loader, device)
        student.eval()
        with torch.no_grad():
            valid_loss = run_epoch(config, teacher, student, None, kd_criterion, ctc_criterion, valid_loader, 'cpu',
                                   training=False)
        print("Epoch %d: train %f valid %f" % (epoch, train_loss, valid_loss))
        if scheduler.get_last_lr()[-1] > 1e-4:
            scheduler.step()
