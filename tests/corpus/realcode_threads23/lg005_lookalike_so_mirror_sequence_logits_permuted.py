"""look-alike [LG005]: per-step scores (batch, seq, classes) permuted to (batch, classes, seq) for CrossEntropyLoss."""

# Source: https://whosebug.com/question/6539086/How-to-compute-Cross-Entropy-Loss-for-sequences (a Stack Overflow
# mirror: "How to compute Cross Entropy Loss for sequences"), the answer's two fixes written as the loss calls the
# question asks for, re-typed and renamed. The answer: the target has one dimension fewer than the input; move the
# class axis to dim 1 with permute(0, 2, 1) or transpose(1, 2). The network and data are not in the post.
import torch.nn as nn

criterion = nn.CrossEntropyLoss()
# scores: (batch_size, sequence_length, numb_classes); target: (batch_size, sequence_length)
scores = net(seq_batch)
loss = criterion(scores.permute(0, 2, 1), target)
loss2 = criterion(scores.transpose(1, 2), target)
