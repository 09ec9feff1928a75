"""look-alike [LG005]: denoising autoencoder: input and reconstruction both (16, 784); MSELoss on matching literal shapes."""
import torch
import torch.nn as nn

encoder = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 64))
decoder = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 784))
params = list(encoder.parameters()) + list(decoder.parameters())
optimizer = torch.optim.Adam(params, lr=1e-3)
criterion = nn.MSELoss()

for step in range(5000):
    clean = torch.rand(16, 784)
    noisy = clean + 0.2 * torch.randn(16, 784)
    recon = decoder(encoder(noisy))
    loss = criterion(recon, clean)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if step % 500 == 0:
        print(step, loss.item())
