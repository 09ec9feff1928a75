"""look-alike [LG014]: gradients are cleared in every loop, by model.zero_grad(), by setting p.grad = None, by a helper named reset_grads, and every accum_steps batches."""
import torch
import torch.nn as nn


def reset_grads(params):
    for p in params:
        p.grad = None


def loop_model_zero_grad(model, loader, opt, crit):
    for x, y in loader:
        model.zero_grad()
        crit(model(x), y).backward()
        opt.step()


def loop_grad_none(model, loader, opt, crit):
    for x, y in loader:
        loss = crit(model(x), y)
        loss.backward()
        opt.step()
        for p in model.parameters():
            p.grad = None


def loop_helper(model, loader, opt, crit):
    for x, y in loader:
        reset_grads(model.parameters())
        loss = crit(model(x), y)
        loss.backward()
        opt.step()


def loop_accumulate(model, loader, opt, crit, accum_steps=8):
    opt.zero_grad()
    for i, (x, y) in enumerate(loader):
        loss = crit(model(x), y) / accum_steps
        loss.backward()
        if (i + 1) % accum_steps == 0:
            opt.step()
            opt.zero_grad()


if __name__ == "__main__":
    net = nn.Linear(4, 2)
    data = [(torch.randn(3, 4), torch.tensor([0, 1, 0]))]
    o = torch.optim.SGD(net.parameters(), lr=0.1)
    c = nn.CrossEntropyLoss()
    for fn in (loop_model_zero_grad, loop_grad_none, loop_helper, loop_accumulate):
        fn(net, data, o, c)
