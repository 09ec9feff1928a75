"""look-alike [LG012]: a question on CTCLoss's value builds a uniform (T, N, C) input with .log_softmax(2) before nn.CTCLoss, as the loss expects."""
# Source: https://github.com/pytorch/pytorch/issues/69016 "CTCLoss value issue" (the description's code block, as posted)
import torch
import torch.nn

T = 10
C = 5
N = 1
S = 4

input = torch.full(size=(T, N, C), fill_value = 1/C).log_softmax(2).detach().requires_grad_()
target = torch.randint(low=1, high=C, size=(N, S), dtype=torch.long)
input_lengths = torch.full(size=(N,), fill_value=T, dtype=torch.long)
target_lengths = torch.randint(low=S, high=S + 1, size=(N,), dtype=torch.long)
ctc_loss = torch.nn.CTCLoss()
loss = ctc_loss(input, target, input_lengths, target_lengths)
