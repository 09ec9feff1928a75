"""look-alike [LG001, LG010, LG011]: an issue pastes CrossEntropyLoss's documented signature (size_average=None, reduce=None) and names F.softmax(logits) in prose."""

# Source: https://github.com/yongjincho/cnn-text-classification-pytorch/issues/1 ("F.softmax(logits) and
# CrossEntropyLoss() is right?"): the reporter pastes the signature line of the documentation page, "[SOURCE]" link
# text included, and asks whether F.softmax(logits) with CrossEntropyLoss() is wrong. Re-typed: the signature line as
# pasted (the defaults None are not the deprecated arguments in use) and the two names of the question as written,
# mentioned, not called on anything: the repository's code is not in the thread.
torch.nn.CrossEntropyLoss(weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean')[SOURCE]

# This criterion combines nn.LogSoftmax() and nn.NLLLoss() in one single class.
# I guess F.softmax(logits) and CrossEntropyLoss() used together is wrong?
