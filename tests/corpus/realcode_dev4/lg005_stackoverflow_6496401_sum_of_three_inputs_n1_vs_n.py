"""positive [LG005]: a question trains Sequential(Linear(3, 1)) to add its three inputs; the (1024, 1) output meets the (1024,) sum in MSELoss, which broadcasts to a (1024, 1024) matrix of all pairs, so the model cannot learn the sum (the answer explains it); a top-level script with aliased imports."""
# Source: Stack Overflow question 6496401 "Output of the model depends on the shape of the weights tensor" (read on its whosebug.com mirror; the script as posted; re-typed, names renamed)
import torch
from torch.nn import Sequential as Seq, Linear as Lin
from torch.optim.lr_scheduler import ReduceLROnPlateau

feats = torch.rand((1024, 3))
sums = (feats[:, 0] + feats[:, 1] + feats[:, 2])
net = Seq(Lin(3, 1, bias=False))

# 1 option
net[0].weight = torch.nn.parameter.Parameter(torch.tensor([[0, 0, 0]], dtype=torch.float))

# 2 option
#net[0].weight = torch.nn.parameter.Parameter(torch.tensor([0, 0, 0], dtype=torch.float))

opt = torch.optim.SGD(net.parameters(), lr=10e-2)
sched = ReduceLROnPlateau(opt, "min", factor=0.5, patience=20, verbose=True)
mse = torch.nn.MSELoss()
for epoch in range(500):
    opt.zero_grad()
    pred = net(feats)
    err = mse(pred, sums)  # expect: LG005
    err.backward()
    opt.step()
    if epoch % 20 == 0:
        print(err.item())
    sched.step(err)
