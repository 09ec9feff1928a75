"""look-alike [LG005]: the loss line a traceback quotes; the mismatched sizes are only in the warning text, not in the code."""

# Source: https://github.com/surajdakua/Crowd-Counting-Using-Pytorch/issues/4 ("train_error!"): "Using a target size
# (torch.Size([1, 1, 768, 1024])) that is different to the input size (torch.Size([1, 1, 96, 128]))", then the traceback
# through train.py line 136. Re-typed: the one line of the reporter's code the traceback shows (a function body).
# The shapes come from the run, not from the line: nothing in the snippet says what `output` and `target` are.
loss = criterion(output, target)
