"""look-alike [LG014, LG017]: a reader asks why the tutorials moved zero_grad from after step() to before backward(); the two fragments posted both clear the gradients between one step and the next backward."""

# Source: thread https://github.com/patrickloeber/pytorchTutorial/issues/19 (the two fragments the user quoted, re-typed
# and renamed; module-level statements with every name unbound, as posted). The reply explains that the gradients must
# be zeroed before they are computed again, which both orders do.
loss = loss_fn(preds, targets)
loss.backward()
opt.step()
opt.zero_grad()

loss = loss_fn(preds, targets)
opt.zero_grad()
loss.backward()
opt.step()
