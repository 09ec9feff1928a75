"""positive [LG016]: a study repository's logistic-regression exercise (after a Korean online PyTorch book) computes torch.sigmoid of the linear score and passes it to F.binary_cross_entropy in the same scope, where binary_cross_entropy_with_logits on the raw score is the stable form; the training loop then writes the cross-entropy out by hand with torch.log."""
# Source: tr0up2r/pytorch-study at d63c47be (read as is), pytorch_wikidocs/logistic_regression/logistic_regression.py;
# re-typed, identifiers renamed; the Korean comments and shape prints cut.
import torch
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(1)

xs = [[1, 2], [2, 3], [3, 1], [4, 3], [5, 3], [6, 2]]
ys = [[0], [0], [0], [1], [1], [1]]
x_train = torch.FloatTensor(xs)
y_train = torch.FloatTensor(ys)

W = torch.zeros((2, 1), requires_grad=True)
b = torch.zeros(1, requires_grad=True)

h = 1 / (1 + torch.exp(-(x_train.matmul(W) + b)))
h = torch.sigmoid(x_train.matmul(W) + b)
print('hypothesis :', h, '\n')

bce = F.binary_cross_entropy(h, y_train)  # expect: LG016
print('losses :', bce, '\n')

opt = optim.SGD([W, b], lr=1)
n_epochs = 1000
for epoch in range(n_epochs + 1):
    h = torch.sigmoid(x_train.matmul(W) + b)
    cost = -(y_train * torch.log(h) + (1 - y_train) * torch.log(1 - h)).mean()
    opt.zero_grad()
    cost.backward()
    opt.step()
    if epoch % 100 == 0:
        print('Epoch {:4d}/{} Cost: {:.6f}'.format(epoch, n_epochs, cost.item()))

h = torch.sigmoid(x_train.matmul(W) + b)
pred = h >= torch.FloatTensor([0.5])
print('prediction :\n', pred, '\norigin y :\n', y_train, '\n')
