"""positive [LG011]: the source line a UserWarning prints, indented as printed: a decoder's F.log_softmax without dim."""

# Source: https://github.com/lucasjinreal/pytorch_chatbot/issues/4 ("Implicit dimension choice for softmax has been
# deprecated"): the run prints the warning for models.py line 109 with that line under it, indented by two spaces as
# Python prints it, then a traceback that ends in train.py's `loss += criterion(decoder_output[0], ...)` (the failure
# the issue is about; left out: it is printed at another indentation). Re-typed as printed, the indentation kept.
  output = F.log_softmax(self.out(output[0]))  # expect: LG011
