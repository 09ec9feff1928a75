"""look-alike [LG008, LG009]: a report compares F.kl_div(F.log_softmax(a, 1), F.softmax(b, 1), reduction="none") with the formula written by hand; F is never imported in the post."""
# Source: https://github.com/pytorch/pytorch/issues/32520 "Numerical problems with torch.nn.functional.kl_div" (the description's inline code lines and printed results in order, as posted)
a = torch.tensor([[1.0,2,3], [5.0, 5.0, 5.0]])
b = torch.tensor([[1.0,2,3], [5.0, 5.0, 5.0]])
F.kl_div(F.log_softmax(a, 1), F.softmax(b, 1), reduction="none")
tensor([[-6.8829e-09, -1.4331e-08, -6.4222e-08],
        [ 1.6545e-08,  1.6545e-08,  1.6545e-08]])
F.softmax(b, dim=1) * (F.log_softmax(b, dim=1) - F.log_softmax(a, dim=1))
tensor([[0., 0., 0.],
        [0., 0., 0.]])
