"""look-alike [LG006, LG015]: a question on distributed training posts two fragments: one back-propagates the all-reduced loss itself, the other keeps a detached clone of it for logging; neither keeps a graph beyond the step, and both losses are scalars."""
# Source: https://github.com/NVIDIA/apex/issues/664 "Should I reduce the loss before the backward function?" (the description's two code blocks in order, as posted: fragments whose names the post never defines)
dist.all_reduce(loss, dist.ReduceOp.SUM)
loss.div_(world_size)

optimizer.zero_grad()
loss.backward()
optimizer.step()
# the reduced loss is just used for log
reduced_loss = loss.clone().detach()
dist.all_reduce(reduced_loss , dist.ReduceOp.SUM)
reduced_loss .div_(world_size)

optimizer.zero_grad()
loss.backward()
optimizer.step()
