"""look-alike [LG008, LG009]: a report on tiny negative kl_div values passes log_softmax as the input and softmax (or log_softmax with log_target=True) as the target, with reduction="none" spelled out; printed results are left in as posted."""
# Source: https://github.com/pytorch/pytorch/issues/80488 (the description's first two code blocks as posted, no import line; the post continues past what was read)
a = torch.tensor([[1,2,3], [5.0, 5.0, 5.0]])
b = torch.tensor([[1,2,3], [5.0, 5.0, 5.0]])
torch.nn.functional.kl_div(torch.nn.functional.log_softmax(a, 1), torch.nn.functional.softmax(b, 1), reduction="none")
tensor([[ 0.0000e+00,  0.0000e+00, -1.9826e-08],
        [ 0.0000e+00,  0.0000e+00,  0.0000e+00]])
a = torch.tensor([[1,2,3], [5.0, 5.0, 5.0]])
b = torch.tensor([[8,10,6], [5.0, 5.0, 5.0]])
torch.nn.functional.kl_div(torch.nn.functional.log_softmax(a, 1), torch.nn.functional.log_softmax(b, 1), reduction="none", log_target=True)
tensor([[ 0.0310,  1.0962, -0.0593],
        [ 0.0000,  0.0000,  0.0000]])
