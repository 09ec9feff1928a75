"""positive [LG011]: an issue's prose names the forward's return expression, F.log_softmax(out) with no dim, before CrossEntropyLoss."""

# Source: https://github.com/DSKSD/DeepNLP-models-Pytorch/issues/2 ("duplicated softmax functions are called in a
# single model"): "there should be only "return out" instead of return "F.log_softmax(out)" in the forward() function
# of some classification models" (CrossEntropyLoss already applies LogSoftmax). The two quoted expressions re-typed as
# statements, in the order written; the models themselves are not in the thread, so the double softmax (LG001) is not
# in the snippet, only the missing dim is.
out
F.log_softmax(out)  # expect: LG011
