"""part of look-alike project [LG006, LG007]: the model trains on in-batch negatives with log_softmax + nll_loss and reports losses as Python floats."""
# Source: facebookresearch/ParlAI at 72c304fa7^ (the parent of "Agent-level Metrics upgrade", read as is),
# projects/personality_captions/transresnet/modules.py; re-typed, identifiers renamed; the encoders, candidate
# ranking and freezing helpers cut.
import torch
from torch import nn


class CaptionRanker(nn.Module):
    def __init__(self, opt, context_encoder, text_encoder):
        super().__init__()
        self.context_encoder = context_encoder
        self.text_encoder = text_encoder
        self.use_cuda = not opt["no_cuda"] and torch.cuda.is_available()
        self.optimizer = torch.optim.Adam(self.parameters(), lr=opt["learningrate"])

    def forward(self, image_features, personalities, captions):
        context_encoded = self.context_encoder(image_features, personalities)
        captions_encoded = self.text_encoder(captions) if captions is not None else None
        return context_encoded, captions_encoded

    def train_batch(self, image_features, personalities, captions):
        self.zero_grad()
        self.train()
        context_encoded, captions_encoded = self.forward(image_features, personalities, captions)
        loss, num_correct = self.evaluate_one_batch(context_encoded, captions_encoded, during_train=True)
        loss.backward()
        self.optimizer.step()

        # re-run forward pass to compute hits@1 metrics
        loss, num_correct, num_examples = self.eval_batch_of_100(context_encoded, captions_encoded)
        return loss, num_correct, num_examples

    def eval_batch(self, image_features, personalities, captions):
        if personalities is None:
            personalities = [""] * len(image_features)
        if len(image_features) == 0:
            return 0, 0, 1
        self.eval()
        context_encoded, captions_encoded = self.forward(image_features, personalities, captions)
        loss, num_correct, num_examples = self.eval_batch_of_100(context_encoded, captions_encoded)
        return loss, num_correct, num_examples

    def eval_batch_of_100(self, context_encoded, captions_encoded):
        total_loss = 0
        total_ok = 0
        num_examples = 0
        for i in range(0, len(context_encoded), 100):
            if i + 100 > len(context_encoded):
                break
            num_examples += 100
            loss, num_correct = self.evaluate_one_batch(context_encoded[i : i + 100, :], captions_encoded[i : i + 100, :])
            total_loss += loss.data.cpu().item()
            total_ok += num_correct.data.cpu().item()
        return total_loss, total_ok, num_examples

    def evaluate_one_batch(self, context_encoded, captions_encoded, during_train=False):
        if not during_train:
            self.zero_grad()
            self.eval()
        dot_products = context_encoded.mm(captions_encoded.t())
        log_prob = torch.nn.functional.log_softmax(dot_products, dim=1)
        targets = torch.arange(0, len(context_encoded), dtype=torch.long)
        if self.use_cuda:
            targets = targets.cuda()
        loss = torch.nn.functional.nll_loss(log_prob, targets)
        num_correct = (log_prob.max(dim=1)[1] == targets).float().sum()
        return loss, num_correct
