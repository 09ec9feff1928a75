"""positive [LG010]: a text-VAE project's distribution-distance helper calls F.kl_div(dis1.log(), dis2, size_average=False, reduce=True), the deprecated reduction arguments (a summed KL); js_divergence and the unigram-KL metric reuse it."""
# Source: baoy-nlp/DSS-VAE-pytorch at 65e53eef (read as is), utils/math_utils.py with the call site of
# metrics/unigram_kl.py; re-typed, identifiers renamed; the metric's corpus counting shortened.
from collections import Counter

import torch
import torch.nn.functional as F


def kl_divergence(dis1, dis2):
    val = F.kl_div(dis1.log(), dis2, size_average=False, reduce=True)  # expect: LG010
    return val


def js_divergence(dis1, dis2):
    mid = (dis1 + dis2) / 2
    return 0.5 * kl_divergence(dis1, mid) + 0.5 * kl_divergence(dis2, mid)


def unigram_distribution(sentences, vocab):
    counts = Counter(tok for sent in sentences for tok in sent)
    freq = torch.Tensor([counts.get(w, 0) + 1 for w in vocab])
    return freq / freq.sum()


def unigram_kl(ref_sentences, hyp_sentences, vocab, dtype="kl"):
    p = unigram_distribution(ref_sentences, vocab)
    q = unigram_distribution(hyp_sentences, vocab)
    func = js_divergence if dtype == "js" else kl_divergence
    return func(p, q).item()


if __name__ == "__main__":
    p1 = torch.Tensor([0.1, 0.2, 0.1, 0.2, 0.4])
    p2 = torch.Tensor([0.1, 0.2, 0.2, 0.3, 0.3])
    print(kl_divergence(p1, p2))
    print(js_divergence(p1, p2))
