"""look-alike [LG014]: an issue on a lecture notebook quotes its flow-model loop, which computes the model's NLL and only then clears the gradients (still before backward), next to the usual order; every step clears once, and the loop runs at the top level of a cell."""
# Source: rll/deepul issue #12 "`optimizer.zero_grad` called after calculating loss instead of before in `lecture3_flow_models_demos.ipynb`." (the two snippets as posted; re-typed, names renamed; the model, loader and optimizer come from cells not posted)
flow.train()
for x in train_loader:
    x = x.float()
    nll = flow.nll(x)
    opt.zero_grad()
    nll.backward()
    opt.step()

opt.zero_grad()
y = model(x)
loss = criterion(y, y_true)
loss.backward()
opt.step()
