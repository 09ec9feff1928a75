"""positive [LG006]: the training loop adds every entry of the loss dict, still a tensor with its graph, into per-key epoch totals."""

# Source: thread https://github.com/jokester-zzz/SSA-SC/issues/2 ("the way of updating training and validation loss
# results in the continuous rising of gpu memory ... loss[key] should be loss[key].item()"; the maintainer agreed).
# Re-typed as the thread describes it, renamed; the model and data loading are left undefined as in the post.
for epoch in range(epochs):
    totals = {key: 0 for key in model.loss_keys}
    for data, target in loader:
        scores = model(data)
        loss = model.compute_loss(scores, target)
        optimizer.zero_grad()
        loss["total"].backward()
        optimizer.step()
        for key in loss:
            totals[key] += loss[key]  # expect: LG006
