"""look-alike [LG001, LG006, LG017]: an RNN text classifier's raw scores into CrossEntropyLoss, zero_grad after step, loss.item() appended."""

# Source: https://whosebug.com/question/6549442/What-it-means-when-your-model-can-t-overfit-a-small-batch-of-data
# (a Stack Overflow mirror: "What it means when your model can't overfit a small batch of data?"), the question's
# model and training code, re-typed and renamed; the excerpt ends inside the loop. The loss call is right: logits into
# CrossEntropyLoss, gradients cleared after each step (before the next backward), the loss logged as a number.
# `vocab`, `device`, `LR`, `NUM_EPOCHS` and `train_loader` are not defined in the post.
import torch.nn as nn
import torch.optim as optim


class TextRNN(nn.Module):
    def __init__(self, embedding_size=256, hidden_size=128, num_classes=4):
        super().__init__()
        self.embedding = nn.Embedding(len(vocab), embedding_size, 0)
        self.rnn = nn.RNN(embedding_size, hidden_size, batch_first=True)
        self.fc = nn.Linear(hidden_size, num_classes)

    def forward(self, x):
        x = self.embedding(x)
        _, h_n = self.rnn(x)
        h_n = h_n.squeeze(0)
        out = self.fc(h_n)
        return out


model = TextRNN().to(device)
criterion = nn.CrossEntropyLoss()
optimizer = optim.Adam(model.parameters(), lr=LR)
model.train()

for epoch in range(NUM_EPOCHS):
    epoch_losses = []
    correct_predictions = []
    for batch_idx, (labels, texts) in enumerate(train_loader):
        scores = model(texts)
        loss = criterion(scores, labels)

        loss.backward()
        optimizer.step()
        optimizer.zero_grad()

        epoch_losses.append(loss.item())
        correct = (scores.max(1).indices == labels).sum()
