"""positive [LG004]: a script trying out the stop-token loss draws its target with torch.randint (int64) and gives it to BCEWithLogitsLoss, before and after flattening both."""

# Source: kaituoxu/Tacotron2@8efdee5 test/learn_loss.py (cut, renamed)
import torch
import torch.nn as nn

torch.manual_seed(123)

batch, frames = 2, 3
gate_logits = torch.rand(batch, frames)
gate_target = torch.randint(2, (batch, frames))

gate_loss = nn.BCEWithLogitsLoss()(gate_logits, gate_target)  # expect: LG004
print(gate_loss)

gate_logits = gate_logits.view(-1, 1)
gate_target = gate_target.view(-1, 1)
gate_loss = nn.BCEWithLogitsLoss()(gate_logits, gate_target)  # expect: LG004
print(gate_loss)
