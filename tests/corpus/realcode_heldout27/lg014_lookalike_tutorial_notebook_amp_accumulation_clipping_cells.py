"""look-alike [LG005, LG006, LG014, LG017]: the code cells of a 2026 optimization tutorial notebook: an AMP step that clears first and steps through the GradScaler, a gradient-accumulation cell that back-propagates four scaled micro-batch losses and steps once, and a clipping cell; every MSE pairs outputs and labels of one shape and losses are logged with .item()."""
# Source: Anikhet/pytorch-tutorial at 4b0301af, 08_Optimization_and_Tuning.ipynb (the code cells, in order); re-typed,
# identifiers renamed; the plotting cells and the printed advice shortened.
import torch
import torch.nn as nn
import torch.optim as optim

model = nn.Linear(10, 1)
opt_adam = optim.Adam(model.parameters(), lr=1e-3, weight_decay=0.01)
opt_adamw = optim.AdamW(model.parameters(), lr=1e-3, weight_decay=0.01)
opt_sgd = optim.SGD(model.parameters(), lr=0.1, momentum=0.9, weight_decay=1e-4)
print(opt_adam, opt_adamw, opt_sgd)

# Mixed precision cell
model = nn.Linear(1000, 1000).cuda() if torch.cuda.is_available() else nn.Linear(1000, 1000)
optimizer = optim.AdamW(model.parameters(), lr=1e-3)
scaler = torch.cuda.amp.GradScaler() if torch.cuda.is_available() else None


def train_with_amp(model, data, labels, optimizer, scaler):
    optimizer.zero_grad()
    with torch.cuda.amp.autocast(enabled=torch.cuda.is_available()):
        outputs = model(data)
        loss = nn.functional.mse_loss(outputs, labels)
    if scaler:
        scaler.scale(loss).backward()
        scaler.step(optimizer)
        scaler.update()
    else:
        loss.backward()
        optimizer.step()
    return loss.item()


device = "cuda" if torch.cuda.is_available() else "cpu"
data = torch.randn(32, 1000).to(device)
labels = torch.randn(32, 1000).to(device)
loss = train_with_amp(model, data, labels, optimizer, scaler)
print(f"Mixed precision training completed! Loss: {loss:.4f}")

# Gradient accumulation cell
model = nn.Linear(100, 10)
optimizer = optim.AdamW(model.parameters(), lr=1e-3)
accumulation_steps = 4
micro_batch_size = 8
optimizer.zero_grad()
for step in range(accumulation_steps):
    data = torch.randn(micro_batch_size, 100)
    labels = torch.randn(micro_batch_size, 10)
    outputs = model(data)
    loss = nn.functional.mse_loss(outputs, labels)
    loss = loss / accumulation_steps
    loss.backward()
    print(f"  Step {step + 1}/{accumulation_steps}: loss={loss.item():.4f}")
optimizer.step()
optimizer.zero_grad()

# Gradient clipping cell
model = nn.Linear(100, 10)
optimizer = optim.AdamW(model.parameters(), lr=1e-3)
data = torch.randn(32, 100)
labels = torch.randn(32, 10)
optimizer.zero_grad()
outputs = model(data)
loss = nn.functional.mse_loss(outputs, labels)
loss.backward()
norm_before = 0.0
for p in model.parameters():
    if p.grad is not None:
        norm_before += p.grad.data.norm(2).item() ** 2
norm_before = norm_before ** 0.5
max_norm = 1.0
torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm)
norm_after = 0.0
for p in model.parameters():
    if p.grad is not None:
        norm_after += p.grad.data.norm(2).item() ** 2
norm_after = norm_after ** 0.5
print(f"Gradient norm before clipping: {norm_before:.4f}, after: {norm_after:.4f}")
optimizer.step()
