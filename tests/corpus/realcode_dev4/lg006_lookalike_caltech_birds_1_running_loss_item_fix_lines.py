"""look-alike [LG006]: a maintainer answers with the lines that replace the old loss.data[0] bookkeeping: the running loss takes loss.item() scaled by the batch size and the running count sums a comparison, bare statements without the loop they belong to."""
# Source: Muhammad-MujtabaSaeed/Caltech-Birds-Classification issue #1 "Unable to display epoch accuracy." (the maintainer's two snippets as posted, one after the other; re-typed, names renamed; every name comes from the notebook's train_model, not posted)
running_loss += loss.item() * inputs.size(0)
running_hits += torch.sum(preds == labels.data)

epoch_loss = running_loss / dataset_sizes[phase]
epoch_acc = running_hits.double() / dataset_sizes[phase]

print('{} Loss: {:.4f} Acc: {:.4f}'.format(
         phase, epoch_loss, epoch_acc))
