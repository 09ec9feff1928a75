"""look-alike [LG001, LG007]: a toy example normalises a distance layer's positive scores into probabilities, takes their log and passes it to cross_entropy; the issue suggests NLL instead, and the thread agrees both give the same number."""

# Source: thread https://github.com/KindXiaoming/grow-crystals/issues/6 (the four lines the issue quotes from the toy
# example, re-typed and renamed; the layer, inputs and labels are defined in cells the quote does not show). The
# author's answer, which the reporter accepts numerically: log of normalised probabilities are logits whose softmax is
# those probabilities, so cross_entropy of them is the log loss; the remark is about naming, not the value.
import torch

probs = dist_layer(inputs)
probs = probs / torch.sum(probs, dim=1, keepdim=True)
scores = torch.log(probs)
loss = torch.nn.functional.cross_entropy(scores, labels)
