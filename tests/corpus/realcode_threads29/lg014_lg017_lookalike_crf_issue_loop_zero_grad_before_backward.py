"""look-alike [LG014, LG017]: an issue's CRF training loop: negative log-likelihood from a CRF layer, zero_grad, backward, step."""

# Source: https://github.com/kmkurn/pytorch-crf/issues/42 ("Loss not decreasing!"): the reporter uses the CRF as the
# model's loss and posts the loop; the maintainer answers "your code looks fine to me". Re-typed as posted: `model`,
# `model_gat`, `features`, `y`, `epochs` and `optimizer` are bound nowhere in the post.
# features is a list here
for epoch in range(epochs):
    for fea in features:
        y_pred = model(fea)
        y_pred = y_pred.reshape(y_pred.shape[0], 1, -1)
        y = y.reshape(y.shape[0], -1)
        loss = -model_gat.crf(y_pred, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
