"""positive [LG001]: the inverse-cloze pretraining step softmaxes the query-block retrieval scores for its top-k accuracy and passes the same probabilities to F.cross_entropy (the fix, "Correct CrossEntropyLoss", scores the raw retrieval scores)."""

# Source: NVIDIA/Megatron-LM@8e22824eec pretrain_bert_ict.py, fixed in 0e8f433188 (cut, renamed)
import torch
import torch.nn.functional as F

from megatron import get_args, get_timers, mpu, print_rank_0
from megatron.model import ICTBertModel
from megatron.training import pretrain
from megatron.utils import reduce_losses


def model_provider():
    print_rank_0("building BERT models ...")
    return ICTBertModel(ict_head_size=128, num_tokentypes=2, parallel_output=True)


def get_batch(data_iterator):
    keys = ["query_tokens", "query_pad_mask", "block_tokens", "block_pad_mask"]
    data = None if data_iterator is None else next(data_iterator)
    data_b = mpu.broadcast_data(keys, data, torch.int64)
    return (data_b["query_tokens"].long(), data_b["query_pad_mask"].long(),
            data_b["block_tokens"].long(), data_b["block_pad_mask"].long())


def forward_step(data_iterator, model):
    timers = get_timers()
    timers("batch generator").start()
    query_tokens, query_pad_mask, block_tokens, block_pad_mask = get_batch(data_iterator)
    timers("batch generator").stop()

    retrieval_scores = model(query_tokens, query_pad_mask, block_tokens, block_pad_mask).float()
    softmaxed = F.softmax(retrieval_scores, dim=1)
    sorted_vals, sorted_indices = torch.topk(softmaxed, k=softmaxed.shape[1], sorted=True)
    batch_size = softmaxed.shape[0]
    top1_acc = torch.cuda.FloatTensor([sum([int(sorted_indices[i, 0] == i) for i in range(batch_size)]) / batch_size])
    top5_acc = torch.cuda.FloatTensor([sum([int(i in sorted_indices[i, :5]) for i in range(batch_size)]) / batch_size])

    retrieval_loss = F.cross_entropy(softmaxed, torch.arange(batch_size).cuda())  # expect: LG001
    reduced_losses = reduce_losses([retrieval_loss, top1_acc, top5_acc])
    return retrieval_loss, {"retrieval loss": reduced_losses[0], "top1_acc": reduced_losses[1], "top5_acc": reduced_losses[2]}


if __name__ == "__main__":
    pretrain(None, model_provider, forward_step, args_defaults={"tokenizer_type": "BertWordPieceLowerCase"})
