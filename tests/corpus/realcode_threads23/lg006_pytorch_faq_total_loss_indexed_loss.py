"""positive [LG006]: the PyTorch FAQ's out-of-memory example: total_loss += loss[0] keeps each iteration's graph alive."""

# Source: http://pytorch.org/docs/master/notes/faq.html ("My model reports 'cuda runtime error(2): out of memory'",
# "Don't accumulate history across your training loop"), the abridged loop as the page shows it, re-typed. The page's
# conclusion: loss[0] is still a differentiable tensor, so total_loss accumulates history; use loss.item() (the
# page's "[0]" fix dates from Variables). `model`, `criterion` and `batch` are not defined on the page.
total_loss = 0
for i in range(10000):
    output = model(batch)
    loss = criterion(output)
    total_loss += loss[0]  # expect: LG006
