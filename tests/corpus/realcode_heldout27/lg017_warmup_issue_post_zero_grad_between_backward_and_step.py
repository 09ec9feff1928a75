"""positive [LG017]: code posted in an issue about a warm-up scheduler that "does not warm up": every batch runs loss.backward(), then optimizer.zero_grad(), then optimizer.step() and the dampened scheduler step, so each step applies gradients that were just cleared (the maintainer's answer: the parameters are never optimized)."""
# Source: Tony-Y/pytorch_warmup at ed598d3a (issue #12, "Why did my learning rate drop from the initial lr", 2022-11-29): the code
# block of the first post, as posted (the post shows only these statements, "in every batch"; loss, optimizer and
# the schedulers are not defined in it).
loss.backward()
optimizer.zero_grad()  # expect: LG017
optimizer.step()
with warmup_scheduler.dampening():
    lr_scheduler.step()
