"""look-alike [LG014, LG017]: a user asks how backward() can work when the loss is computed before zero_grad(); the quoted lines clear, back-propagate and step in that order."""

# Source: thread https://github.com/thuml/Transfer-Learning-Library/issues/12 (the lines the issue quotes from
# examples/dann.py, re-typed; the loss comes from the lines above, which the quote does not show). The answer: zeroing
# the buffers does not touch the graph, and backward() accumulates into the cleared buffers.
opt.zero_grad()
loss.backward()
opt.step()
