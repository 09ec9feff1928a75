"""look-alike [LG014]: an issue quotes the two orders a tutorial series uses, zero_grad after step in the early lessons and zero_grad between the loss and backward() later; both clear the gradients once per step, and the snippets are bare statements with no loop or definitions around them."""
# Source: patrickloeber/pytorchTutorial issue #19 "optimizer.zero_grad() before loss.backward()?" (the two snippets as posted, one after the other; re-typed, names renamed)
err = crit(pred, labels)
err.backward()
opt.step()
opt.zero_grad()

err = crit(pred, labels)
opt.zero_grad()  # Here is the change
err.backward()
opt.step()
