"""look-alike [LG002, LG016]: the accepted answer to a binary-classification question: one output unit, torch.sigmoid at the end of forward, then BCELoss on the net's output; probabilities reach BCELoss through a model the snippet never names, and the sigmoid sits in another function than the loss."""
# Source: Stack Overflow question 53628622 "Loss function & its inputs for binary classification PyTorch", accepted answer (read on a mirror; the snippets as posted, at the top level as in the post; re-typed, names renamed)
self.head = nn.Linear(NETWORK_WIDTH, 1)


def forward(self, x):
    # other layers omitted
    x = self.head(x)
    return torch.sigmoid(x)


crit = nn.BCELoss()

out = net(data)
loss = crit(out, target)
