"""look-alike [LG010]: the same masked MSE at the fix: the flag picks reduction='sum' or 'mean', the argument torch keeps."""

# Source: NVIDIA/DeepRecommender@b33aa5af14 reco_encoder/model/model.py and run.py (the fix commit; cut, renamed)
import torch
import torch.nn as nn
import torch.optim as optim


def masked_mse(inputs, targets, size_average=False):
    mask = targets != 0
    num_ratings = torch.sum(mask.float())
    criterion = nn.MSELoss(reduction="sum" if not size_average else "mean")
    return criterion(inputs * mask.float(), targets), torch.Tensor([1.0]) if size_average else num_ratings


class AutoEncoder(nn.Module):
    def __init__(self, sizes):
        super().__init__()
        self.encode = nn.Linear(sizes[0], sizes[1])
        self.decode = nn.Linear(sizes[1], sizes[0])

    def forward(self, x):
        return self.decode(torch.selu(self.encode(x)))


def train(data_layer, vector_dim, epochs, lr):
    rencoder = AutoEncoder([vector_dim, 512])
    optimizer = optim.Adam(rencoder.parameters(), lr=lr, weight_decay=0.0)
    for epoch in range(epochs):
        total = 0.0
        for i, mb in enumerate(data_layer):
            inputs = mb.to_dense()
            optimizer.zero_grad()
            outputs = rencoder(inputs)
            loss, num_ratings = masked_mse(outputs, inputs)
            loss = loss / num_ratings
            loss.backward()
            optimizer.step()
            total += loss.item()
        print(epoch, total)
