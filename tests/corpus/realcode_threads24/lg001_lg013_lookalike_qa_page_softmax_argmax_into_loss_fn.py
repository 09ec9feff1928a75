"""look-alike [LG001, LG013]: a Chinese Q&A page's loop that feeds argmax of the softmax, cast to float, to its loss: no gradient (outside the catalog)."""

# Source: https://php.bkmy88.com/faq/1835025.html ("PyTorch训练中no grad错误的诊断与修复": "element 0 of tensors does not
# require grad"), the loop it diagnoses, re-typed. The page: argmax cuts the graph; give the logits to the loss. The
# loss function, `model`, the data and `accuracy` are not in the excerpt.
for epoch in range(Epochs):
    model.train()

    train_logits = model(X_train)
    # the problem: argmax cuts the graph
    train_preds_probs = torch.softmax(train_logits, dim=1).argmax(dim=1).type(torch.float32)
    loss = loss_fn(train_preds_probs, y_train)
    train_accu = accuracy(y_train, train_preds_probs)
    print(train_preds_probs)
    optimiser.zero_grad()
    loss.backward()
    optimiser.step()
