"""positive [LG010]: a collaborative-filtering autoencoder's masked MSE builds nn.MSELoss(size_average=...) from its own flag (misspelt size_avarage in the source), the deprecated argument torch warns about at every call (the fix, "Solved deprecated warnings", turns the flag into reduction='sum' or 'mean')."""

# Source: NVIDIA/DeepRecommender@9dc509ff30 reco_encoder/model/model.py and run.py, fixed in b33aa5af14 (cut, renamed)
import torch
import torch.nn as nn
import torch.optim as optim


def masked_mse(inputs, targets, size_avarage=False):
    mask = targets != 0
    num_ratings = torch.sum(mask.float())
    criterion = nn.MSELoss(size_average=size_avarage)  # expect: LG010
    return criterion(inputs * mask.float(), targets), torch.Tensor([1.0]) if size_avarage else num_ratings


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
