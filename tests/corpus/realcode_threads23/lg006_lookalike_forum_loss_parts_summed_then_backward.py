"""look-alike [LG006]: per-sequence losses summed inside one step and back-propagated once; the memory growth was elsewhere."""

# Source: https://discuss.pytorch.org/t/gpu-memory-increase-while-i-wanna-to-backward-with-accumulative-loss/43284
# (the question's snippet, re-typed and renamed). The poster's own conclusion: "It seems the increase is not caused
# by accumulative loss". Summing the parts of one batch's loss before a single backward is the intended use; the
# graph is freed by backward. `criteria`, `seqs`, `targets` and `n` are not defined in the post.
loss = 0
for i in range(n):
    loss_part = criteria(seqs[i], targets[i])
    loss += loss_part
loss.backward()
