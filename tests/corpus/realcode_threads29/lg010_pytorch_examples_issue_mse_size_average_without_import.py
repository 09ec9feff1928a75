"""positive [LG010]: the lines an issue quotes from a tutorial: torch.nn.MSELoss(size_average=False), with no import shown."""

# Source: https://github.com/jcjohnson/pytorch-examples/issues/26 ("MSE without the Mean, confusing when comparing to
# Tensorflow"): the reporter quotes these lines as misleading (size_average=False makes it a summed error, not a mean);
# the maintainer adds a note. Re-typed as quoted: the comment and one statement, `torch` imported nowhere in the post.
# The nn package also contains definitions of popular loss functions; in this
# case we will use Mean Squared Error (MSE) as our loss function.
loss_fn = torch.nn.MSELoss(size_average=False)  # expect: LG010
