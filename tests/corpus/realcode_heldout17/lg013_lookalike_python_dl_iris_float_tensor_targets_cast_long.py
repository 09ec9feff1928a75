"""look-alike [LG013, LG001, LG014]: the book's Iris classifier builds its class targets with torch.Tensor(codes) (float32) and casts them with .long() before nn.CrossEntropyLoss; the network ends in a Linear layer and the full-batch loop clears gradients every epoch."""
# Source: PacktPublishing/Python-Deep-Learning-Second-Edition at a44db1a2 (read as is), Chapter01/pytorch_iris.py;
# re-typed, identifiers renamed.
import numpy as np
import pandas as pd
import torch

frame = pd.read_csv('https://archive.ics.uci.edu/ml/machine-learning-databases/iris/iris.data',
                    names=['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species'])
frame['species'] = pd.Categorical(frame['species']).codes
frame = frame.sample(frac=1, random_state=1234)

x_train = frame.values[:120, :4]
y_train = frame.values[:120, 4]
x_test = frame.values[120:, :4]
y_test = frame.values[120:, 4]

torch.manual_seed(1234)
hidden = 5
net = torch.nn.Sequential(
    torch.nn.Linear(4, hidden),
    torch.nn.ReLU(),
    torch.nn.Linear(hidden, 3)
)
criterion = torch.nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(net.parameters(), lr=0.1, momentum=0.9)

for epoch in range(50):
    inputs = torch.autograd.Variable(torch.Tensor(x_train).float())
    targets = torch.autograd.Variable(torch.Tensor(y_train).long())
    optimizer.zero_grad()
    out = net(inputs)
    loss = criterion(out, targets)
    loss.backward()
    optimizer.step()
    if epoch == 0 or (epoch + 1) % 10 == 0:
        print('Epoch %d Loss: %.4f' % (epoch + 1, loss.data[0]))

inputs = torch.autograd.Variable(torch.Tensor(x_test).float())
targets = torch.autograd.Variable(torch.Tensor(y_test).long())
optimizer.zero_grad()
out = net(inputs)
_, predicted = torch.max(out.data, 1)
errors = y_test.size - np.count_nonzero((targets == predicted).numpy())
print('Errors: %d; Accuracy: %d%%' % (errors, 100 * torch.sum(targets == predicted) / y_test.size))
