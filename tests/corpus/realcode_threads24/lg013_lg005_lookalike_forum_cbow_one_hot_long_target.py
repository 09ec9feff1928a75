"""look-alike [LG013, LG005]: a forum question's CBOW step: a one-hot target built with numpy and cast to long, into a criterion the post never defines."""

# Source: https://discuss.pytorch.org/t/how-exactly-should-i-understand-the-cross-entropy-loss-function/61183, the
# question's loop as posted (a method body: `self.model`, `self.train_data`, `self.vocab_size`), re-typed. The error is
# "Dimension out of range" (one sample's output is a vector, no batch axis); the answer: class indices and a batch
# axis. Nothing shows what `criterion` is nor what the model returns, so nothing can be said from the code.
for idx, sample in enumerate(self.train_data):
    x = torch.tensor(sample[0], dtype=torch.long)
    y = np.zeros(shape=(self.vocab_size))  # self.vocab_size = 85,000
    y[int(sample[1])] = np.float64(1)
    y = torch.tensor(y, dtype=torch.long)

    if torch.cuda.is_available():
        x = x.cuda()
        y = y.cuda()

    output = self.model(x)  # output's shape is the same as self.vocab_size
    loss = criterion(output, y)
