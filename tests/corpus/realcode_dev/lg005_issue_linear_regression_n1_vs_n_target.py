"""positive [LG005]: linear regression with nn.Linear(2, 1) (output (N, 1)) against a target built as a 1-D (N,) tensor; MSELoss broadcasts to (N, N) and the fit never reaches the true coefficients."""
# Source: the reporter's program in https://github.com/pytorch/pytorch/issues/16045 (torch 1.0, closed; torch
# later added a UserWarning); re-typed, names changed. The bug is the reported one.
import torch
import torch.nn as nn

n = 100
features = torch.randn((n, 2))
noise = torch.randn(n)
y_true = 10 + 9 * features[:, 0] - 2 * features[:, 1] + noise
reg = nn.Linear(2, 1)
sgd = torch.optim.SGD(reg.parameters(), lr=0.1)
mse = nn.MSELoss()
for step in range(30):
    sgd.zero_grad()
    y_hat = reg(features)
    err = mse(y_hat, y_true)  # expect: LG005
    err.backward()
    sgd.step()
    print(err.item())
print(reg.weight.data, reg.bias.data)
