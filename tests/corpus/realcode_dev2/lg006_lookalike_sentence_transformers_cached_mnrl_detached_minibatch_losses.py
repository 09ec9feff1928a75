"""look-alike [LG006]: the cached multiple-negatives ranking loss back-propagates each mini-batch's loss and rebinds it to .detach() before appending it (with_backward=True); without backward it sums the mini-batch losses for its caller to return."""
# Source: UKPLab/sentence-transformers@85ec64559f4414aa536eca4bf53538291e0a333f sentence_transformers/losses/CachedMultipleNegativesRankingLoss.py;
# re-typed, reduced (gathering across devices, the random states and the mini-batch embedding iterator left out).
from functools import partial

import torch
import tqdm
from torch import Tensor, nn


class CachedMultipleNegativesRankingLoss(nn.Module):
    def __init__(self, model, scale=20.0, similarity_fct=None, mini_batch_size=32, show_progress_bar=False):
        super().__init__()
        self.model = model
        self.scale = scale
        self.similarity_fct = similarity_fct
        self.cross_entropy_loss = nn.CrossEntropyLoss()
        self.mini_batch_size = mini_batch_size
        self.cache = None
        self.show_progress_bar = show_progress_bar

    def calculate_loss_and_cache_gradients(self, reps):
        loss = self.calculate_loss(reps, with_backward=True)
        loss = loss.detach().requires_grad_()
        self.cache = [[r.grad for r in rs] for rs in reps]
        return loss

    def calculate_loss(self, reps, with_backward=False):
        anchors = torch.cat(reps[0])
        candidates = [torch.cat(r) for r in reps[1:]]
        batch_size = len(anchors)
        candidates = torch.cat(candidates, dim=0)
        labels = torch.arange(0, batch_size, device=anchors.device)
        losses: list[torch.Tensor] = []
        for b in tqdm.trange(0, batch_size, self.mini_batch_size, desc="Preparing caches", disable=not self.show_progress_bar):
            e = b + self.mini_batch_size
            scores: Tensor = self.similarity_fct(anchors[b:e], candidates) * self.scale
            loss_mbatch: torch.Tensor = self.cross_entropy_loss(scores, labels[b:e]) * len(scores) / batch_size
            if with_backward:
                loss_mbatch.backward()
                loss_mbatch = loss_mbatch.detach()
            losses.append(loss_mbatch)
        loss = sum(losses)
        return loss

    def forward(self, sentence_features, labels):
        reps = []
        for sentence_feature in sentence_features:
            reps.append([self.model(sentence_feature)["sentence_embedding"].detach().requires_grad_()])
        if torch.is_grad_enabled():
            loss = self.calculate_loss_and_cache_gradients(reps)
            loss.register_hook(partial(_backward_hook, sentence_features=sentence_features, loss_obj=self))
        else:
            loss = self.calculate_loss(reps)
        return loss


def _backward_hook(grad_output, sentence_features, loss_obj):
    assert loss_obj.cache is not None
    with torch.enable_grad():
        for sentence_feature, grad in zip(sentence_features, loss_obj.cache):
            for reps_mb, grad_mb in zip([loss_obj.model(sentence_feature)["sentence_embedding"]], grad):
                if reps_mb.requires_grad:
                    surrogate = torch.dot(reps_mb.flatten(), grad_mb.flatten()) * grad_output
                    surrogate.backward()
