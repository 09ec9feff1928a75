"""look-alike [LG006, LG002]: a blog's BCE training step summing loss.item(), and a hand-written BCE on the network's outputs."""

# Source: https://jamesmccaffreyblog.com/2020/09/03/how-pytorch-computes-bce-loss/ (the post's training code and its
# my_bce function, re-typed and renamed). The network (ending in a sigmoid, per the post's 0.68 outputs) and the
# loader are not shown. The epoch total adds numbers; my_bce's sum is returned within one call.
import torch as T

loss_func = T.nn.BCELoss()
optimizer = T.optim.SGD(net.parameters(), lr=lrn_rate)
epoch_loss = 0.0
for batch_idx, batch in enumerate(train_ldr):
    X = batch["predictors"]
    Y = batch["target"]
    optimizer.zero_grad()
    oupt = net(X)
    loss_obj = loss_func(oupt, Y)
    epoch_loss += loss_obj.item()
    loss_obj.backward()
    optimizer.step()


def my_bce(model, batch):
    total = 0.0
    inpts = batch["predictors"]
    targets = batch["target"]
    oupts = model(inpts)
    for i in range(len(inpts)):
        oupt = oupts[i]
        if targets[i] >= 0.5:
            total += T.log(oupt)
        else:
            total += T.log(1 - oupt)
    return -total / len(inpts)
