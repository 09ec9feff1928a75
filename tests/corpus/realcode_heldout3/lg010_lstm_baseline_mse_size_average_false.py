"""positive [LG010]: a blog's LSTM baseline for an AR time series builds torch.nn.MSELoss(size_average=False) at module level and uses it in the script's training loop."""
# Source: https://github.com/jessicayung/blog-code-snippets lstm-pytorch/lstm-baseline.py at e22f99bb097acfdcc7965a8a636213e40ff7a22f
# (issue #5 "Deprecation warning - size_average and reduce args will be deprecated", open); re-typed, names changed,
# reduced (plots left out).
import torch
import torch.nn as nn
from generate_data import *

noise_var = 0
num_datapoints = 100
test_size = 0.2
num_train = int((1 - test_size) * num_datapoints)
input_size = 20
per_element = True
if per_element:
    lstm_input_size = 1
else:
    lstm_input_size = input_size
h1 = 32
output_dim = 1
num_layers = 2
learning_rate = 1e-3
num_epochs = 500

data = ARData(num_datapoints, num_prev=input_size, test_size=test_size, noise_var=noise_var, coeffs=fixed_ar_coefficients[input_size])
X_train = torch.from_numpy(data.X_train).type(torch.Tensor)
y_train = torch.from_numpy(data.y_train).type(torch.Tensor).view(-1)
X_train = X_train.view([input_size, -1, 1])


class LSTM(nn.Module):

    def __init__(self, input_dim, hidden_dim, batch_size, output_dim=1, num_layers=2):
        super(LSTM, self).__init__()
        self.input_dim = input_dim
        self.hidden_dim = hidden_dim
        self.batch_size = batch_size
        self.num_layers = num_layers
        self.lstm = nn.LSTM(self.input_dim, self.hidden_dim, self.num_layers)
        self.linear = nn.Linear(self.hidden_dim, output_dim)

    def init_hidden(self):
        return (torch.zeros(self.num_layers, self.batch_size, self.hidden_dim),
                torch.zeros(self.num_layers, self.batch_size, self.hidden_dim))

    def forward(self, input):
        lstm_out, self.hidden = self.lstm(input.view(len(input), self.batch_size, -1))
        y_pred = self.linear(lstm_out[-1].view(self.batch_size, -1))
        return y_pred.view(-1)


model = LSTM(lstm_input_size, h1, batch_size=num_train, output_dim=output_dim, num_layers=num_layers)

loss_fn = torch.nn.MSELoss(size_average=False)  # expect: LG010

optimiser = torch.optim.Adam(model.parameters(), lr=learning_rate)

hist = np.zeros(num_epochs)

for t in range(num_epochs):
    model.hidden = model.init_hidden()
    y_pred = model(X_train)
    loss = loss_fn(y_pred, y_train)
    if t % 100 == 0:
        print("Epoch ", t, "MSE: ", loss.item())
    hist[t] = loss.item()
    optimiser.zero_grad()
    loss.backward()
    optimiser.step()
