"""look-alike [LG014, LG017]: a debugging checklist's overfit-one-batch loop that clears the gradients after step(), before the next backward()."""

# Source: https://datarekha.com/interview/deep-learning/debugging-model-not-learning/ (step 1, "Overfit a single
# batch", and step 4's gradient check), re-typed. zero_grad after step() clears before the next iteration's backward:
# the order is right. `model`, `criterion`, `optimizer`, `x_single` and `y_single` are not defined on the page.
for _ in range(200):
    loss = criterion(model(x_single), y_single)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()

for name, param in model.named_parameters():
    if param.grad is not None:
        print(name, param.grad.abs().mean().item())
    else:
        print(name, "NO GRADIENT")
