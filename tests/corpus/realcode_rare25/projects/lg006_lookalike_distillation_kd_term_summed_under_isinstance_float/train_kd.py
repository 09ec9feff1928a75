"""part of look-alike project [LG006]: the student's loop adds the KL term to a running total as `kd_loss * n_sample` only under `if isinstance(kd_loss, float):` and as `kd_loss.item() * n_sample` otherwise, so no graph is kept (the branch point read the first sum as keeping one)."""

# Source: intersun/PKD-for-BERT-Model-Compression@9e9e860 NLI_KD_training.py (re-typed, renamed, cut to the training loop; the patience loss and fp16 are left out)
import torch

from src.kd_loss import distillation_loss


def train(student_encoder, student_classifier, loader, optimizer, args):
    for epoch in range(int(args.num_train_epochs)):
        tr_loss, tr_ce_loss, tr_kd_loss, nb_examples = 0, 0, 0, 0
        for input_ids, input_mask, segment_ids, label_ids, teacher_pred in loader:
            full_output, pooled_output = student_encoder(input_ids, segment_ids, input_mask)
            logits = student_classifier(pooled_output)
            loss, kd_loss, ce_loss = distillation_loss(logits, label_ids, teacher_pred, T=args.T, alpha=args.alpha)
            loss.backward()
            n_sample = input_ids.shape[0]
            tr_loss += loss.item() * n_sample
            if isinstance(kd_loss, float):
                tr_kd_loss += kd_loss * n_sample
            else:
                tr_kd_loss += kd_loss.item() * n_sample
            tr_ce_loss += ce_loss.item() * n_sample
            nb_examples += n_sample
            optimizer.step()
            optimizer.zero_grad()
        print(f"epoch {epoch}: loss {tr_loss / nb_examples:.4f} kd {tr_kd_loss / nb_examples:.4f} ce {tr_ce_loss / nb_examples:.4f}")
        torch.save(student_classifier.state_dict(), f"classifier_{epoch}.pt")
