"""look-alike [LG006, LG014]: a forum question's loop whose validation loss is far below its training loss: every loss summed with .item(), zero_grad before backward."""

# Source: https://discuss.pytorch.org/t/why-is-the-validation-loss-lower-than-the-training-loss/72713, the question's
# loop as posted, re-typed. The epoch sums take `.item()`; the validation total is reset inside the batch loop, so only
# the last batch is counted (the printed mean divides one batch by the number of batches): outside the catalog. `model`,
# `criterion`, `optimizer`, the loaders, `EPOCHS`, `device` and `tqdm` are not defined in the post.
model.train()
for e in tqdm(range(1, EPOCHS + 1)):
    train_epoch_loss = 0

    for x_batch_train, y_batch_train in train_loader:
        x_batch_train, y_batch_train = x_batch_train.to(device), y_batch_train.to(device)

        optimizer.zero_grad()

        y_pred_probs_train = model(x_batch_train).squeeze()

        train_loss = criterion(y_pred_probs_train, y_batch_train)

        train_loss.backward()

        optimizer.step()

        train_epoch_loss += train_loss.item()

    with torch.no_grad():
        model.eval()
        for x_batch_val, y_batch_val in validation_loader:
            val_epoch_loss = 0

            x_batch_val, y_batch_val = x_batch_val.to(device), y_batch_val.to(device)

            y_pred_probs_val = model(x_batch_val).squeeze()

            val_loss = criterion(y_pred_probs_val, y_batch_val)

            val_epoch_loss += val_loss.item()

    print(f"Epoch {e + 0:02}: | Train Loss: {train_epoch_loss / len(train_loader):.5f} | Val Loss: {val_epoch_loss / len(validation_loader):.5f}")
