"""look-alike [LG001, LG006, LG014]: the training cell of a ResNet-on-MNIST notebook clears gradients with model.zero_grad() (an issue asked whether it should be optimizer.zero_grad(); both clear the same parameters), keeps the training sum with .item(), and sums the validation loss tensors only under torch.no_grad()."""
# Source: marrrcin/pytorch-resnet-mnist at d7e5113 pytorch-resnet-mnist.ipynb, its last code cell (issue #2 "removing gradients with the optimizer"; re-typed, names renamed; MnistResNet, get_data_loaders, calculate_metric and print_scores come from earlier cells)
start_ts = time.time()

device = torch.device("cuda:0" if torch.cuda.is_available() else "cpu")
epochs = 5

model = MnistResNet().to(device)
train_loader, val_loader = get_data_loaders(256, 256)

history = []
loss_function = nn.CrossEntropyLoss()
optimizer = optim.Adadelta(model.parameters())

batches = len(train_loader)
val_batches = len(val_loader)

# training loop + eval loop
for epoch in range(epochs):
    total = 0
    progress = tqdm(enumerate(train_loader), desc="Loss: ", total=batches)
    model.train()

    for i, batch in progress:
        X, y = batch[0].to(device), batch[1].to(device)

        model.zero_grad()
        outputs = model(X)
        loss = loss_function(outputs, y)

        loss.backward()
        optimizer.step()
        current = loss.item()
        total += current
        progress.set_description("Loss: {:.4f}".format(total / (i + 1)))

    torch.cuda.empty_cache()

    val_sum = 0
    precision, recall, f1, accuracy = [], [], [], []

    model.eval()
    with torch.no_grad():
        for i, batch in enumerate(val_loader):
            X, y = batch[0].to(device), batch[1].to(device)
            outputs = model(X)
            val_sum += loss_function(outputs, y)

            predicted = torch.max(outputs, 1)[1]

            for acc, metric in zip((precision, recall, f1, accuracy),
                                   (precision_score, recall_score, f1_score, accuracy_score)):
                acc.append(
                    calculate_metric(metric, y.cpu(), predicted.cpu())
                )

    print(f"Epoch {epoch+1}/{epochs}, training loss: {total/batches}, validation loss: {val_sum/val_batches}")
    print_scores(precision, recall, f1, accuracy, val_batches)
    history.append(total / batches)
print(history)
print(f"Training time: {time.time()-start_ts}s")
