"""look-alike [LG001]: the same inverse-cloze step at the fix commit: the retrieval scores gathered over the data-parallel ranks go to CrossEntropyLoss raw; only the top-k accuracy reads their softmax."""

# Source: NVIDIA/Megatron-LM@0e8f433188 pretrain_bert_ict.py (the fix commit; cut, renamed)
import torch
import torch.distributed as dist
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
    args = get_args()
    timers = get_timers()
    timers("batch generator").start()
    query_tokens, query_pad_mask, block_tokens, block_pad_mask = get_batch(data_iterator)
    timers("batch generator").stop()

    query_logits, block_logits = model(query_tokens, query_pad_mask, block_tokens, block_pad_mask)
    data_parallel_size = dist.get_world_size() / args.model_parallel_size
    batch_size = query_logits.shape[0]
    global_batch_size = int(batch_size * data_parallel_size)
    all_query_logits = torch.zeros((global_batch_size, int(query_logits.shape[1]))).type(query_logits.dtype).cuda()
    all_block_logits = all_query_logits.clone().cuda()
    all_query_logits[args.rank * batch_size:(args.rank + 1) * batch_size] = query_logits
    all_block_logits[args.rank * batch_size:(args.rank + 1) * batch_size] = block_logits
    dist.all_reduce(all_query_logits)
    dist.all_reduce(all_block_logits)

    retrieval_scores = all_query_logits.float().matmul(torch.transpose(all_block_logits, 0, 1).float())
    softmaxed = F.softmax(retrieval_scores, dim=1)
    sorted_vals, sorted_indices = torch.topk(softmaxed, k=softmaxed.shape[1], sorted=True)

    def topk_acc(k):
        return torch.cuda.FloatTensor([sum([int(i in sorted_indices[i, :k]) for i in range(global_batch_size)]) / global_batch_size])

    top_accs = [topk_acc(k) for k in [1, 8, 20, 100]]
    retrieval_loss = torch.nn.CrossEntropyLoss()(retrieval_scores, torch.arange(global_batch_size).long().cuda())
    reduced_losses = reduce_losses([retrieval_loss, *top_accs])
    return retrieval_loss, {"retrieval loss": reduced_losses[0], "top1_acc": reduced_losses[1], "top8_acc": reduced_losses[2]}


if __name__ == "__main__":
    pretrain(None, model_provider, forward_step, args_defaults={"tokenizer_type": "BertWordPieceLowerCase"})
