"""look-alike [LG013]: a test class builds int64 labels with torch.randint and checks a chunked loss against a reference computed by a @staticmethod that it calls through self (self._reference(hidden, weight, labels)): nothing is bound to self, so the labels reach F.cross_entropy as labels."""
# Source: huggingface/trl@f2cd57710ae345ea6428ae95363267fcf38a3dc8 tests/test_sft_trainer.py (class TestChunkedCrossEntropyLoss); reduced to the
# inputs, the reference and two of its tests (the chunked loss under test imported from trl).
import torch
import torch.nn.functional as F

from trl.trainer.sft_trainer import _chunked_cross_entropy_loss



class TestChunkedCrossEntropyLoss:
    B, S, H, V = 2, 8, 4, 16
    CHUNK_SIZE = 3  # deliberately small to force multiple chunks and a partial final chunk

    def _inputs(self, seed=0, ignore_positions=None, requires_grad=False):
        torch.manual_seed(seed)
        hidden = torch.randn(self.B, self.S, self.H, dtype=torch.float32, requires_grad=requires_grad)
        weight = torch.randn(self.V, self.H, dtype=torch.float32, requires_grad=requires_grad)
        labels = torch.randint(0, self.V, (self.B, self.S))
        if ignore_positions is not None:
            labels[:, ignore_positions] = -100
        return hidden, weight, labels

    @staticmethod
    def _reference(hidden, weight, labels, num_items_in_batch=None):
        shift_h = hidden[..., :-1, :].reshape(-1, hidden.size(-1))
        shift_l = labels[..., 1:].reshape(-1)
        logits = shift_h.float() @ weight.float().t()
        if num_items_in_batch is None:
            loss = F.cross_entropy(logits, shift_l, ignore_index=-100, reduction="mean")
        else:
            loss = F.cross_entropy(logits, shift_l, ignore_index=-100, reduction="sum")
            loss = loss / num_items_in_batch
        valid = shift_l != -100
        if valid.any():
            log_p = F.log_softmax(logits, dim=-1)
            preds = logits.argmax(dim=-1)
            accuracy = (preds[valid] == shift_l[valid]).float().mean()
            entropy = -(log_p.exp() * log_p).sum(dim=-1)[valid].mean()
        else:
            accuracy = torch.zeros((), dtype=torch.float32)
            entropy = torch.zeros((), dtype=torch.float32)
        return loss, accuracy, entropy

    def test_forward_matches_cross_entropy(self):
        """With no ignored tokens, chunked loss equals standard mean cross-entropy."""
        hidden, weight, labels = self._inputs()
        expected_n_valid = (labels[..., 1:] != -100).sum()
        loss_c, correct_c, ent_sum_c, n_valid_c = _chunked_cross_entropy_loss(hidden, weight, self.CHUNK_SIZE, labels)
        loss_r, acc_r, ent_r = self._reference(hidden, weight, labels)
        torch.testing.assert_close(loss_c, loss_r, atol=1e-5, rtol=1e-5)
        torch.testing.assert_close(correct_c / n_valid_c, acc_r, atol=1e-5, rtol=1e-5)
        torch.testing.assert_close(ent_sum_c / n_valid_c, ent_r, atol=1e-5, rtol=1e-5)
        assert n_valid_c.item() == expected_n_valid.item()

    def test_forward_ignore_index(self):
        """Ignored labels are excluded from loss, accuracy and entropy (matches F.cross_entropy)."""
        hidden, weight, labels = self._inputs(ignore_positions=slice(0, 3))
        expected_n_valid = (labels[..., 1:] != -100).sum()
        loss_c, correct_c, ent_sum_c, n_valid_c = _chunked_cross_entropy_loss(hidden, weight, self.CHUNK_SIZE, labels)
        loss_r, acc_r, ent_r = self._reference(hidden, weight, labels)
        torch.testing.assert_close(loss_c, loss_r, atol=1e-5, rtol=1e-5)
        torch.testing.assert_close(correct_c / n_valid_c, acc_r, atol=1e-5, rtol=1e-5)
        torch.testing.assert_close(ent_sum_c / n_valid_c, ent_r, atol=1e-5, rtol=1e-5)
        assert n_valid_c.item() == expected_n_valid.item()
