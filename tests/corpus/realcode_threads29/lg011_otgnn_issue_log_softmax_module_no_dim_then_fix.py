"""positive [LG011]: an issue's before/after: torch.nn.LogSoftmax() built without dim and applied at once, then the reporter's dim=0 fix."""

# Source: https://github.com/benatorc/OTGNN/issues/2 ("UserWarning: Implicit dimension choice for log_softmax has been
# deprecated."): the reporter quotes models/ot_modules.py line 100 and the edit that silenced the warning, each line
# preceded by an elision the post writes as "....", typed here as `...` (Ellipsis). `torch` and `all_nce_dists` are
# bound nowhere in the post.
# and the code was
...
nce_reg = torch.nn.LogSoftmax()(torch.stack(all_nce_dists))[0]  # expect: LG011

# So I manually changed it as
...
nce_reg = torch.nn.LogSoftmax(dim=0)(torch.stack(all_nce_dists))[0]
