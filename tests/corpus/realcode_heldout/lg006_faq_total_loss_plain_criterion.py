"""positive [LG006]: the PyTorch FAQ loop quoted in a fix to a Brax training notebook: total_loss += loss every iteration; loss = criterion(output) is known to be a loss only because loss.backward() is called."""
# Source: https://github.com/google/brax/pull/152 ("Remove memory leak in PyTorch training example"; the loop
# posted in the description, from the PyTorch FAQ); model, input, criterion and optimizer are defined elsewhere
# in the notebook, as in the thread.
total_loss = 0
for i in range(10000):
    optimizer.zero_grad()
    output = model(input)
    loss = criterion(output)
    loss.backward()
    optimizer.step()
    total_loss += loss  # expect: LG006
