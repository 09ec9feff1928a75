"""look-alike [LG012, LG005]: a guide's CTC fix: a normal draw through log_softmax over the classes, transposed from (N, T, C) to (T, N, C)."""

# Source: https://runebook.dev/en/docs/pytorch/generated/torch.nn.functional.ctc_loss ("The PyTorch Developer's Guide to
# Correctly Using and Stabilizing CTC Loss", 2025-09-27), its "Troubleshooting Code Example (The Fix)", re-typed and
# renamed. The draw stands for a model's scores; log_softmax(2) makes them log-probabilities before the transpose.
import torch
import torch.nn.functional as F

batch_size = 4
time_steps = 50
num_classes = 30  # includes the blank token
log_probs_ntc = torch.randn(batch_size, time_steps, num_classes).log_softmax(2)

# CTC expects (time_steps, batch_size, num_classes)
log_probs_tnc = log_probs_ntc.transpose(0, 1)

targets = torch.randint(1, num_classes, (batch_size, 10)).long()
input_lengths = torch.full((batch_size,), time_steps, dtype=torch.long)
target_lengths = torch.randint(5, 11, (batch_size,)).long()

loss = F.ctc_loss(log_probs_tnc, targets, input_lengths, target_lengths, blank=0, reduction="mean")
print(f"Loss computed successfully: {loss.item():.4f}")
