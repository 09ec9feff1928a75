"""look-alike [LG014, LG017]: a user asks why the repository clears the gradients after running the model and posts the order they expected, a bare step with no loop around it: zero_grad, forward, loss, backward, step."""

# Source: thread https://github.com/milesial/Pytorch-UNet/issues/378 (the fragment the user posted, re-typed and
# renamed; everything in it is unbound, as posted). The maintainer's answer: before or after the forward makes no
# difference as long as the gradients are zero before backward().
opt.zero_grad()
out = net(batch_images)
rounded = out.round()
loss = loss_fn(out, batch_masks)
loss.backward()
opt.step()
