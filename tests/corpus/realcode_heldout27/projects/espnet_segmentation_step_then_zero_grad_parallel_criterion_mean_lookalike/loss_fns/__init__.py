"""part of look-alike project [LG003, LG004, LG006, LG014, LG015, LG017]: the loss package marker."""
# Source: sacmehta/EdgeNets at cd36c752 (the code quoted in issue #14, "Zeroing out the gradient before calling optimizer.step()", the parent of b8fd23eb "Incorporated mitalbert suggestions"), loss_fns/__init__.py; re-typed.
