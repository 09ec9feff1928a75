"""positive [LG010]: a bug report compares nn.MSELoss() with nn.MSELoss(size_average=False), the deprecated flag instead of reduction='sum'; the post has no import line and builds its tensors with autograd.Variable."""
# Source: pytorch/pytorch issue #3924 "Loss function nn.MSELoss() divides by wrong number for averaging" (the snippet as posted, without imports; re-typed, names renamed)
mean_loss = nn.MSELoss()
sum_loss = nn.MSELoss(size_average=False)  # expect: LG010

a = autograd.Variable(torch.FloatTensor([[1, 2, 3], [1, 2, 3]]))

b = autograd.Variable(torch.FloatTensor([[2, 4, 6], [3, 4, 7]]))

summed = sum_loss(a, b)

averaged = mean_loss(a, b)
