"""look-alike [LG002, LG004]: a Q&A page's BCELoss on literal probabilities against float labels of -1 and 1 (targets outside [0, 1], outside the catalog), then BCEWithLogitsLoss on literal logits."""

# Source: https://taourl.com/read-2252160.html ("Binary Cross Entropy Loss Not Learning Correct Indices", a generated
# answer page), its three examples re-typed; the stored text lost the "()" of each loss class, restored here. The
# first uses labels of -1 and 1 (the page: use 0 and 1); the predictions are probabilities and the labels float.
import torch
import torch.nn as nn

labels = torch.tensor([-1, 1, -1, 1], dtype=torch.float32)  # incorrect labels
predictions = torch.tensor([0.6, 0.4, 0.7, 0.3], dtype=torch.float32)
loss_fn = nn.BCELoss()
loss = loss_fn(predictions, labels)
print(loss)

labels = torch.tensor([0, 1, 0, 1], dtype=torch.float32)
loss = loss_fn(predictions, labels)
print(loss)

logits = torch.tensor([1.2, -0.5, 2.1, -1.3], dtype=torch.float32)
labels = torch.tensor([1, 0, 1, 0], dtype=torch.float32)
loss_fn = nn.BCEWithLogitsLoss()
loss = loss_fn(logits, labels)
