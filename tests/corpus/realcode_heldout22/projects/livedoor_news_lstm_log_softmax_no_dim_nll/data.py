"""part of positive project [LG011]: the script tokenises livedoor news titles, trains the LSTM classifier with nn.NLLLoss on its log-softmax output (zero_grad, backward, step per batch, loss.item() summed) and counts test hits under torch.no_grad."""
# Source: kenmaro3/pytorch_practice at 59e75c4f (read as is), lstm_livedoor/data.py;
# re-typed, identifiers renamed; the MeCab tokenisation, the vocabulary building, the title padding, the train2batch
# helper, plots and the commented-out loops cut (train_x, train_y, test_x, test_y, categories, embedding_dim,
# hidden_dim, vocab_size and train2batch come from the cut part).
import torch
import torch.nn as nn
import torch.optim as optim

from model import LSTMClassifier

if __name__ == "__main__":
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tag_size = len(categories)
    net = LSTMClassifier(embedding_dim, hidden_dim, vocab_size, tag_size).to(device)
    epochs = 5
    optimizer = optim.Adam(net.parameters(), lr=0.01)
    loss_function = nn.NLLLoss()

    for epoch in range(epochs):
        all_loss = 0
        title_batch, category_batch = train2batch(train_x, train_y)
        for i in range(len(title_batch)):
            batch_loss = 0
            net.zero_grad()
            titles = torch.zeros(len(title_batch[i]), title_batch[i][0].size()[0]).long()
            for j in range(len(titles)):
                titles[j, :] = title_batch[i][j]
            cats = torch.tensor(category_batch[i], device=device).squeeze()

            out = net(titles)
            batch_loss = loss_function(out, cats)
            batch_loss.backward()
            optimizer.step()
            all_loss += batch_loss.item()

        print("epoch", epoch, "\t", "loss", all_loss)
        if all_loss < 0.1:
            break

    hits = 0
    with torch.no_grad():
        title_batch, category_batch = train2batch(test_x, test_y)
        for i in range(len(title_batch)):
            titles = torch.zeros(len(title_batch[i]), title_batch[i][0].size()[0]).long()
            for j in range(len(title_batch[i])):
                titles[j, :] = title_batch[i][j]
            cats = torch.tensor(category_batch[i], device=device)
            out = net(titles)
            _, preds = torch.max(out, 1)
            for j, ans in enumerate(cats):
                if preds[j].item() == ans.item():
                    hits += 1
    print("predict : ", hits / len(test_x))
