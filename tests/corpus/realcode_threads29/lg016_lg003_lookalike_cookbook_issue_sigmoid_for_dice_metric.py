"""look-alike [LG016, LG003]: an answer's two lines: the sigmoid of the output feeds a dice metric inside the batch-loss helper, not the loss."""

# Source: https://github.com/PacktPublishing/PyTorch-Computer-Vision-Cookbook/issues/11 ("Chapter 6 - CUDA goes out of
# memory even with batch size 4"): the maintainer suspects these two lines of `loss_batch` (a dice metric computed with
# gradients tracked) and suggests commenting them out or wrapping them in torch.no_grad(). Re-typed as posted, indented
# as a function body in the answer (kept); `output`, `target` and `dice_loss` are bound nowhere in the answer.
    pred = torch.sigmoid(output)
    _, metric_b = dice_loss(pred, target)
