"""look-alike [LG011]: the two source lines a warning quotes: a module attribute `self.sm` and a container's `module(input)`."""

# Source: https://github.com/pytorch/pytorch/issues/5733 ("UserWarning: Implicit dimension choice for log_softmax has
# been deprecated ... input = module(input)"): running an OpenNMT fork prints the warnings for GlobalAttention.py line
# 177 and torch/nn/modules/container.py line 67; soumith answers that it is a warning, not an error. Re-typed: the two
# quoted lines, indented by two spaces as Python prints them. The softmax modules are built elsewhere (not in the
# thread), so where their dim is missing is not here.
  align_vectors = self.sm(align.view(batch * targetL, sourceL))
  input = module(input)
