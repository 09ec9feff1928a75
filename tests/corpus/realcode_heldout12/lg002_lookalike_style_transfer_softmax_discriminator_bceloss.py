"""look-alike [LG001, LG002, LG016]: the style-transfer VAE's adversary and classifier heads return nn.Softmax(dim=1) probabilities from one method, another method scores them with nn.BCELoss() against label-smoothed targets, and the reconstruction term gives flat decoder logits to CrossEntropyLoss(ignore_index=0)."""
# Source: h3lio5/linguistic-style-transfer-pytorch@1f4daf9e071ba49e3d6b927d21fd71fe32104d89 linguistic_style_transfer_pytorch/model.py (read as is; its issue #6 asks why BCELoss is used for multi-class heads, a design choice, not a rule; re-typed, identifiers renamed, cut at method boundaries: the encoder/decoder, the style-embedding bookkeeping and generation left out, __init__ shortened)
import torch
import torch.nn as nn

from linguistic_style_transfer_pytorch.config import ModelConfig

cfg = ModelConfig()


class StyleVAE(nn.Module):

    def __init__(self, inv_vocab):
        super(StyleVAE, self).__init__()
        self.inv_vocab = inv_vocab
        self.dropout = nn.Dropout(cfg.dropout)
        self.content_adv = nn.Linear(cfg.style_hidden_dim, cfg.content_bow_dim)
        self.style_adv = nn.Linear(cfg.content_hidden_dim, cfg.num_style)
        self.content_head = nn.Linear(cfg.content_hidden_dim, cfg.content_bow_dim)
        self.style_head = nn.Linear(cfg.style_hidden_dim, cfg.num_style)

    def content_adv_preds(self, style_emb):
        preds = nn.Softmax(dim=1)(self.content_adv(self.dropout(style_emb.detach())))
        return preds

    def content_adv_loss(self, preds, content_bow):
        smoothed = content_bow * (1 - cfg.label_smoothing) + cfg.label_smoothing / cfg.content_bow_dim
        return nn.BCELoss()(preds, smoothed)

    def style_adv_preds(self, content_emb):
        preds = nn.Softmax(dim=1)(self.style_adv(self.dropout(content_emb.detach())))
        return preds

    def style_adv_loss(self, preds, style_labels):
        smoothed = style_labels * (1 - cfg.label_smoothing) + cfg.label_smoothing / cfg.num_style
        loss = nn.BCELoss()(preds, smoothed)
        return loss

    def entropy_loss(self, preds):
        return torch.mean(torch.sum(preds * torch.log(preds + cfg.epsilon), dim=1))

    def content_mul_loss(self, content_emb, content_bow):
        preds = nn.Softmax(dim=1)(
            self.content_head(self.dropout(content_emb)))
        smoothed = content_bow * (1 - cfg.label_smoothing) + cfg.label_smoothing / cfg.content_bow_dim
        return nn.BCELoss()(preds, smoothed)

    def style_mul_loss(self, style_emb, style_labels):
        preds = nn.Softmax(dim=1)(
            self.style_head(self.dropout(style_emb)))
        smoothed = style_labels * (1 - cfg.label_smoothing) + cfg.label_smoothing / cfg.num_style
        return nn.BCELoss()(preds, smoothed)

    def recon_loss(self, output_logits, input_sentences):
        ce = nn.CrossEntropyLoss(ignore_index=0)
        return ce(output_logits.view(-1, cfg.vocab_size), input_sentences.view(-1))

    def adversary_step(self, content_emb, style_emb, content_bow, style_labels):
        c_preds = self.content_adv_preds(style_emb)
        s_preds = self.style_adv_preds(content_emb)
        return self.content_adv_loss(c_preds, content_bow) + self.style_adv_loss(s_preds, style_labels)
