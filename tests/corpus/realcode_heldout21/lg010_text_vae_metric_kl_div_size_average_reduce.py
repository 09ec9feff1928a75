"""positive [LG010]: a text-VAE project's distribution-distance helper calls F.kl_div(dis1.log(), dis2, size_average=False, reduce=True), the deprecated reduction arguments (a summed KL); js_divergence and the unigram-KL metric reuse it."""
# Source: baoy-nlp/DSS-VAE-pytorch at 65e53eef (read as is), utils/math_utils.py with the call site of
# metrics/unigram_kl.py; re-typed, identifiers renamed; the evaluator's base class and __main__ cut (the
# counting line word_freq["word"] kept as in the source).
from collections import Counter
from itertools import chain

import torch
import torch.nn.functional as F


def kl_divergence(dis1, dis2):
    val = F.kl_div(dis1.log(), dis2, size_average=False, reduce=True)  # expect: LG010
    return val


def js_divergence(dis1, dis2):
    mid = (dis1 + dis2) / 2
    return 0.5 * kl_divergence(dis1, mid) + 0.5 * kl_divergence(dis2, mid)


class CorpusDistribution(object):
    @staticmethod
    def get_unigram_distribution(examples, vocab):
        counts = [0] * len(vocab)
        word_freq = Counter(chain(*examples))
        for word in word_freq:
            counts[vocab[word]] = word_freq["word"]
        count = torch.Tensor(counts)
        count += (1.0 / torch.sum(count)) * (count.eq(0.0).float())
        return count / torch.sum(count)


class UnigramKLEvaluator(object):
    def get_evaluate(self, corpus_source, pred_source, vocab, dtype="js"):
        ref_dis = CorpusDistribution.get_unigram_distribution(examples=corpus_source, vocab=vocab)
        pre_dis = CorpusDistribution.get_unigram_distribution(examples=pred_source, vocab=vocab)
        func = js_divergence if dtype == "js" else kl_divergence
        return func(ref_dis, pre_dis)


if __name__ == "__main__":
    p1 = torch.Tensor([0.1, 0.2, 0.1, 0.2, 0.4])
    p2 = torch.Tensor([0.1, 0.2, 0.2, 0.3, 0.3])
    print(kl_divergence(p1, p2))
    print(js_divergence(p1, p2))
