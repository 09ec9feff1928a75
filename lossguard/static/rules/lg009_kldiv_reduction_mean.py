"""LG009 kldiv-reduction-mean: KLDivLoss with reduction 'mean'."""

from __future__ import annotations

from lossguard.static import torch_api as api
from lossguard.static.events import TorchCall
from lossguard.static.examples import Invalid, catalog_example, catalog_use_instead
from lossguard.static.rule import Rule
from lossguard.static.rules._common import api_label, reduction_of, set_reduction

_KL = (api.NN + "KLDivLoss", api.F + "kl_div")


class KlDivReductionMean(Rule):
    code = "LG009"

    def on_torch_call(self, call: TorchCall) -> None:
        if call.qname not in _KL:
            return
        if reduction_of(call) == "mean":
            legacy = any(k.arg in api.LEGACY_REDUCTION_ARGS for k in call.node.keywords)
            # torch.kl_div takes an integer reduction: no keyword fix
            fix = None if legacy or call.written else set_reduction(call, "batchmean", "unsafe")
            self.report(
                call.node,
                call.ctx,
                f"{call.written or api_label(call.qname)} with reduction='mean' divides by the number of elements, not the batch size; "
                "use reduction='batchmean' for the KL divergence",
                fix,
            )

    VALID = (
        """
import torch

# the native function reduces nothing unless told (its reduction is an integer, 0 by default)
p_y = probs.mean(dim=0, keepdim=True)
kl = torch.kl_div(torch.log(p_y), probs).sum(dim=1)
score = torch.exp(kl.mean())
""",
        """
import torch.nn as nn

kl = nn.KLDivLoss(reduction="batchmean")
""",
        """
import torch.nn.functional as F

def kl_term(log_p, q, reduction):
    return F.kl_div(log_p, q, reduction=reduction)  # not known statically
""",
    )
    INVALID = (
        Invalid(
            catalog_example("LG009"),
            line=4,
            col=6,
            message="KLDivLoss with reduction='mean' divides by the number of elements, not the batch size; use reduction='batchmean' for the KL divergence",
            fixed=catalog_use_instead("LG009"),
            fix_title="Use reduction='batchmean'",
        ),
        Invalid(
            """
import torch.nn as nn

kl = nn.KLDivLoss()
""",
            line=3,
            col=6,
            message="KLDivLoss with reduction='mean' divides by the number of elements, not the batch size; use reduction='batchmean' for the KL divergence",
            fixed="""
import torch.nn as nn

kl = nn.KLDivLoss(reduction="batchmean")
""",
            fix_title="Use reduction='batchmean'",
        ),
        Invalid(
            """
import torch.nn.functional as F

loss = F.kl_div(F.log_softmax(s, dim=1), F.softmax(t, dim=1), reduction="mean")
""",
            line=3,
            col=8,
            message="F.kl_div with reduction='mean' divides by the number of elements, not the batch size; use reduction='batchmean' for the KL divergence",
            fixed="""
import torch.nn.functional as F

loss = F.kl_div(F.log_softmax(s, dim=1), F.softmax(t, dim=1), reduction="batchmean")
""",
            fix_title="Use reduction='batchmean'",
        ),
        Invalid(
            """
import torch
import torch.nn.functional as F

loss = torch.kl_div(F.log_softmax(s, dim=1), F.softmax(t, dim=1), 1)
""",
            line=4,
            col=8,
            message="torch.kl_div with reduction='mean' divides by the number of elements",
        ),
    )
