"""look-alike [LG014, LG017]: a question posts two orders of the training step, one clearing the gradients before the forward and one after the loss, each a fragment of a loop the post does not show; both clear before backward."""

# Source: thread https://github.com/yunjey/pytorch-tutorial/issues/238 (the two fragments the user posted, re-typed and
# renamed; they are the body of a batch loop in the post's words, so each sits in a loop over an unbound loader). The
# replies: both are valid, since zero_grad() comes before backward() either way.
for imgs, targets in loader:
    opt.zero_grad()
    preds = net(imgs)
    loss = loss_fn(preds, targets)
    loss.backward()
    opt.step()

for imgs, targets in loader:
    preds = net(imgs)
    loss = loss_fn(preds, targets)
    opt.zero_grad()
    loss.backward()
    opt.step()
