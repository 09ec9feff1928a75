"""positive [LG006]: a tutorial's "production patterns" block appends each step's loss tensor (the one it back-propagates, scaled) to a list."""

# Source: https://theneuralbase.com/pytorch/learn/advanced/training-step-and-validation-step/ ("Training step and
# validation step", its "PRODUCTION PATTERNS NOT IN ARTICLE" block), re-typed and renamed; the article's train_step,
# model, loaders and loss_fn are not in the excerpt. The block back-propagates loss / accumulation_steps, so the loss
# train_step returns holds a graph, and train_losses keeps one per batch (its validation loop appends loss.item()).
import torch

accumulation_steps = 4
for epoch in range(epochs):
    train_losses = []
    for batch_idx, (batch_X, batch_y) in enumerate(train_loader):
        loss = train_step(batch_X, batch_y)
        loss_scaled = loss / accumulation_steps
        loss_scaled.backward()
        if (batch_idx + 1) % accumulation_steps == 0:
            optimizer.step()
            optimizer.zero_grad()
        train_losses.append(loss)  # expect: LG006

best_val_loss = float("inf")
for epoch in range(epochs):
    model.eval()
    val_losses = []
    with torch.no_grad():
        for batch_X, batch_y in val_loader:
            logits = model(batch_X)
            loss = loss_fn(logits, batch_y)
            val_losses.append(loss.item())
