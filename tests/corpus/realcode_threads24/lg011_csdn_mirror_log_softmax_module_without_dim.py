"""positive [LG011]: a Chinese blog note checks nn.LogSoftmax() (no dim) against a hand-written log-softmax, then NLLLoss."""

# Source: https://blog.youkuaiyun.com/sdutstudent/article/details/116097064 (a CSDN mirror, "torch.nn.CrossEntropyLoss踩坑记录":
# notes on LogSoftmax, NLLLoss and CrossEntropyLoss after a model that predicted one class for every sample), the
# console session's inputs re-typed as a script; the printed outputs are left out, the excerpt ends at the target.
import torch
import torch.nn as nn

model = nn.Linear(5, 2)
x = torch.randn(5, 5)
y = model(x)

log_probs = nn.LogSoftmax()(y)  # expect: LG011

# the same by hand
y_exp = y.exp()
lsm = torch.log(y_exp / y_exp.sum(-1).unsqueeze(1))

target = torch.randint(0, 2, (5,))
