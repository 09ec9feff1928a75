"""positive [LG005]: a forum question (2022) asks why a bias-free nn.Linear(3, 1) learning the sum of three inputs fails when its weight is replaced by a zero Parameter of shape [1, 3] and works with one of shape [3]: with the [1, 3] row the model returns (1024, 1), and nn.MSELoss against the (1024,) target broadcasts to a (1024, 1024) matrix of every pair (torch warns); the [3] weight makes F.linear return (1024,), the shape the target has. The answer points at the warning and fixes it with y.unsqueeze(1)."""
# Source: discuss.pytorch.org/t/output-of-the-model-depends-on-the-shape-of-the-weights-tensor/148155, the question's code;
# re-typed, identifiers renamed; kept as in the source (the aliased imports, the two weight options with the second
# commented out, the scheduler stepped on the loss, the print every 20 epochs).
import torch
from torch.nn import Sequential as Seq, Linear as Lin
from torch.optim.lr_scheduler import ReduceLROnPlateau

inputs = torch.rand((1024, 3))
target = (inputs[:, 0] + inputs[:, 1] + inputs[:, 2])
model = Seq(Lin(3, 1, bias=False))

# option 1: a row of zeros
model[0].weight = torch.nn.parameter.Parameter(torch.tensor([[0, 0, 0]], dtype=torch.float))

# option 2: a vector of zeros
# model[0].weight = torch.nn.parameter.Parameter(torch.tensor([0, 0, 0], dtype=torch.float))

opt = torch.optim.SGD(model.parameters(), lr=10e-2)
plateau = ReduceLROnPlateau(opt, 'min', factor=0.5, patience=20, verbose=True)
mse = torch.nn.MSELoss()
for epoch in range(500):
    opt.zero_grad()
    pred = model(inputs)
    loss = mse(pred, target)  # expect: LG005
    loss.backward()
    opt.step()
    if epoch % 20 == 0:
        print(loss.item())
    plateau.step(loss)
