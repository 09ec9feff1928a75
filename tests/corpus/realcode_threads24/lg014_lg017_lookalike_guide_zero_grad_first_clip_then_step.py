"""look-alike [LG014, LG017]: a guide's "production tip" loop: zero_grad first, backward, clip_grad_norm_, step; a comment warns not to clear after step."""

# Source: https://theneuralbase.com/pytorch/learn/beginner/forward-pass-loss-backward-step/ (the team note's
# "PRODUCTION TIP" block), re-typed; the excerpt ends inside the evaluation that follows (`with torch.no_grad():`),
# kept up to `model.eval()`. The clip between backward() and step() changes the gradients, it does not clear them.
# `model`, `criterion`, `optimizer`, `X` and `y` are not defined in the block.
for epoch in range(100):
    optimizer.zero_grad()  # call at the start of the loop, not the end
    output = model(X)
    loss = criterion(output, y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)  # prevents NaN loss on hard examples
    optimizer.step()
    # do NOT call optimizer.zero_grad() here: the next iteration's zero_grad() clears the gradients

model.eval()
