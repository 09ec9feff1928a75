"""part of look-alike project [LG003, LG006, LG012, LG014, LG015]: the TTS flow's gate layer is a LinearNorm (raw score per frame; torch.sigmoid of it only at inference, against a threshold); FlowtronLoss keeps nn.BCEWithLogitsLoss(reduction='none') for the gate and reduces it by a padding mask itself, and the attention CTC loss pads the attention log-scores with a blank column, applies nn.LogSoftmax(dim=3) and sums nn.CTCLoss over the items of one batch."""
# Source: NVIDIA/flowtron at d149bc46 (read as is), flowtron.py; re-typed, identifiers renamed; the Gaussian-mixture branch of the loss, the
# backward-flow roll/flip bookkeeping, attention layers and the affine coupling shortened; LinearNorm reduced to a
# Linear with Xavier initialisation.
import torch
import torch.nn as nn
import torch.nn.functional as F


def get_mask_from_lengths(lengths):
    max_len = torch.max(lengths).item()
    ids = torch.arange(0, max_len, device=lengths.device)
    return ids < lengths.unsqueeze(1)


class LinearNorm(torch.nn.Module):
    def __init__(self, in_dim, out_dim, bias=True, w_init_gain='linear'):
        super(LinearNorm, self).__init__()
        self.linear_layer = torch.nn.Linear(in_dim, out_dim, bias=bias)
        torch.nn.init.xavier_uniform_(self.linear_layer.weight, gain=torch.nn.init.calculate_gain(w_init_gain))

    def forward(self, x):
        return self.linear_layer(x)


class AttentionCTCLoss(torch.nn.Module):
    def __init__(self, blank_logprob=-1):
        super(AttentionCTCLoss, self).__init__()
        self.log_softmax = torch.nn.LogSoftmax(dim=3)
        self.blank_logprob = blank_logprob
        self.ctc = nn.CTCLoss(zero_infinity=True)

    def forward(self, attn, in_lens, out_lens, attn_logprob):
        padded = F.pad(input=attn_logprob, pad=(1, 0, 0, 0, 0, 0, 0, 0), value=self.blank_logprob)
        cost_total = 0.0
        for bid in range(attn_logprob.shape[0]):
            target_seq = torch.arange(1, in_lens[bid] + 1).unsqueeze(0)
            cur = padded[bid].permute(1, 0, 2)[:out_lens[bid], :, :in_lens[bid] + 1]
            cur = self.log_softmax(cur[None])[0]
            cost = self.ctc(cur, target_seq, input_lengths=out_lens[bid:bid + 1], target_lengths=in_lens[bid:bid + 1])
            cost_total += cost
        return cost_total / attn_logprob.shape[0]


class FlowLoss(torch.nn.Module):
    def __init__(self, sigma=1.0, gate_loss=True, use_ctc_loss=False, ctc_loss_weight=0.0, blank_logprob=-1):
        super(FlowLoss, self).__init__()
        self.sigma = sigma
        self.gate_criterion = nn.BCEWithLogitsLoss(reduction='none')
        self.gate_loss = gate_loss
        self.use_ctc_loss = use_ctc_loss
        self.ctc_loss_weight = ctc_loss_weight
        self.attention_loss = AttentionCTCLoss(blank_logprob=blank_logprob)

    def forward(self, model_output, gate_target, in_lengths, out_lengths, is_validation=False):
        z, log_s_list, gate_pred, attn_list, attn_logprob_list = model_output
        mask = get_mask_from_lengths(out_lengths).transpose(0, 1)[..., None].float()
        n_mel = z.size(2)
        n_elements = mask.sum()
        for i, log_s in enumerate(log_s_list):
            if i == 0:
                log_s_total = torch.sum(log_s * mask)
            else:
                log_s_total = log_s_total + torch.sum(log_s * mask)
        z = z * mask
        loss = torch.sum(z * z) / (2 * self.sigma * self.sigma) - log_s_total
        loss = loss / (n_elements * n_mel)

        gate_loss = torch.zeros(1, device=z.device)
        if self.gate_loss > 0:
            gate_pred = (gate_pred * mask)
            gate_pred = gate_pred[..., 0].permute(1, 0)
            gate_loss = self.gate_criterion(gate_pred, gate_target)
            gate_loss = gate_loss.permute(1, 0) * mask[:, :, 0]
            gate_loss = gate_loss.sum() / n_elements

        loss_ctc = torch.zeros_like(gate_loss, device=z.device)
        if self.use_ctc_loss:
            for idx, flow_attn in enumerate(attn_list):
                cur_logprob = attn_logprob_list[idx]
                if idx % 2 != 0 and cur_logprob is not None:
                    cur_logprob = torch.flip(cur_logprob, (1,))
                loss_ctc += self.attention_loss(flow_attn.unsqueeze(1), in_lengths, out_lengths,
                                                attn_logprob=cur_logprob.unsqueeze(1))
            loss_ctc = loss_ctc / float(len(attn_list))
        return loss, gate_loss, loss_ctc


class ARStep(torch.nn.Module):
    def __init__(self, n_mel, n_hidden, n_attn_channels, add_gate):
        super(ARStep, self).__init__()
        self.lstm = nn.LSTM(n_mel + n_attn_channels, n_hidden)
        self.conv = nn.Conv1d(n_hidden, 2 * n_mel, 1)
        if add_gate:
            self.gate_threshold = 0.5
            self.gate_layer = LinearNorm(n_hidden + n_attn_channels, 1, bias=True, w_init_gain='sigmoid')

    def forward(self, mel, decoder_input, hidden):
        gates = None
        if hasattr(self, 'gate_layer'):
            gates = self.gate_layer(decoder_input)
        out = self.conv(self.lstm(decoder_input)[0].permute(1, 2, 0)).permute(2, 0, 1)
        log_s = out[:, :, :mel.size(2)]
        b = out[:, :, mel.size(2):]
        mel = torch.exp(log_s) * mel + b
        return mel, log_s, gates

    def infer(self, decoder_input):
        if hasattr(self, 'gate_layer') and torch.sigmoid(self.gate_layer(decoder_input)) > self.gate_threshold:
            print("Hitting gate limit")
            return True
        return False
