"""look-alike [LG007]: a report on weighted nll_loss's 'mean' applies F.log_softmax(i, dim=1) before F.nll_loss in a loop over reductions; the input is log-probabilities."""
# Source: https://github.com/pytorch/pytorch/issues/31295 "nll_loss with weights: reduction 'mean' gives wrong result" (the CPU session as posted; the ">>> " / "... " prompts removed and the printed results that are not Python removed to make it parse, nothing else changed)
torch.manual_seed(42)
torch.cuda.manual_seed(42)

i = torch.randn(3, 5, requires_grad=True, device='cpu')
tensor([[ 0.3367,  0.1288,  0.2345,  0.2303, -1.1229],
        [-0.1863,  2.2082, -0.6380,  0.4617,  0.2674],
        [ 0.5349,  0.8094,  1.1103, -1.6898, -0.9890]], requires_grad=True)

w = torch.randn(5, device='cpu')
tensor([ 0.9580,  1.3221,  0.8172, -0.7658, -0.7506])

target = torch.tensor([1, 0, 4], device='cpu')
tensor([1, 0, 4])

reduction = ['none', 'sum', 'mean']
for r in reduction:
       m = F.log_softmax(i, dim=1)
       loss = F.nll_loss(m, target, w, reduction=r)
