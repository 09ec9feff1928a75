"""positive [LG010]: a review suggests KLDivLoss(size_average=False) divided by the batch: the deprecated spelling of batchmean."""

# Source: https://github.com/pytorch/pytorch/pull/7006 ("Add big warning about averaging to KLDivLoss documentation"),
# review thread on torch/nn/modules/loss.py: the reviewer's suggested example for getting the real KL divergence, with
# the class name as corrected in the next comment ("it's called nn.KLDivLoss"). Re-typed; `nn`, `tensor1` and `tensor2`
# are bound nowhere in the thread. The summed loss divided by the batch size is what reduction='batchmean' does now, so
# only the deprecated argument is wrong here, not the reduction (no LG009: the reduction is a sum).
loss = nn.KLDivLoss(size_average=False)  # expect: LG010
out = loss(tensor1, tensor2) / tensor1.size(0)
