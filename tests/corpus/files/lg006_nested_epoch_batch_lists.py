"""positive [LG006]: list defined before the epoch loop, appended in the nested batch loop with the raw loss; printed as a mean later."""
import torch
import torch.nn as nn

model = nn.GRU(input_size=10, hidden_size=32, batch_first=True)
head = nn.Linear(32, 1)
params = list(model.parameters()) + list(head.parameters())
optimizer = torch.optim.RMSprop(params, lr=1e-3)
mse = nn.MSELoss()
all_losses = []

for epoch in range(10):
    for batch in torch.load("sequences.pt"):
        seq, target = batch
        out, _ = model(seq)
        pred = head(out[:, -1])
        loss = mse(pred, target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        all_losses.append(loss)  # expect: LG006
    print(epoch, sum(all_losses[-50:]) / 50)
