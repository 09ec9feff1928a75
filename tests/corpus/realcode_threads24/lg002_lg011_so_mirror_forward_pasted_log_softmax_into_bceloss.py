"""positive [LG002, LG011]: a question's two-output binary classifier pasted without its class: F.log_softmax without dim, its log-probabilities into BCELoss."""

# Source: https://gamingcommission.club/www.stackoverflow.com/questions/53628622/loss-function-its-inputs-for-binary-classification-pytorch
# (a Stack Overflow mirror: "Loss function & its inputs for binary classification PyTorch"), the question's snippets as
# posted, re-typed: the output layer's line and `forward` without the class around them, the criterion, the call.
# The answer (https://tarikbilla.com/loss-function-its-inputs-for-binary-classification-pytorch): one output unit with a
# sigmoid into BCELoss (or BCEWithLogitsLoss without it), or two outputs into CrossEntropyLoss. `NETWORK_WIDTH`, `net`,
# `data`, `target`, `nn` and `F` are not defined in the post.
self.outputs = nn.Linear(NETWORK_WIDTH, 2)


def forward(self, x):
    # other layers omitted
    x = self.outputs(x)
    return F.log_softmax(x)  # expect: LG011


criterion = nn.BCELoss()

net_out = net(data)
loss = criterion(net_out, target)  # expect: LG002
