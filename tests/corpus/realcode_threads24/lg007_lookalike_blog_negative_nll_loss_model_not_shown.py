"""look-alike [LG007]: a Chinese blog's negative F.nll_loss: the model (not shown) did not end in log_softmax, which the posted loop cannot tell."""

# Source: https://superweb999.com/article/347425.html ("Pytorch训练网络模型过程中Loss为负值的问题及其解决方案": a
# reproduction whose loss stayed negative), the loop of its "输出部分的代码段" re-typed. The post's conclusions:
# normalise the input data, and nll_loss wants log-probabilities (the model's output had no log_softmax). The model
# is not in the post; `model`, `train_loader`, `device`, `optimizer`, `log_interval` and `epoch` are not defined.
for batch_idx, (data, target) in enumerate(train_loader):
    data, target = data.to(device), target.to(device)
    optimizer.zero_grad()
    output = model(data)
    loss = F.nll_loss(output, target.squeeze())
    loss.backward()
    optimizer.step()
    if batch_idx % log_interval == 0:
        print(
            "Train Epoch: {} [{}/{} ({:0f}%)]\tLoss:{:.6f}".format(
                epoch, batch_idx * len(data), len(train_loader.dataset), 100.0 * batch_idx / len(train_loader), loss.item()
            )
        )
        print("output:", output)
