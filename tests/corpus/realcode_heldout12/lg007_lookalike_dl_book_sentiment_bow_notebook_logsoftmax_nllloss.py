"""look-alike [LG006, LG007, LG013]: the textbook's bag-of-words sentiment notebook ends an nn.Sequential in nn.LogSoftmax(dim=1), trains it with NLLLoss on one review at a time with a (1,) long label, and keeps loss.data.numpy() values in its loss list."""
# Source: swarmapytorch/book_DeepLearning_in_PyTorch_Source@d68a3d6112e8d93e961a1dc42a354741684f7598 04_Text_classification/SentimentAnalysis.ipynb (read as is; the .py text of the feed-forward cells only, the text preprocessing cells and the RNN/LSTM cells left out; re-typed, identifiers renamed, comments dropped)
import numpy as np
import torch
import torch.nn as nn

vocab = build_vocabulary(reviews)
train_x, train_y = dataset[2 * test_size:], labels[2 * test_size:]
valid_x, valid_y = dataset[:test_size], labels[:test_size]

model = nn.Sequential(
    nn.Linear(len(vocab), 10),
    nn.ReLU(),
    nn.Linear(10, 2),
    nn.LogSoftmax(dim=1),
)


def rightness(predictions, labels):
    pred = torch.max(predictions.data, 1)[1]
    rights = pred.eq(labels.data.view_as(pred)).sum()
    return rights, len(labels)


cost = torch.nn.NLLLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
records = []

losses = []
for epoch in range(10):
    for i, pair in enumerate(zip(train_x, train_y)):
        x, y = pair
        x = torch.tensor(x, requires_grad=True, dtype=torch.float).view(1, -1)
        y = torch.tensor(np.array([y]), dtype=torch.long)
        optimizer.zero_grad()
        predict = model(x)
        loss = cost(predict, y)
        losses.append(loss.data.numpy())
        loss.backward()
        optimizer.step()

        if i % 3000 == 0:
            val_losses = []
            rights = []
            for j, pair in enumerate(zip(valid_x, valid_y)):
                x, y = pair
                x = torch.tensor(x, requires_grad=True, dtype=torch.float).view(1, -1)
                y = torch.tensor(np.array([y]), dtype=torch.long)
                predict = model(x)
                rights.append(rightness(predict, y))
                loss = cost(predict, y)
                val_losses.append(loss.data.numpy())
            right_ratio = 1.0 * np.sum([r[0] for r in rights]) / np.sum([r[1] for r in rights])
            print('epoch {}: train {:.2f}, valid {:.2f}, acc {:.2f}'.format(epoch, np.mean(losses),
                                                                        np.mean(val_losses), right_ratio))
            records.append([np.mean(losses), np.mean(val_losses), right_ratio])
