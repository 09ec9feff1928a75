"""positive [LG010, LG011]: the junction-tree VAE builds its assembly and stereo losses with `size_average=False` (a sum over the batch), and its decoder samples from `nn.Softmax()` without an axis."""

# Source: wengong-jin/icml18-jtnn@d4c425a jtnn/jtnn_vae.py, jtnn/jtnn_dec.py (re-typed, renamed, cut to the losses and the sampling)
import torch
import torch.nn as nn


class TreeVAE(nn.Module):
    def __init__(self, hidden_size, latent_size, stereo=True):
        super().__init__()
        self.G_mean = nn.Linear(hidden_size, latent_size // 2)
        self.assm_loss = nn.CrossEntropyLoss(size_average=False)  # expect: LG010
        self.use_stereo = stereo
        if stereo:
            self.stereo_loss = nn.CrossEntropyLoss(size_average=False)  # expect: LG010

    def assm(self, cand_vecs, mol_vecs, labels):
        scores = (self.G_mean(cand_vecs) * mol_vecs).sum(-1)
        return self.assm_loss(scores.view(1, -1), labels) / len(labels)

    def pick_candidate(self, cand_vecs, mol_vec, prob_decode):
        scores = torch.mv(self.G_mean(cand_vecs), mol_vec) * 20
        if prob_decode:
            probs = nn.Softmax()(scores.view(1, -1)).squeeze() + 1e-5  # expect: LG011
            return torch.multinomial(probs, probs.numel())
        return torch.sort(scores, descending=True)[1]
