"""positive [LG005]: the recipe's hand-written network returns predictions of shape (100, 1); the loss squeezes them to (100,) while the target y keeps shape (100, 1), so nn.MSELoss broadcasts the pair to (100, 100) (PyTorch warns "Using a target size ... different to the input size")."""
# Source: PacktPublishing/Deep-Learning-for-Time-Series-Data-Cookbook at d6a51dad (read as is),
# Chapter_2/2.5_building_simple_nn_pytorch.py; re-typed, identifiers renamed; nothing else cut.
import torch

inputs = torch.randn(100, 10)
y = torch.randn(100, 1)

n_in = 10
n_hid = 5
n_out = 1

w_a = torch.randn(n_hid, n_in).requires_grad_()
b_a = torch.zeros(n_hid, requires_grad=True)
w_b = torch.randn(n_out, n_hid).requires_grad_()
b_b = torch.zeros(n_out, requires_grad=True)


def tiny_net(x, w_a, b_a, w_b, b_b):
    h = torch.mm(x, w_a.t()) + b_a
    h = torch.sigmoid(h)
    return torch.mm(h, w_b.t()) + b_b


step_size = 0.01
n_epochs = 100
mse = torch.nn.MSELoss()

for epoch in range(n_epochs):
    pred = tiny_net(inputs, w_a, b_a, w_b, b_b)
    loss = mse(pred.squeeze(), y)  # expect: LG005
    loss.backward()

    with torch.no_grad():
        w_a -= step_size * w_a.grad
        b_a -= step_size * b_a.grad
        w_b -= step_size * w_b.grad
        b_b -= step_size * b_b.grad

    w_a.grad.zero_()
    b_a.grad.zero_()
    w_b.grad.zero_()
    b_b.grad.zero_()

    if epoch % 10 == 0:
        print(f'Epoch: {epoch} \t Loss: {loss.item()}')
