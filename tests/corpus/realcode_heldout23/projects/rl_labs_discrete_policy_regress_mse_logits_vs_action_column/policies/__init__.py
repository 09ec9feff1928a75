"""part of positive project [LG005]: the policies package re-exports the policy classes."""
# Source: osigaud/Basic-Policy-Gradient-Labs at d190ef16 (the parent of 3ea1463c, "Fix regress loss", PR #7), policies/__init__.py;
# re-typed; the Bernoulli, normal, squashed-Gaussian and CNN policies and the wrapper are not included.
from policies.discrete_policy import DiscretePolicy
from policies.generic_net import GenericNet
