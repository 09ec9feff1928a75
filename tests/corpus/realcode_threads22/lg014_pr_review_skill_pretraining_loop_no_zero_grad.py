"""positive [LG014]: a pretraining loop written into a skill document back-propagates and steps every batch without ever clearing the gradients."""

# Source: thread https://github.com/affaan-m/ECC/pull/3122 (a review comment on
# skills/llm-from-scratch-ch5-pretraining/SKILL.md; the batch loop as the review's suggestion quotes it, without the
# line the suggestion adds, re-typed and renamed; the block around it is not in the quote, and the loss helper, model,
# loader and optimizer stay undefined). The review concluded that every batch after the first applies stale gradients
# too, and the fix is optimizer.zero_grad() before each backward.
for xb, yb in train_loader:
    loss = batch_loss(xb, yb, model, device)
    loss.backward(); optimizer.step()  # expect: LG014
