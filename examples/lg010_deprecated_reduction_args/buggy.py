"""buggy: autoencoder trained with a summed reconstruction loss (LG010 deprecated-reduction-args)."""
import torch
import torch.nn as nn
from torch.utils.data import DataLoader
from torchvision import datasets, transforms

loader = DataLoader(datasets.MNIST("data", train=True, download=True, transform=transforms.ToTensor()),
                    batch_size=128, shuffle=True)
encoder = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 32))
decoder = nn.Sequential(nn.Linear(32, 128), nn.ReLU(), nn.Linear(128, 784), nn.Sigmoid())
criterion = nn.MSELoss(size_average=False)  # expect: LG010
optimizer = torch.optim.Adam(list(encoder.parameters()) + list(decoder.parameters()), lr=1e-3)

for epoch in range(10):
    for images, _ in loader:
        flat = images.view(images.size(0), -1)
        optimizer.zero_grad()
        recon = decoder(encoder(images))
        loss = criterion(recon, flat) / images.size(0)
        loss.backward()
        optimizer.step()
    print(f"epoch {epoch}: loss per image {loss.item():.2f}")

@torch.no_grad()
def reconstruct(batch):
    encoder.eval()
    decoder.eval()
    return decoder(encoder(batch)).view(-1, 1, 28, 28)


sample, _ = next(iter(loader))
print(reconstruct(sample[:8]).shape)
