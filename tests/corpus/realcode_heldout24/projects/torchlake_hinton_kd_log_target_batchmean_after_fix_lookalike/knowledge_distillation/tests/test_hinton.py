"""part of look-alike project [LG001, LG008, LG009]: the fix's tests: random student scores with requires_grad, random teacher scores and integer labels through the criterion, then backward."""
# Source: gitE0Z9/pytorch-implementations at 42a1ed0a ("fix: hinton kd loss"; its parent a7c3441f gave the raw teacher logits divided by T as the target, which no rule describes),
# torchlake/knowledge_distillation/tests/test_hinton.py; re-typed, identifiers renamed.
import torch

from ..models.hinton.loss import HintonKDLoss

BATCH_SIZE = 2
OUTPUT_SIZE = 10


class TestLoss:
    def test_kld_loss_forward(self):
        x = torch.rand(BATCH_SIZE, OUTPUT_SIZE, requires_grad=True)
        tx = torch.rand(BATCH_SIZE, OUTPUT_SIZE)
        y = torch.randint(OUTPUT_SIZE, (BATCH_SIZE,))
        criterion = HintonKDLoss()
        loss = criterion(x, tx, y)
        assert not torch.isnan(loss)

    def test_kld_loss_backward(self):
        x = torch.rand(BATCH_SIZE, OUTPUT_SIZE, requires_grad=True)
        tx = torch.rand(BATCH_SIZE, OUTPUT_SIZE)
        y = torch.randint(OUTPUT_SIZE, (BATCH_SIZE,))
        criterion = HintonKDLoss()
        loss = criterion(x, tx, y)
        loss.backward()
