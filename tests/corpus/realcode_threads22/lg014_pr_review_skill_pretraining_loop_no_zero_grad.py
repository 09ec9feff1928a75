"""positive [LG014]: a pretraining loop written into a skill document back-propagates and steps every batch without ever clearing the gradients."""

# Source: thread https://github.com/affaan-m/ECC/pull/3122 (a review comment on
# skills/llm-from-scratch-ch5-pretraining/SKILL.md; the loop as the review quotes it, without the line its suggestion
# adds; re-typed and renamed; the loss helper, model, loader and optimizer are not in the excerpt and stay undefined).
# The review concluded that every batch after the first applies stale gradients too, and the fix is
# optimizer.zero_grad() before each backward.
for epoch in range(num_epochs):
    model.train()
    for xb, yb in train_loader:
        loss = batch_loss(xb, yb, model, device)
        loss.backward()
        optimizer.step()  # expect: LG014
