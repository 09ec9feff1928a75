"""positive [LG016]: a bug report compares BCELoss on an explicit F.sigmoid with BCEWithLogitsLoss on the same logit, in a main() the post never calls and without any import; the sigmoid-then-BCELoss pair is the numerically fragile one."""
# Source: pytorch/pytorch issue #2298 "BCEWithLogitsLoss computes wrong gradient?" (the main() as posted, without imports; re-typed, names renamed)
def main():
    print("BCELoss():")
    crit = nn.BCELoss()
    w = Variable(torch.Tensor([0.0]), requires_grad=True)
    x = Variable(torch.Tensor([1]), requires_grad=True)
    s = w * x
    value = crit(F.sigmoid(s), Variable(torch.Tensor([0.0])))  # expect: LG016
    print("loss: ", value)
    value.backward()
    print("w.grad: ", w.grad)
    print("==============")
    print("BCEWithLogitsLoss():")
    crit = nn.BCEWithLogitsLoss()
    w = Variable(torch.Tensor([0.0]), requires_grad=True)
    x = Variable(torch.Tensor([1]), requires_grad=True)
    s = w * x
    value = crit(s, Variable(torch.Tensor([0.0])))
    print("loss: ", value)
    value.backward()
    print("w.grad: ", w.grad)
    print("==============")
