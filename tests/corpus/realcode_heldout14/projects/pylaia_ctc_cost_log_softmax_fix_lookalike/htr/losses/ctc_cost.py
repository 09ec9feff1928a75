"""part of look-alike project [LG012]: after the fix the CTC cost module log-softmaxes the activations (add_logsoftmax=True by default) before F.ctc_loss."""
# Source: jpuigcerver/PyLaia at the fix 9fe3d04 ("Fixed CTCLoss and test more cases"), laia/losses/ctc_loss.py; re-typed, identifiers renamed;
# the helper that drops too-short samples, the logging of ignored samples and the custom Function's backward cut.
import itertools

import torch
from torch.autograd import Function
from torch.nn.utils.rnn import PackedSequence, pad_packed_sequence


def unpack_output(output):
    # Size: T x N x D
    if isinstance(output, PackedSequence):
        acts, act_lens = pad_packed_sequence(output)
    elif isinstance(output, torch.Tensor):
        acts, act_lens = output, [output.size(0)] * output.size(1)
    else:
        raise NotImplementedError("Not implemented for type {}".format(type(output)))
    return acts, act_lens


class PrepareForCTC(Function):
    @staticmethod
    def forward(ctx, acts, target, act_lens, keep=None):
        ctx.saved = keep, list(acts.size())
        if keep:
            index = torch.tensor(keep, device=acts.device)
            acts = torch.index_select(acts, 1, index)
            target = [target[i] for i in keep]
            act_lens = [act_lens[i] for i in keep]
        act_lens = torch.tensor(act_lens, dtype=torch.int32, device=torch.device("cpu"))
        labels = torch.tensor(
            list(itertools.chain.from_iterable(target)), dtype=torch.int32, device=torch.device("cpu")
        )
        label_lens = torch.tensor([len(y) for y in target], dtype=torch.int32, device=torch.device("cpu"))
        return acts, labels, act_lens, label_lens


class CTCCost(torch.nn.Module):
    """reduction: 'none' | 'mean' | 'sum'; average_frames divides each sample's cost by its frames."""

    def __init__(self, reduction="mean", average_frames=False, blank=0, add_logsoftmax=True):
        super(CTCCost, self).__init__()
        self._reduction = reduction
        self._average_frames = average_frames
        self._blank = blank
        self._add_logsoftmax = add_logsoftmax

    def forward(self, output, target, **kwargs):
        """output: the output of the network (T x N x D, or a PackedSequence)."""
        acts, act_lens = unpack_output(output)
        assert act_lens[0] == acts.size(0), "Maximum length does not match"
        assert len(target) == acts.size(1), "Batch size does not match"

        acts, labels, act_lens, label_lens = PrepareForCTC.apply(acts, target, act_lens, None)
        labels = labels.detach()
        act_lens = act_lens.detach()
        label_lens = label_lens.detach()

        if self._add_logsoftmax:
            acts = torch.nn.functional.log_softmax(acts, dim=-1)

        losses = torch.nn.functional.ctc_loss(
            log_probs=acts,
            targets=labels,
            input_lengths=act_lens,
            target_lengths=label_lens,
            blank=self._blank,
            reduction="none",
        )

        if self._average_frames:
            losses = losses / act_lens.to(losses)

        if self._reduction == "none":
            return losses
        elif self._reduction == "mean":
            return losses.mean()
        elif self._reduction == "sum":
            return losses.sum()
        raise ValueError("Reduction {!r} not supported!".format(self._reduction))
