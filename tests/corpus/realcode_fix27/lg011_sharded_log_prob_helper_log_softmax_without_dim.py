"""positive [LG011]: a sharded-model library's log-probability helper for RL fine-tuning, without tensor parallelism, takes `log_softmax(logits)` of the `[batch, seq_len, vocab]` logits with no dim: for a 3-D input torch picks dim 0, so each token's log-probabilities are normalised across the batch before the labels' are gathered (the fix, "fix logprob, ...", passes `dim=-1`)."""

# Source: hpcaitech/ColossalAI@f983071b10 colossalai/shardformer/layer/loss.py, fixed in 16e68a071d ("fix logprob, add filtering, temperature annealing, lr descent") (cut, renamed)
import torch
from torch.nn.functional import log_softmax


def sharded_log_prob_1d(vocab_logits, labels, process_group=None, vocab_size=None, dtype=None):
    raise NotImplementedError  # the tensor-parallel path, an autograd Function of its own


def token_log_prob(labels, logits, shard_config, vocab_size, dtype):
    labels = labels[..., 1:].contiguous()
    logits = logits[..., :-1, :].contiguous()
    assert labels.shape == logits.shape[:-1]
    if shard_config.enable_tensor_parallelism and shard_config.parallel_output:
        log_prob = sharded_log_prob_1d(logits, labels, process_group=shard_config.tensor_parallel_process_group, vocab_size=vocab_size, dtype=dtype)
    else:
        log_prob = log_softmax(logits)  # expect: LG011
        log_prob = log_prob.gather(dim=-1, index=labels.unsqueeze(-1))
    return log_prob


def policy_loss(model, input_ids, old_log_probs, advantages, shard_config, clip_eps=0.2):
    logits = model(input_ids=input_ids).logits
    log_probs = token_log_prob(input_ids, logits, shard_config, logits.shape[-1], logits.dtype).squeeze(-1)
    ratio = (log_probs - old_log_probs).exp()
    surrogate = torch.min(ratio * advantages, ratio.clamp(1 - clip_eps, 1 + clip_eps) * advantages)
    return -surrogate.mean()
