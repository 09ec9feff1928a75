"""positive [LG011, LG002]: a question posts half a model (a layer assignment and a forward method at the top level) ending in F.log_softmax without dim, then BCELoss on the output of a net the post never defines: the log-probabilities reach BCELoss (marked since round 34, which reads the call of an unbound `net` as the pasted forward)."""
# Source: Stack Overflow question 53628622 "Loss function & its inputs for binary classification PyTorch" (read on a mirror; the snippets as posted, at the top level as in the post; re-typed, names renamed)
self.head = nn.Linear(NETWORK_WIDTH, 2)  # 1 or 2 dimensions?


def forward(self, x):
    # other layers omitted
    x = self.head(x)
    return F.log_softmax(x)  # expect: LG011


crit = nn.BCELoss()  # Is this the right function?

out = net(data)
loss = crit(out, target)  # Should target be an integer label or 1-hot vector?  # expect: LG002
