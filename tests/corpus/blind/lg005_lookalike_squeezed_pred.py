"""look-alike [LG005]: the (N, 1) regression output is squeezed to (N,) before MSE, and the auxiliary L1 target is unsqueezed to (N, 1) to match its head."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class WeatherModel(nn.Module):
    def __init__(self, n_feat=24, hidden=64):
        super().__init__()
        self.lstm = nn.LSTM(n_feat, hidden, batch_first=True)
        self.temp_head = nn.Linear(hidden, 1)
        self.rain_head = nn.Linear(hidden, 1)

    def forward(self, seq):
        out, _ = self.lstm(seq)
        last = out[:, -1]
        return self.temp_head(last), self.rain_head(last)


def train(model, loader, epochs=30):
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(epochs):
        for seq, temp, rain in loader:
            temp = temp.view(-1)
            rain = rain.view(-1)
            temp_pred, rain_pred = model(seq)
            loss_t = F.mse_loss(temp_pred.squeeze(-1), temp)
            loss_r = F.l1_loss(rain_pred, rain.unsqueeze(1))
            loss = loss_t + 0.5 * loss_r
            opt.zero_grad()
            loss.backward()
            opt.step()
        print(epoch, loss_t.item(), loss_r.item())


if __name__ == "__main__":
    m = WeatherModel()
    a, b = m(torch.randn(5, 48, 24))
    print(a.shape, b.shape)
