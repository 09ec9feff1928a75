"""part of look-alike project [LG001, LG006, LG014]: SimCLR's loss written by hand: exp of scaled cosine similarities, -mean(log(pos / (pos + neg)))."""
# Source: vturrisi/solo-learn@b2fc21087900b5446c3e90daf19b40315d07e404 solo/losses/simclr.py (read at the commit of "fix effective batch size and zero grad (#261)"; re-typed, identifiers renamed, the license header and docstring left out)
import torch
import torch.nn.functional as F
from solo.utils.misc import gather, get_rank


def nt_xent(z, indexes, temperature=0.1):
    z = F.normalize(z, dim=-1)
    all_z = gather(z)
    sim = torch.exp(torch.einsum("if, jf -> ij", z, all_z) / temperature)
    all_idx = gather(indexes)
    indexes = indexes.unsqueeze(0)
    all_idx = all_idx.unsqueeze(0)
    pos_mask = indexes.t() == all_idx
    pos_mask[:, z.size(0) * get_rank():].fill_diagonal_(0)
    neg_mask = indexes.t() != all_idx
    pos = torch.sum(sim * pos_mask, 1)
    neg = torch.sum(sim * neg_mask, 1)
    return -(torch.mean(torch.log(pos / (pos + neg))))
