"""part of look-alike project [LG004, LG002, LG016, LG003]: the cross-domain ASR model's domain discriminator ends in torch.sigmoid; its adversarial loss builds the domain labels as long tensors and casts them with .float() at the nn.BCELoss call."""
# Source: microsoft/NeuralSpeech at 8cf4fbc (read as is), CMatchASR/e2e_asr_udatransformer.py; re-typed, identifiers
# renamed; the ESPnet encoder/decoder, CTC and attention losses, the CMatch alignment loss and the reporter cut.
import torch

from espnet.nets.pytorch_backend.e2e_asr_transformer import E2E as TransformerASR


class DomainDiscriminator(torch.nn.Module):
    def __init__(self, input_dim=256, hidden_dim=256):
        super().__init__()
        self.dis1 = torch.nn.Linear(input_dim, hidden_dim)
        self.bn = torch.nn.BatchNorm1d(hidden_dim)
        self.dis2 = torch.nn.Linear(hidden_dim, 1)

    def forward(self, x):
        x = torch.nn.functional.relu(self.dis1(x))
        x = self.dis2(self.bn(x.permute(0, 2, 1)).permute(0, 2, 1))
        return torch.sigmoid(x)


class GradReverse(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, alpha):
        ctx.alpha = alpha
        return x.view_as(x)

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output.neg() * ctx.alpha, None


class DomainAdaptiveASR(TransformerASR):
    def __init__(self, idim, odim, args):
        super().__init__(idim, odim, args)
        self.loss_type = args.transfer_type
        if self.loss_type == "adv":
            self.domain_classifier = DomainDiscriminator(input_dim=self.adim, hidden_dim=self.adim)

    def forward(self, src_xs, src_lens, src_ys, tgt_xs, tgt_lens, tgt_ys=None):
        src_hs, src_mask = self.encoder(src_xs, src_lens)
        tgt_hs, tgt_mask = self.encoder(tgt_xs, tgt_lens)
        asr_loss = self.asr_loss(src_hs, src_mask, src_ys)
        uda_loss = torch.tensor(0.0).cuda()
        if self.loss_type == "adv":
            uda_loss = self.adversarial_loss(src_hs, tgt_hs)
        return (asr_loss, uda_loss) if self.training else asr_loss

    def adversarial_loss(self, src_hs, tgt_hs, alpha=1.0):
        bce = torch.nn.BCELoss()
        src_hs = GradReverse.apply(src_hs, alpha)
        tgt_hs = GradReverse.apply(tgt_hs, alpha)
        src_dom = self.domain_classifier(src_hs).view(-1, 1)
        tgt_dom = self.domain_classifier(tgt_hs).view(-1, 1)
        device = src_hs.device
        src_label = torch.ones(len(src_dom)).long().to(device)
        tgt_label = torch.zeros(len(tgt_dom)).long().to(device)
        dom_pred = torch.cat([src_dom, tgt_dom], dim=0)
        dom_label = torch.cat([src_label, tgt_label], dim=0)
        return bce(dom_pred, dom_label[:, None].float())
